import time
from pathlib import Path
from string import Template

import pytest

from broadsheet.pipeline import Pipeline

SITE = Path(__file__).with_name("site")


def _file(name: str, base: str) -> bytes:
    raw = (SITE / name).read_bytes()
    return Template(raw.decode("utf-8")).safe_substitute(base=base).encode("utf-8") if name.endswith(
        (".rss", ".atom", ".xml")) else raw


def cp1252_page() -> bytes:
    """The orchard page re-encoded as windows-1252 with its charset declaration removed."""
    text = (SITE / "orchard-fair.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    text = text.replace("apple and pear", "apple and pear (pommes et poires, à l’ancienne)")
    return text.encode("cp1252")


@pytest.fixture
def site(http_server):
    """Our fixture outlet on a real local server, including every bad case a source can throw at us."""
    base = http_server.base_url
    html, atom, rss = ({"Content-Type": t} for t in ("text/html; charset=utf-8", "application/atom+xml",
                                                      "application/rss+xml"))

    def full_rss(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {**rss, "ETag": '"v1"'}, _file("full.rss", base)

    def slow(_req):
        time.sleep(4)
        return 200, rss, _file("full.rss", base)

    def huge(_req):
        chunk = b"<!-- " + b"x" * (1 << 20) + b" -->"
        return 200, rss, (chunk for _ in range(50))

    http_server.route("/feeds/full.rss", handler=full_rss)
    http_server.route("/feeds/summaries.atom", body=_file("summaries.atom", base), headers=atom)
    http_server.route("/feeds/broken.rss", body=_file("broken.rss", base), headers=rss)
    http_server.route("/feeds/loop", status=302, headers={"Location": "/feeds/loop"})
    http_server.route("/feeds/slow", handler=slow)
    http_server.route("/feeds/huge", handler=huge)
    http_server.route("/news-sitemap.xml", body=_file("news-sitemap.xml", base),
                      headers={"Content-Type": "application/xml"})
    http_server.route("/news/kiln-bridge-reopens", body=_file("kiln-bridge.html", base), headers=html)
    http_server.route("/news/orchard-fair", body=_file("orchard-fair.html", base), headers=html)
    http_server.route("/news/gone", status=404, body=b"gone", headers=html)
    http_server.route("/cp1252", body=cp1252_page(), headers={"Content-Type": "text/html"})
    http_server.route("/no-article", body=_file("no-article.html", base), headers=html)
    http_server.route("/", body=_file("home.html", base), headers=html)
    return http_server


@pytest.fixture
def pipeline(settings, store):
    p = Pipeline(settings, store)
    yield p
    p.close()
