"""Exception handlers: the JSON error shape for the API and JSON clients, a friendly HTML page for browsers."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from ..api.errors import as_broadsheet_error, error_response
from ..errors import BroadsheetError
from .templating import render


def wants_json(request: Request) -> bool:
    """API paths, and clients that ask for JSON before (or without) HTML."""
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    json_at, html_at = accept.find("json"), accept.find("text/html")
    return json_at >= 0 and (html_at < 0 or json_at < html_at)


async def handle_error(request: Request, exc: Exception):
    error = as_broadsheet_error(request, exc)
    headers = getattr(exc, "headers", None)
    if wants_json(request):
        return error_response(error, headers)
    response = render(request, "error.html", error.status, error=error)
    if headers:
        response.headers.update(headers)
    return response


def install_error_handlers(app: FastAPI) -> None:
    for exc_type in (BroadsheetError, HTTPException, RequestValidationError, Exception):
        app.add_exception_handler(exc_type, handle_error)
