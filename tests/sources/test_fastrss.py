"""The lxml fast path for plain RSS 2.0 (sources/fastrss.py) gives exactly what feedparser gives, or steps aside."""
from __future__ import annotations

import sys
import urllib.request
from pathlib import Path

import pytest

from broadsheet.demo import DemoSite
from broadsheet.errors import ParseError
from broadsheet.sources import feeds
from broadsheet.sources.fastrss import parse_rss
from broadsheet.sources.feeds import parse_feed

TESTS = Path(__file__).resolve().parents[1]
FAST = TESTS / "sources/feeds/fast"
URL = "https://fixture.example/feeds/feed.xml"
# every feed fixture of the test suite (sitemaps and HTML too: the fast path must decline them the same way)
FIXTURES = sorted(p for p in TESTS.rglob("*") if p.suffix in (".xml", ".rss", ".atom", ".rdf", ".json")
                  and p.is_file() and ("feeds" in p.parts or p.parent.name == "site"))
# the fixtures the fast path must take (so a change that makes it decline everything fails here)
TAKEN = ["cdata-entities.xml", "enclosures-dates.xml", "relative-links.xml"]


def both(content: bytes, url: str = URL):
    """parse_feed's answer (or error message) with the fast path and with feedparser alone."""
    out = []
    for fast in (True, False):
        try:
            out.append(parse_feed(content, url, None, fast=fast))
        except ParseError as e:
            out.append(("ParseError", str(e)))
    return out


def test_the_fixtures_cover_the_suite():
    names = {p.name for p in FIXTURES}
    assert {"rss20.xml", "rss10.rdf", "atom.xml", "full.rss", "broken.rss", "summaries.atom"} <= names
    assert {p.name for p in FAST.iterdir()} <= names


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(TESTS)))
def test_same_entries_as_feedparser(path):
    fast, slow = both(path.read_bytes())
    assert fast == slow


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(TESTS)))
def test_same_entries_as_feedparser_without_the_relative_url_pass(path, monkeypatch):
    monkeypatch.setattr(feeds, "_has_relative_urls", lambda content: False)
    fast, slow = both(path.read_bytes())
    assert fast == slow


def test_relative_urls_in_item_html_are_resolved_as_feedparser_does():
    feed = parse_feed((FAST / "relative-links.xml").read_bytes(), URL)
    wall = feed.entries[0]
    assert 'href="https://fixture.example/projects/sea-wall?phase=1&amp;x=2"' in wall.content_html
    assert 'src="https://fixture.example/feeds/img/wall.jpg"' in wall.content_html
    assert 'href="https://fixture.example/plans.pdf"' in wall.summary
    assert feed.entries[1].summary == '<p>New lights, <a href="https://fixture.example/feeds/lights.html">see the list</a>.</p>'


def test_relative_url_detection_matches_the_full_pattern():
    samples = [b'<a href="/x">', b"<a HREF = 'y'>", b"xhref=/a", b'src="https://a"', b"codebase=z", b"<q cite=&quot;/c",
               b"href=\n", b"usemap =#m", b"longdesc= http://a", b"<img SRC=img.png>", b"background='//cdn/x'"]
    for sample in samples:
        doc = b"<rss><channel><description>" + sample + b"</description></channel></rss>"
        assert feeds._has_relative_urls(doc) == bool(feeds._RELATIVE_URL_IN_MARKUP.search(doc)), sample


@pytest.mark.parametrize("name", TAKEN)
def test_plain_rss_takes_the_fast_path(name, monkeypatch):
    content = (FAST / name).read_bytes()
    assert parse_rss(content, URL) is not None
    monkeypatch.setattr(feeds.feedparser, "parse", lambda *a, **k: pytest.fail("feedparser was called"))
    assert parse_feed(content, URL).entries


def test_what_the_fast_path_reads():
    feed = parse_feed((FAST / "cdata-entities.xml").read_bytes(), URL)
    assert feed.title == "Quayside & Harbour Notes"
    assert feed.site_url == "https://quayside-notes.example/?edition=1&amplang=en"  # feedparser's reading, kept
    tides, stall, ferry, mojibake = feed.entries
    assert tides.title == "Tide tables revised for spring"  # HTML in a CDATA title: tags go
    assert tides.url == "https://quayside-notes.example/tides?id=4&ref=feed" and tides.guid == "quay-0004"
    assert tides.author == "Ines Okafor" and tides.published.isoformat() == "2026-03-03T06:15:00+00:00"
    assert tides.content_html.startswith("<p>The harbour office") and "été" in tides.summary
    assert stall.title == "Fish & chips <stall> returns \u201csoon\u201d" and stall.author == "Bram Lindqvist"
    assert stall.summary == "A short note." and stall.published is None
    assert ferry.url == "https://quayside-notes.example/ferry-timetable" and ferry.content_html is None
    assert mojibake.title.startswith("Café") and mojibake.url == "https://fixture.example/relative/item-path"
    radio = parse_feed((FAST / "enclosures-dates.xml").read_bytes(), URL).entries
    assert [e.image for e in radio] == ["https://valley-radio.example/img/flood.jpg",
                                        "https://valley-radio.example/img/thumb-no-date.png",
                                        "https://valley-radio.example/img/odd.webp",
                                        "https://valley-radio.example/img/href-only.png", None]
    assert [bool(e.published) for e in radio] == [True, False, False, False, True]


@pytest.mark.parametrize("name", ["relative-base.xml", "unknown-elements.xml", "atom-xhtml.xml", "latin1.xml"])
def test_anything_unusual_is_left_to_feedparser(name):
    assert parse_rss((FAST / name).read_bytes(), URL) is None


@pytest.mark.parametrize("doc", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a &nbsp; b</title>'
    b"<link>https://x.example/a</link></item></channel></rss>",  # an undefined entity
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut short</title><link>https://x.exa',
    b'<rss version="2.0"><channel><item><link>https://x.example/a</link><m:x>1</m:x></item></channel></rss>',
    b'<rss version="2.0"><channel><item><title>t</title><title>again</title></item></channel></rss>',
    b'<rss version="2.0"><channel><item><description type="text">t</description></item></channel></rss>',
    b'<rss version="2.0"><channel><item><title>t<b>bold</b></title></item></channel></rss>',
])
def test_malformed_or_doubtful_documents_go_to_feedparser(doc):
    assert parse_rss(doc, URL) is None
    fast, slow = both(doc)
    assert fast == slow


def test_malformed_feed_still_fails_with_the_parsers_message():
    fast, slow = both((TESTS / "sources/feeds/malformed.xml").read_bytes())
    assert fast == slow and fast[0] == "ParseError" and "line" in fast[1]


def test_same_entries_on_the_demo_feeds():
    with DemoSite() as site:
        outlets = [o for o in site.outlets if o.feed_format in ("rss", "atom")]
        assert outlets
        for o in outlets:
            with urllib.request.urlopen(o.feed_url, timeout=10) as r:
                body = r.read()
            fast, slow = both(body, o.feed_url)
            assert fast == slow and fast.entries
            if o.feed_format == "rss":
                assert parse_rss(body, o.feed_url) is not None, o.slug


def test_same_entries_on_the_bench_corpus(tmp_path):
    sys.path.insert(0, str(TESTS.parent / "bench"))
    try:
        from ingest_corpus import generate
    finally:
        sys.path.remove(str(TESTS.parent / "bench"))
    generate(tmp_path, feeds=2, items=15)
    for path in sorted((tmp_path / "feeds").rglob("*.xml")):
        content = path.read_bytes()
        assert parse_rss(content, URL) is not None, path
        fast, slow = both(content)
        assert fast == slow and len(fast.entries) == 15
