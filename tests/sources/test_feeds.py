from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from broadsheet.errors import ParseError
from broadsheet.sources import feeds
from broadsheet.sources.feeds import parse_feed, sniff_kind

FEEDS = Path(__file__).parent / "feeds"


def parse(name: str, url: str, content_type: str | None = None):
    return parse_feed((FEEDS / name).read_bytes(), url, content_type)


def by_url(feed) -> dict:
    return {entry.url: entry for entry in feed.entries}


def test_rss_091_in_latin_1():
    feed = parse("rss091.xml", "https://harbourside-gazette.example/rss091.xml")
    assert feed.kind == "feed" and feed.title == "The Harbourside Gazette"
    assert feed.site_url == "https://harbourside-gazette.example/"
    assert [e.title for e in feed.entries] == ["Ferry timetable changes for the winter", "Café on Pier 3 reopens"]
    cafe = feed.entries[1]
    assert cafe.url == "https://harbourside-gazette.example/2024/pier-3-cafe"  # relative link resolved
    assert cafe.summary == "After a long refit, the café serves its first pasties."
    assert cafe.published is None and cafe.content_html is None


def test_rss_10_rdf_with_dublin_core():
    feed = parse("rss10.rdf", "https://valley-ledger.example/rss")
    budget = by_url(feed)["https://valley-ledger.example/council-budget"]
    assert budget.title == "Council agrees a leaner budget" and budget.author == "Priya Okonkwo"
    assert budget.published == datetime(2024, 2, 14, 16, 30, tzinfo=UTC)
    assert by_url(feed)["https://valley-ledger.example/orchard-harvest"].published == datetime(2024, 2, 13, tzinfo=UTC)


def test_rss_20_with_content_encoded_media_and_guid_fallback():
    feed = parse("rss20.xml", "https://northwind-courier.example/rss")
    assert feed.title == "Northwind Courier — Latest"
    entries = by_url(feed)
    log = entries["https://northwind-courier.example/culture/lighthouse-log"]
    assert log.guid == "ncourier-2024-0311"
    assert log.title == "Lighthouse keeper’s log goes on display"
    assert log.author == "Mara Quill"
    assert log.published == datetime(2024, 3, 11, 8, 30, tzinfo=UTC)
    assert log.published.tzinfo is UTC
    assert log.summary == "<p>A century of storms, written by hand.</p>"
    assert 'href="https://northwind-courier.example/culture/museum"' in log.content_html  # relative URLs resolved
    assert 'src="https://northwind-courier.example/images/log-page.jpg"' in log.content_html
    assert log.image == "https://cdn.northwind-courier.example/lighthouse.jpg"  # media:content

    storm = entries["https://northwind-courier.example/weather/storm-warning"]
    assert storm.author == "Weather Desk"
    assert storm.image == "https://cdn.northwind-courier.example/radar.png"  # image enclosure
    assert storm.content_html is None  # a summary-only item

    quota = entries["https://northwind-courier.example/economy/quota-talks"]  # no <link>: the URL guid
    assert quota.published == datetime(2024, 3, 13, 13, 0, tzinfo=UTC)
    assert quota.image == "https://northwind-courier.example/images/quota-thumb.jpg"  # media:thumbnail

    marina = entries["https://northwind-courier.example/local/marina-plans"]
    assert marina.title == "Harbour & marina plans approved"  # plain text: tags and entities gone
    assert marina.content_html == "Same words here as in the full content." and marina.summary is None

    assert not any("editor" in (e.title or "") for e in feed.entries)  # no link, no URL guid: skipped
    assert len(feed.entries) == 4


def test_atom_with_xml_base_updated_dates_and_xhtml():
    feed = parse("atom.xml", "https://ridgeline-dispatch.example/atom.xml")
    assert feed.title == "Ridgeline Dispatch" and feed.site_url == "https://ridgeline-dispatch.example/"
    trail, snow = feed.entries  # the URN-only entry is skipped
    assert trail.url == "https://ridgeline-dispatch.example/blog/trail-reopens"  # against xml:base
    assert trail.guid == "tag:ridgeline-dispatch.example,2024:trail-reopens"
    assert trail.author == "Elena Voss"
    assert trail.published == datetime(2024, 4, 1, 13, 45, tzinfo=UTC)  # <published>, not <updated>
    assert trail.summary == "Rangers cleared the north path over the weekend."
    assert '<a href="https://ridgeline-dispatch.example/maps/north">' in trail.content_html
    assert trail.image == "https://ridgeline-dispatch.example/media/trail.jpg"
    assert snow.title == "Snow report"
    assert snow.published == datetime(2024, 4, 2, 6, 0, tzinfo=UTC)  # from <updated>
    assert snow.content_html == "<p>Forty centimetres fell overnight on the upper slopes.</p>"
    assert snow.summary is None
    assert snow.image == "https://ridgeline-dispatch.example/media/snow-thumb.jpg"


def test_json_feed_11():
    feed = parse("jsonfeed.json", "https://lakeside-weekly.example/feed.json", "application/feed+json")
    assert (feed.kind, feed.title, feed.site_url) == ("feed", "Lakeside Weekly", "https://lakeside-weekly.example/")
    regatta, water, elsewhere = feed.entries
    assert regatta.guid == "lw-2024-17" and regatta.author == "Jonah Brightwater, Ada Fenwick"
    assert regatta.published == datetime(2024, 4, 20, 14, 0, tzinfo=UTC)
    assert regatta.summary == "The Heron crew wins its third regatta in a row."
    assert regatta.content_html == "<p>For the third year running, the Heron crew crossed first.</p>"
    assert regatta.image == "https://lakeside-weekly.example/images/regatta.jpg"
    assert water.url == "https://lakeside-weekly.example/2024/04/water-quality"
    assert water.content_html == "<p>Samples from all six beaches passed.</p><p>The next tests are in May.</p>"
    assert water.published == datetime(2024, 4, 21, 9, 15, tzinfo=UTC) and water.author == "Ravi Castellan"
    assert elsewhere.url == "https://elsewhere.example/lakes-of-the-north" and elsewhere.guid == "19"


def test_json_feed_10_without_a_content_type():
    feed = parse("jsonfeed-1.0.json", "https://quarry-hill.example/feed.json")
    [bus] = feed.entries
    assert (bus.guid, bus.author) == ("101", "Wen Halloway")
    assert bus.published == datetime(2024, 5, 6, 12, 0, tzinfo=UTC)
    assert bus.image == "https://quarry-hill.example/img/bus7.jpg"


@pytest.mark.parametrize("content,message", [
    (b'{"title": "x", "items": []}', "no \"version\""),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "Not a valid JSON Feed: Expecting value at line 1"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "title": "No items"}', "no \"items\" list"),
])
def test_bad_json_feeds(content, message):
    with pytest.raises(ParseError, match=message):
        parse_feed(content, "https://example.test/feed.json", "application/json")


def test_malformed_feed_without_entries_names_the_problem():
    with pytest.raises(ParseError) as e:
        parse("malformed.xml", "https://broken-bugle.example/rss")
    assert str(e.value) == "Not a valid feed: mismatched tag at line 7"
    assert e.value.code == "parse_failed"


def test_malformed_feed_keeps_the_entries_it_can_recover():
    feed = parse("malformed-recoverable.xml", "https://patchy-post.example/rss")
    assert [e.url for e in feed.entries] == ["https://patchy-post.example/bridge-repairs",
                                             "https://patchy-post.example/market-day"]
    assert feed.entries[0].summary == "Crews finished a week ahead of schedule & under budget."


def test_an_html_page_is_not_a_feed():
    with pytest.raises(ParseError, match="is an HTML page, not RSS, Atom or JSON Feed"):
        parse("not-a-feed.html", "https://orchard-street.example/", "text/html")


def test_a_valid_feed_with_no_items_is_empty_not_an_error():
    feed = parse_feed(b'<rss version="2.0"><channel><title>Quiet Times</title></channel></rss>', "https://q.example/")
    assert feed.title == "Quiet Times" and feed.entries == []


def test_plain_text_is_not_a_feed():
    with pytest.raises(ParseError, match="holds no RSS, Atom or JSON Feed"):
        parse_feed(b"Service temporarily unavailable", "https://down.example/feed")


def test_gzipped_feed_and_bytes_naming_a_file_are_parsed_as_content(tmp_path):
    assert parse_feed(gzip.compress((FEEDS / "atom.xml").read_bytes()), "https://r.example/atom.xml").entries
    secret = tmp_path / "secret.xml"
    secret.write_bytes((FEEDS / "rss20.xml").read_bytes())
    with pytest.raises(ParseError):  # feedparser opens a path given as bytes; parse_feed must never let it
        parse_feed(str(secret).encode(), "https://x.example/")


def test_external_entities_are_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doc = f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><link>https://x.example/a</link>
<description>&xxe;</description></item></channel></rss>""".encode()
    feed = parse_feed(doc, "https://x.example/rss")
    assert "TOP-SECRET" not in json.dumps([e.__dict__ for e in feed.entries], default=str)


@pytest.mark.parametrize("name", ["rss091.xml", "rss10.rdf", "rss20.xml", "atom.xml", "malformed-recoverable.xml"])
def test_skipping_the_relative_url_pass_never_changes_the_result(name, monkeypatch):
    fast = parse(name, "https://fixture.example/feeds/feed.xml")
    monkeypatch.setattr(feeds, "_has_relative_urls", lambda content: True)
    assert parse(name, "https://fixture.example/feeds/feed.xml") == fast


def test_relative_url_detection():
    assert feeds._has_relative_urls(b'<description>&lt;a href="/x"&gt;</description>')
    assert feeds._has_relative_urls(b"<content:encoded><![CDATA[<img src=img/a.png>]]></content:encoded>")
    assert feeds._has_relative_urls(b"<content>&lt;a href=&quot;//cdn.example/x&quot;&gt;</content>")
    assert not feeds._has_relative_urls(b'<description>&lt;a href="https://a.example/x"&gt;</description>')
    assert not feeds._has_relative_urls(b"<content><![CDATA[<img src = 'http://a.example/i.png'>]]></content>")


@pytest.mark.parametrize("name,content_type,kind", [
    ("rss091.xml", None, "feed"), ("rss10.rdf", "application/rdf+xml", "feed"), ("rss20.xml", "text/xml", "feed"),
    ("atom.xml", None, "feed"), ("jsonfeed.json", "application/json", "feed"), ("not-a-feed.html", None, "html"),
])
def test_sniff_kind_of_fixtures(name, content_type, kind):
    assert sniff_kind((FEEDS / name).read_bytes(), content_type) == kind


@pytest.mark.parametrize("content,content_type,kind", [
    pytest.param(b'<?xml version="1.0"?>\n<!-- <rss> generated -->\n<urlset xmlns="http://www.sitemaps.org/'
                 b'schemas/sitemap/0.9"/>', None, "sitemap", id="urlset-after-a-comment"),
    pytest.param(b"<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>", None,
                 "sitemap", id="sitemapindex"),
    pytest.param(gzip.compress(b"<urlset><url><loc>https://a.example/</loc></url></urlset>", mtime=0),
                 "application/x-gzip", "sitemap", id="gzipped-urlset"),
    pytest.param(b'\xef\xbb\xbf<?xml version="1.0"?><opml version="2.0"><body/></opml>', "text/xml", "opml",
                 id="opml-with-bom"),
    pytest.param('<?xml version="1.0" encoding="utf-16"?><rss version="2.0"/>'.encode("utf-16"), None, "feed",
                 id="utf16-rss"),
    pytest.param(b"<div>a fragment</div>", "text/html; charset=utf-8", "html", id="html-by-content-type"),
    pytest.param(b'{"data": [1, 2, 3]}', "application/json", "unknown", id="other-json"),
    pytest.param(b"plain words", "text/plain", "unknown", id="text"),
    pytest.param(b"", None, "unknown", id="empty"),
])
def test_sniff_kind(content, content_type, kind):
    assert sniff_kind(content, content_type) == kind
