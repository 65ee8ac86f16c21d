"""One RSS feed whose items carry their full text (no page fetches needed), on the shared local test server."""
from __future__ import annotations

from contextlib import contextmanager

from tests.support.http_server import LocalHTTPServer

PARAGRAPH = "The harbour authority approved the new pier after a long public consultation with residents. " * 15
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Herald</title><link>BASE/</link>
<description>Local news</description>
<item><title>Pier approved</title><link>BASE/pier</link><guid>pier</guid>
<pubDate>Thu, 03 Jul 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>{PARAGRAPH}</p>]]></description></item>
<item><title>Ferry timetable changes</title><link>BASE/ferry</link><guid>ferry</guid>
<pubDate>Wed, 02 Jul 2025 09:00:00 GMT</pubDate><description><![CDATA[<p>Ferries {PARAGRAPH}</p>]]></description></item>
</channel></rss>"""


@contextmanager
def serving_feed():
    """Yield the feed's URL while the server runs."""
    with LocalHTTPServer() as server:
        server.route("/feed.xml", body=FEED.replace("BASE", server.base_url),
                     headers={"Content-Type": "application/rss+xml"})
        yield server.url("/feed.xml")
