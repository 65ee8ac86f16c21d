"""Serve the demo's fictional news outlets over HTTP: each on its own ThreadingHTTPServer and port.

    with DemoSite() as site:           # or site.start(); ...; site.stop()
        for o in site.outlets:         # DemoOutlet(slug, name, home_url, feed_url, sitemap_url, kind, ...)
            ...
        site.opml()                    # OPML 2.0 listing every outlet's feed (or news sitemap)

``python -m broadsheet.demo.server`` runs it standalone and prints the outlet URLs.
"""
from __future__ import annotations

import argparse
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import feeds
from .app import CONTENT_TYPES, OutletApp, Response
from .content import Article, Outlet, load_world
from .site import feed_format

@dataclass(frozen=True)
class DemoOutlet:
    slug: str
    name: str
    home_url: str
    feed_url: str | None
    sitemap_url: str | None  # every outlet has a Google News sitemap; for kind="sitemap" it is the only source
    kind: str  # "feed" (subscribe to feed_url) or "sitemap" (no feed: subscribe to sitemap_url)
    folder: str = "News"
    feed_format: str | None = None  # "rss" | "atom" | "jsonfeed"; None when there is no feed
    article_count: int = 0  # items in its feed / sitemap


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "BroadsheetDemo/1.0"
    timeout = 30

    def do_GET(self):
        self._serve(head=False)

    def do_HEAD(self):
        self._serve(head=True)

    def _serve(self, head: bool):
        resp: Response = self.server.app.get(self.path)
        not_modified = resp.not_modified(self.headers)
        self.send_response(304 if not_modified else resp.status)
        if resp.status == 200:
            self.send_header("ETag", resp.etag)
            if resp.last_modified:
                self.send_header("Last-Modified", format_datetime(resp.last_modified, usegmt=True))
            self.send_header("Cache-Control", "public, max-age=300" if resp.kind != "html" else "public, max-age=60")
        if not_modified:
            self.end_headers()
            return
        self.send_header("Content-Type", CONTENT_TYPES[resp.kind])
        self.send_header("Content-Length", str(len(resp.body)))
        self.end_headers()
        if not head:
            self.wfile.write(resp.body)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6


class DemoSite:
    """The demo's outlets, each served by its own HTTP server on its own free port, in daemon threads."""

    def __init__(self, now: datetime | None = None, *, verbose: bool = False):
        self.world = load_world(now)
        self.now = self.world.now
        self.verbose = verbose
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        self._bases: dict[str, str] = {}
        self._outlets: list[DemoOutlet] = []

    def start(self, host: str = "127.0.0.1", *, base_port: int = 0) -> None:
        """Bind one server per outlet (free ports, or ``base_port``, ``base_port+1``, ...) and serve."""
        if self._servers:
            return
        url_host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, f"[{host}]" if ":" in host else host)
        try:
            for i, o in enumerate(self.world.outlets):
                srv = (_Server6 if ":" in host else _Server)((host, base_port + i if base_port else 0), _Handler)
                self._servers.append(srv)
                self._bases[o.slug] = f"http://{url_host}:{srv.server_address[1]}"
            for o, srv in zip(self.world.outlets, self._servers):
                srv.app, srv.verbose = OutletApp(self, o, self._bases[o.slug]), self.verbose
                self._outlets.append(self._describe(o, srv.app))
                t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1},
                                     name=f"demo-{o.slug}", daemon=True)
                t.start()
                self._threads.append(t)
        except BaseException:
            self.stop()
            raise

    def _describe(self, o: Outlet, app: OutletApp) -> DemoOutlet:
        base = self._bases[o.slug]
        return DemoOutlet(slug=o.slug, name=o.name, home_url=base + "/",
                          feed_url=base + o.feed_path if o.feed_path else None, sitemap_url=app.sitemap_url,
                          kind="feed" if o.feed else "sitemap", folder=o.folder, feed_format=feed_format(o),
                          article_count=len(app.articles))

    def stop(self) -> None:
        running = self._servers[:len(self._threads)]  # servers whose serve_forever loop was started
        stoppers = [threading.Thread(target=srv.shutdown, daemon=True) for srv in running]
        for t in stoppers:  # in parallel: each shutdown() waits for its loop's next poll
            t.start()
        for t in stoppers + self._threads:
            t.join(timeout=5)
        for srv in self._servers:
            srv.server_close()
        self._servers, self._threads, self._outlets = [], [], []
        self._bases.clear()

    @property
    def outlets(self) -> list[DemoOutlet]:
        if not self._outlets:
            raise RuntimeError("DemoSite is not running: call start() first")
        return list(self._outlets)

    def outlet(self, slug: str) -> DemoOutlet:
        return next(o for o in self.outlets if o.slug == slug)

    def url_of(self, article: Article) -> str:
        """The canonical URL of any demo article (on its own outlet's server)."""
        return self._bases[article.outlet] + article.path

    def opml(self) -> str:
        return feeds.opml(self.outlets, self.now)

    def __enter__(self) -> "DemoSite":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m broadsheet.demo.server", description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--base-port", type=int, default=0, help="first port (one per outlet); default: free ports")
    ap.add_argument("--opml", metavar="FILE", help="also write the OPML subscription list to FILE")
    ap.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = ap.parse_args(argv)
    site = DemoSite(verbose=args.verbose)
    site.start(args.host, base_port=args.base_port)
    print(f"Broadsheet demo news world: {len(site.world.articles)} articles, start time {site.now:%Y-%m-%d %H:%M} UTC")
    for o in site.outlets:
        print(f"  {o.name:<26} {o.home_url:<26} {o.kind:<7} {o.feed_url or o.sitemap_url}")
    if args.opml:
        with open(args.opml, "w", encoding="utf-8") as f:
            f.write(site.opml())
        print(f"OPML written to {args.opml}")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()


if __name__ == "__main__":
    main()
