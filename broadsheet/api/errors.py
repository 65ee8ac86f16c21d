"""Every failure as a BroadsheetError, and the one JSON error shape (``errors.error_body``) as a response."""
from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import BroadsheetError, InvalidInput, error_body

log = logging.getLogger(__name__)
HTTP_CODES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
              413: "too_large", 415: "unsupported_media_type", 429: "too_many_requests"}


def as_broadsheet_error(request: Request, exc: Exception) -> BroadsheetError:
    """What went wrong, in our terms. Unexpected exceptions are logged here with the request they broke."""
    if isinstance(exc, BroadsheetError):
        if exc.status >= 500:
            log.warning("%s %s failed: %s (%s)", request.method, request.url.path, exc, exc.code)
        return exc
    if isinstance(exc, RequestValidationError):
        return _invalid_input(exc)
    if isinstance(exc, HTTPException):
        if exc.status_code == 404:
            message = f"Nothing found at {request.url.path}"
        else:
            message = exc.detail if isinstance(exc.detail, str) else f"HTTP error {exc.status_code}"
        return BroadsheetError(message, code=HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}"),
                               status=exc.status_code)
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return BroadsheetError("Something went wrong on our side. The error has been logged.", code="internal",
                           status=500)


def _invalid_input(exc: RequestValidationError) -> InvalidInput:
    fields = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        fields.append({"in": loc[0] if loc else "request", "field": ".".join(loc[1:]) or (loc[0] if loc else ""),
                       "message": err.get("msg", "invalid"), "type": err.get("type", "invalid")})
    summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:3])
    return InvalidInput(f"Invalid input: {summary}", code="invalid_input", status=422, detail=fields)


def error_response(error: BroadsheetError, headers: dict | None = None) -> JSONResponse:
    body = error_body(error.code, error.user_message, error.status, error.detail)
    return JSONResponse(body, status_code=error.status, headers=headers)
