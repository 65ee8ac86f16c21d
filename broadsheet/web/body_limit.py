"""Refuse request bodies over ``BROADSHEET_MAX_REQUEST_BYTES`` with 413, in the one error shape.

A declared ``Content-Length`` that is too large is refused before anything is read; a body sent without one
(chunked) is counted as it arrives and refused once it passes the limit.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import BroadsheetError
from .errors import handle_error


class TooLarge(BroadsheetError):
    code, status = "too_large", 413


def _too_large(limit: int) -> TooLarge:
    return TooLarge(f"The request is too large: at most {limit:,} bytes are accepted.", detail={"max_bytes": limit})


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = scope["app"].state.ctx.settings.max_request_bytes
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None and (not declared.strip().isdigit() or int(declared) > limit):
            await self._refuse(scope, receive, send, limit)
            return
        seen, exceeded = 0, False

        async def counted() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise _too_large(limit)
            return message

        async def unless_exceeded(message: Message) -> None:
            if not exceeded:  # whatever the app made of the cut-off body (a parse error, …) gives way to our 413
                await send(message)

        try:
            await self.app(scope, counted, unless_exceeded)
        except Exception:
            if not exceeded:
                raise
        if exceeded:
            await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        request = Request(scope, receive)
        response = await handle_error(request, _too_large(limit))
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
