"""What one demo outlet answers, path by path: pages, feed, news sitemap, robots.txt, images.

No sockets here (see :mod:`broadsheet.demo.server`), so the routes are easy to test. Responses are rendered
once and cached; each carries an ETag and a Last-Modified time for conditional GETs.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import feeds
from .content import Outlet
from .site import Renderer, feed_format, png

if TYPE_CHECKING:
    from .server import DemoSite

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8", "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8", "jsonfeed": "application/feed+json; charset=utf-8",
    "xml": "application/xml; charset=utf-8", "text": "text/plain; charset=utf-8", "png": "image/png",
}
_FEEDS = {"rss": feeds.rss, "atom": feeds.atom, "jsonfeed": feeds.json_feed}


@dataclass
class Response:
    status: int
    kind: str  # key of CONTENT_TYPES
    body: bytes
    last_modified: datetime | None = None
    etag: str = field(init=False)

    def __post_init__(self):
        self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'

    def not_modified(self, headers) -> bool:
        if self.status != 200:
            return False
        if (inm := headers.get("If-None-Match")) is not None:
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or self.etag in tags
        if (ims := headers.get("If-Modified-Since")) and self.last_modified:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError, IndexError):
                return False
            since = since if since.tzinfo else since.replace(tzinfo=timezone.utc)
            return self.last_modified <= since
        return False


class OutletApp:
    """Everything one outlet answers, keyed by path (the query string is ignored). No sockets here."""

    def __init__(self, site: "DemoSite", outlet: Outlet, base: str):
        self.outlet, self.base, self.world = outlet, base, site.world
        self.renderer = Renderer(site.world, outlet, base, site.url_of)
        self.articles = site.world.by_outlet(outlet.slug)
        self.by_path = {a.path: a for a in self.articles}
        self.sitemap_url = base + "/news-sitemap.xml"
        self._cache: dict[str, Response] = {}

    def get(self, target: str) -> Response:
        path = urlsplit(target).path or "/"
        if path not in self._cache:
            self._cache[path] = self._render(path)
        return self._cache[path]

    def _feed_views(self) -> list[dict]:
        r = self.renderer
        return [dict(r.view(a), link=r.tracked(r.url_of(a), self.outlet.tracking)) for a in self.articles]

    def _render(self, path: str) -> Response:
        o, r = self.outlet, self.renderer
        newest = self.articles[0].published if self.articles else self.world.now
        if path in ("/", "/index.html"):
            return Response(200, "html", r.home().encode(), newest)
        if m := re.fullmatch(r"/section/([a-z]+)/?", path):
            return Response(200, "html", r.home(section=m.group(1)).encode(), newest)
        if a := self.by_path.get(path):
            return Response(200, "html", r.article(a).encode(), a.published)
        if o.feed_path and path == o.feed_path:
            fmt = feed_format(o)
            body = _FEEDS[fmt](o, self.base, r.feed_url, self._feed_views(), full=o.feed.endswith("-full"),
                               now=self.world.now)
            return Response(200, fmt, body, newest)
        if path == "/news-sitemap.xml":
            return Response(200, "xml", feeds.news_sitemap(o, [r.view(a) for a in self.articles]), newest)
        if path == "/robots.txt":
            return Response(200, "text", feeds.robots(self.base, self.sitemap_url).encode(), self.world.now)
        if path in ("/logo.png", "/favicon.ico"):
            return Response(200, "png", png(o.slug, o.colour, 64, 64), self.world.now)
        if (m := re.fullmatch(r"/media/([a-z0-9-]+)\.png", path)) and any(a.slug == m.group(1) for a in self.articles):
            return Response(200, "png", png(m.group(1), o.colour), self.world.now)
        return Response(404, "html", r.not_found().encode())
