"""A tiny local web server publishing one RSS feed whose items carry their full text (no page fetches needed)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPH = "The harbour authority approved the new pier after a long public consultation with residents. " * 15
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Herald</title><link>http://HOST/</link>
<description>Local news</description>
<item><title>Pier approved</title><link>http://HOST/pier</link><guid>pier</guid>
<pubDate>Thu, 03 Jul 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>{PARAGRAPH}</p>]]></description></item>
<item><title>Ferry timetable changes</title><link>http://HOST/ferry</link><guid>ferry</guid>
<pubDate>Wed, 02 Jul 2025 09:00:00 GMT</pubDate><description><![CDATA[<p>Ferries {PARAGRAPH}</p>]]></description></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        host = self.headers.get("Host", "")
        if self.path == "/feed.xml":
            body, kind = FEED.replace("HOST", host).encode(), "application/rss+xml"
        elif self.path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def serving_feed():
    """Yield the feed's URL while the server runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()
