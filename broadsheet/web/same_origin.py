"""A minimal guard against cross-site form posts until accounts bring CSRF tokens.

Browsers send ``Origin`` (or at least ``Referer``) with every cross-site POST; when one is present its host must be
ours. Clients that send neither (curl, scripts) are not browsers riding on a visitor's session and pass.

A plain ASGI middleware: reads (GET, HEAD, …) pass straight through at the cost of one set lookup.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import BroadsheetError
from .errors import handle_error

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class CrossOriginRefused(BroadsheetError):
    code, status = "cross_origin", 403


def check_same_origin(request: Request) -> None:
    """Raise CrossOriginRefused when an unsafe request names another site as its origin."""
    if request.method in SAFE_METHODS:
        return
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if claimed is None:
        return
    # Behind a reverse proxy the public host may arrive as X-Forwarded-Host; a cross-site form cannot set it.
    ours = {request.headers.get(h, "").lower() for h in ("host", "x-forwarded-host")} - {""}
    if claimed == "null" or urlsplit(claimed).netloc.lower() not in ours:
        raise CrossOriginRefused("This form was sent from another site, so it was refused. "
                                 "Reload the page and try again.")


class SameOriginMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            request = Request(scope, receive)
            try:
                check_same_origin(request)
            except CrossOriginRefused as refused:  # the page or JSON error, as for any other error
                response = await handle_error(request, refused)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
