"""The demo outlets over real HTTP: feeds, sitemap, article pages, conditional GETs, robots.txt and OPML."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree, html as lxml_html

from broadsheet.demo import DemoOutlet, DemoSite

SM = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


@pytest.fixture(scope="module")
def site():
    with DemoSite() as s:
        yield s


def get(url: str, headers: dict | None = None, method: str = "GET"):
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:  # 304 and 404 land here
        return e.code, e.headers, e.read()


def feed_items(outlet: DemoOutlet) -> list[tuple[str, str]]:
    """(link, title) of every item in the outlet's feed or sitemap."""
    status, headers, body = get(outlet.feed_url or outlet.sitemap_url)
    assert status == 200
    if outlet.kind == "sitemap":
        root = etree.fromstring(body)
        return [(u.findtext("sm:loc", namespaces=SM), u.findtext("news:news/news:title", namespaces=SM))
                for u in root.findall("sm:url", SM)]
    if outlet.feed_format == "jsonfeed":
        return [(i["url"], i["title"]) for i in json.loads(body)["items"]]
    parsed = feedparser.parse(body)
    return [(e.link, e.title) for e in parsed.entries]


def test_outlets(site):
    outlets = site.outlets
    assert len(outlets) >= 7 and len({o.slug for o in outlets}) == len(outlets)
    assert len({urlsplit(o.home_url).netloc for o in outlets}) == len(outlets)  # one host:port per outlet
    sitemap_only = [o for o in outlets if o.kind == "sitemap"]
    assert len(sitemap_only) == 1 and sitemap_only[0].feed_url is None and sitemap_only[0].sitemap_url
    assert {o.feed_format for o in outlets} == {"rss", "atom", "jsonfeed", None}
    assert sum(o.article_count for o in outlets) == len(site.world.articles)


@pytest.mark.parametrize("fmt,content_type", [("rss", "application/rss+xml"), ("atom", "application/atom+xml")])
def test_xml_feeds_parse_cleanly(site, fmt, content_type):
    for o in (o for o in site.outlets if o.feed_format == fmt):
        status, headers, body = get(o.feed_url)
        assert status == 200 and headers["Content-Type"].startswith(content_type)
        assert headers["ETag"] and headers["Last-Modified"]
        parsed = feedparser.parse(body)
        assert not parsed.bozo, (o.slug, parsed.get("bozo_exception"))
        assert len(parsed.entries) == o.article_count == len(site.world.by_outlet(o.slug))
        full = site.world.outlet(o.slug).feed.endswith("-full")
        for e in parsed.entries:
            assert e.title and e.link and e.published_parsed and e.author
            assert ("content" in e) == full
            if full:
                assert len(e.content[0].value) > 3 * len(e.summary)


def test_json_feed(site):
    o = next(o for o in site.outlets if o.feed_format == "jsonfeed")
    status, headers, body = get(o.feed_url)
    assert status == 200 and headers["Content-Type"].startswith("application/feed+json")
    doc = json.loads(body)
    assert doc["version"] == "https://jsonfeed.org/version/1.1" and doc["feed_url"] == o.feed_url
    assert len(doc["items"]) == o.article_count
    for item in doc["items"]:
        assert item["id"] and item["url"] and item["title"] and item["date_published"]
        assert "<p>" in item["content_html"] and item["authors"][0]["name"]


def test_news_sitemap(site):
    o = next(o for o in site.outlets if o.kind == "sitemap")
    status, headers, body = get(o.sitemap_url)
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    root = etree.fromstring(body)
    urls = root.findall("sm:url", SM)
    assert len(urls) == o.article_count
    for u in urls:
        assert "?" not in u.findtext("sm:loc", namespaces=SM)
        assert u.findtext("news:news/news:publication/news:name", namespaces=SM) == o.name
        assert u.findtext("news:news/news:publication_date", namespaces=SM)
    status, _, home = get(o.home_url)
    assert b'rel="alternate"' not in home  # nothing to discover: the sitemap is the only way in


def _headline(doc) -> str:
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        data = json.loads(script.text)
        for node in data.get("@graph", [data]):
            if node.get("@type") == "NewsArticle":
                return node["headline"]
    raise AssertionError("no NewsArticle JSON-LD")


def test_every_article_page(site):
    items = [(o, link, title) for o in site.outlets for link, title in feed_items(o)]
    assert len(items) == len(site.world.articles)

    def check(item):
        o, link, title = item
        status, headers, body = get(link)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8", link
        doc = lxml_html.fromstring(body)
        canonical = doc.xpath('//link[@rel="canonical"]/@href')[0]
        assert canonical == link.split("?")[0]
        assert _headline(doc) == title
        assert doc.get("lang") and doc.xpath('//meta[@property="og:title"]/@content') == [title]
        assert doc.xpath('//meta[@property="article:published_time"]/@content')
        page = doc.text_content()
        for chrome in ("Try our AI features", "No comments yet", "Share", "All rights reserved"):
            assert chrome in page, (link, chrome)
        assert "download the app" in page.lower()
        assert page.count(title) >= 2  # the headline is repeated, as on real pages
        return "?utm_" in link

    with ThreadPoolExecutor(8) as pool:
        tracked = list(pool.map(check, items))
    assert any(tracked) and not all(tracked)


def test_conditional_get(site):
    for o in site.outlets:
        url = o.feed_url or o.sitemap_url
        status, headers, _ = get(url)
        etag, modified = headers["ETag"], headers["Last-Modified"]
        assert get(url, {"If-None-Match": etag})[0] == 304
        assert get(url, {"If-None-Match": f'W/{etag}, "other"'})[0] == 304
        assert get(url, {"If-Modified-Since": modified})[0] == 304
        assert get(url, {"If-None-Match": '"stale"'})[0] == 200
        assert get(url, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200


def test_home_robots_head_and_404(site):
    for o in site.outlets:
        status, headers, body = get(o.home_url)
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        if o.feed_url:
            doc = lxml_html.fromstring(body)
            assert doc.xpath('//link[@rel="alternate"]/@href') == [o.feed_url]
        status, headers, robots = get(o.home_url + "robots.txt")
        assert status == 200 and headers["Content-Type"].startswith("text/plain")
        assert b"User-agent: *" in robots and b"Allow: /" in robots and b"Disallow: /" not in robots
        assert get(o.home_url + "no/such/page.html")[0] == 404
        status, headers, body = get(o.home_url, method="HEAD")
        assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
    a = site.world.articles[0]
    status, headers, body = get(site.url_of(a).replace(".html", ".png").replace(f"/{a.published:%Y/%m}", "/media"))
    assert status == 200 and headers["Content-Type"] == "image/png" and body.startswith(b"\x89PNG")


def test_opml_lists_every_feed(site):
    root = etree.fromstring(site.opml().encode())
    assert root.get("version") == "2.0" and root.findtext("head/title")
    folders = {f.get("text"): f for f in root.findall("body/outline")}
    assert {"News", "Sports & culture"} <= set(folders)
    listed = {x.get("xmlUrl"): folder for folder, f in folders.items() for x in f.findall("outline")}
    assert listed == {o.feed_url or o.sitemap_url: o.folder for o in site.outlets}


def test_stop_releases_ports():
    s = DemoSite()
    s.start()
    url = s.outlets[0].home_url
    assert get(url)[0] == 200
    s.stop()
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)
    with pytest.raises(RuntimeError):
        s.outlets
