"""A real HTTP/1.1 server on 127.0.0.1 (random port, background thread) for tests that fetch over the network.

Register routes, then point the code under test at ``server.url("/path")``::

    server.route("/feed.xml", body=b"<rss .../>", headers={"Content-Type": "application/rss+xml"})
    server.route("/flaky", handler=lambda req: (503, {}, b"") if server.hits("/flaky") == 1 else (200, {}, b"ok"))

A handler gets a ``Request`` and returns ``(status, headers, body)``. ``body`` is bytes, str (sent as UTF-8) or an
iterable of bytes, which is streamed (chunked, unless the handler sets Content-Length) and may be endless: a client
that hangs up just stops it. Unknown paths get a 404. Routes match on the path, with or without the query string.
"""
from __future__ import annotations

import ssl
import threading
from collections import Counter
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterable
from urllib.parse import urlsplit

Body = bytes | str | Iterable[bytes]
Reply = tuple[int, dict, Body]


@dataclass
class Request:
    method: str
    path: str  # without the query string
    query: str
    headers: Message  # case-insensitive .get()


Handler = Callable[[Request], Reply]


class LocalHTTPServer:
    def __init__(self, host: str = "127.0.0.1", *, tls: ssl.SSLContext | None = None):
        """``tls``: a server-side SSLContext to serve HTTPS instead of HTTP."""
        self._routes: dict[str, Handler] = {}
        self._hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.requests: list[Request] = []
        self._httpd = ThreadingHTTPServer((host, 0), _make_handler_class(self))
        self._httpd.daemon_threads = True
        if tls:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self.port = self._httpd.server_address[1]
        self.base_url = f"{'https' if tls else 'http'}://{host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), name="test-http-server",
                                        daemon=True)  # a short poll interval: close() returns quickly
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def route(self, path: str, status: int = 200, body: Body = b"", headers: dict | None = None, *,
              handler: Handler | None = None) -> None:
        """Serve a fixed reply at ``path``, or call ``handler(request)`` for each request to it."""
        self._routes[path] = handler or (lambda _req: (status, dict(headers or {}), body))

    def hits(self, path: str) -> int:
        """Requests received for ``path`` (query string ignored), including ones still being answered."""
        with self._lock:
            return self._hits[path]

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _dispatch(self, request: Request, raw_path: str) -> Reply:
        with self._lock:
            self._hits[request.path] += 1
            self.requests.append(request)
        handler = self._routes.get(raw_path) or self._routes.get(request.path)
        if handler is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return handler(request)

    def __enter__(self) -> "LocalHTTPServer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _make_handler_class(server: LocalHTTPServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if self.headers.get("Content-Length"):
                self.rfile.read(int(self.headers["Content-Length"]))
            request = Request(self.command, parts.path, parts.query, self.headers)
            status, headers, body = server._dispatch(request, self.path)
            try:
                self._reply(status, headers, body)
            except (BrokenPipeError, ConnectionResetError):  # the client hung up mid-body, as clients may
                self.close_connection = True

        do_HEAD = do_POST = do_GET

        def _reply(self, status: int, headers: dict, body: Body) -> None:
            if isinstance(body, str):
                body = body.encode("utf-8")
            names = {k.lower() for k in headers}
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, str(value))
            has_body = self.command != "HEAD" and status not in (204, 304)
            if isinstance(body, bytes):
                if "content-length" not in names:
                    self.send_header("Content-Length", str(len(body) if has_body else 0))
                self.end_headers()
                if has_body:
                    self.wfile.write(body)
                return
            chunked = "content-length" not in names
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in body:
                if piece:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
                    self.wfile.flush()
            if chunked:
                self.wfile.write(b"0\r\n\r\n")

        def log_message(self, format, *args) -> None:  # keep test output quiet
            pass

    return _Handler
