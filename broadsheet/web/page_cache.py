"""A short-lived in-process cache of whole pages that are the same for every visitor: the home pages and the
article pages, kept a few seconds (home: new articles show within ``HOME_TTL``) or a minute (an article).

Never shared between visitors once they can be told apart: a request carrying a cookie or an Authorization header
is neither answered from the cache nor stored, and neither is a response that sets a cookie. Only GET, only 200.
Every worker process has its own cache; an unsafe request (a form post, an API change) empties this worker's at
once, other workers' entries simply expire.
"""
from __future__ import annotations

import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HOME_TTL = 5.0
ARTICLE_TTL = 60.0
MAX_BYTES = 32 * 1024 * 1024  # per worker process; least recently used pages go first
MAX_PAGE_BYTES = 512 * 1024
_PRIVATE = (b"cookie", b"authorization")


def ttl_for(path: str) -> float | None:
    """How long the page at ``path`` may be served from the cache (None: never cached)."""
    if path == "/":
        return HOME_TTL
    if path.startswith("/articles/"):
        return ARTICLE_TTL
    return None


class PageCache:
    """ASGI middleware. Keys are the path and query string as sent (``/?page=2``)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BYTES, clock=time.monotonic):
        self.app = app
        self.max_bytes = max_bytes
        self.clock = clock
        self.pages: OrderedDict[tuple[str, bytes], tuple[float, int, list, bytes]] = OrderedDict()
        self.size = 0
        self.generation = 0  # bumped by every unsafe request: a page rendered across one is not stored

    def clear(self) -> None:
        self.pages.clear()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method != "GET":
            if method not in ("HEAD", "OPTIONS"):  # may change what pages show: forget them, here and now
                self.generation += 1
                self.clear()
                try:
                    await self.app(scope, receive, send)
                finally:
                    self.generation += 1
                    self.clear()
                return
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        ttl = ttl_for(path)
        if ttl is None or any(name in _PRIVATE for name, _ in scope["headers"]):
            await self.app(scope, receive, send)
            return
        key = (path, scope["query_string"])
        now = self.clock()
        entry = self.pages.get(key)
        if entry is not None:
            if entry[0] > now:
                self.pages.move_to_end(key)
                await send({"type": "http.response.start", "status": entry[1], "headers": entry[2]})
                await send({"type": "http.response.body", "body": entry[3]})
                return
            self._drop(key)
        await self._fill(scope, receive, send, key, now + ttl)

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key, expires: float) -> None:
        generation = self.generation
        start: Message | None = None
        chunks: list[bytes] = []
        storable = True

        async def keep(message: Message) -> None:
            nonlocal start, storable
            if message["type"] == "http.response.start":
                start = message
                storable = message["status"] == 200 and not any(
                    name == b"set-cookie" for name, _ in message.get("headers", ()))
            elif message["type"] == "http.response.body" and storable:
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        if not storable or start is None or generation != self.generation:
            return
        body = b"".join(chunks)
        if len(body) > MAX_PAGE_BYTES:
            return
        self._drop(key)
        self.pages[key] = (expires, 200, list(start.get("headers", ())), body)
        self.size += len(body)
        while self.size > self.max_bytes and self.pages:
            self._drop(next(iter(self.pages)))

    def _drop(self, key) -> None:
        entry = self.pages.pop(key, None)
        if entry is not None:
            self.size -= len(entry[3])
