"""Server addresses typed with a trailing slash: newsboat (and others) append ``/v1/...`` or ``/accounts/...`` to
the address as given, so ``https://host/`` becomes ``https://host//v1/feeds`` (FeedHQ's own default address ends in
a slash). This ASGI middleware folds that doubled slash, at the root and after ``/api/greader.php``, and nothing
else: a stream id such as ``feed/https://example.com/rss`` keeps its own slashes."""
from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

GREADER = "/api/greader.php//"


class SyncPathSlashes:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            if path.startswith("//"):
                fixed = "/" + path.lstrip("/")
            elif path.startswith(GREADER):
                fixed = GREADER[:-1] + path[len(GREADER):].lstrip("/")
            else:
                fixed = None
            if fixed is not None:
                scope = {**scope, "path": fixed, "raw_path": fixed.encode()}
        await self.app(scope, receive, send)
