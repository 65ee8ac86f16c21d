from __future__ import annotations

import gzip
import time
from datetime import UTC, datetime

import pytest

from broadsheet.errors import ParseError
from broadsheet.sources import sitemaps
from broadsheet.sources.sitemaps import parse_sitemap

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>https://meadowbrook-herald.example/2024/05/fete</loc><lastmod>2024-05-18T09:30:00+01:00</lastmod>
    <image:image><image:loc>https://meadowbrook-herald.example/img/fete.jpg</image:loc></image:image></url>
  <url><loc> https://meadowbrook-herald.example/2024/05/cricket </loc><lastmod>2024-05-17</lastmod></url>
  <url><loc>https://meadowbrook-herald.example/about</loc></url>
  <url><loc>https://meadowbrook-herald.example/2024/05/fete</loc></url>
  <url><loc>javascript:alert(1)</loc></url>
  <url><lastmod>2024-05-01</lastmod></url>
</urlset>"""

NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://tidewater-tribune.example/politics/harbour-vote</loc>
    <lastmod>2024-06-02T10:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>The Tidewater Tribune</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-06-01T21:15:00-04:00</news:publication_date>
      <news:title>Harbour vote goes to a &lt;em&gt;second&lt;/em&gt; round &amp; recount</news:title>
    </news:news>
    <image:image><image:loc>/img/harbour-vote.jpg</image:loc></image:image>
  </url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://meadowbrook-herald.example/sitemap-2024-05.xml</loc><lastmod>2024-05-31</lastmod></sitemap>
  <sitemap><loc>/sitemap-news.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_urlset_entries_with_lastmod_and_images():
    sitemap = parse_sitemap(URLSET, "https://meadowbrook-herald.example/sitemap.xml")
    assert sitemap.kind == "sitemap" and sitemap.child_sitemaps == []
    fete, cricket, about = sitemap.entries  # duplicates, non-http and loc-less urls dropped
    assert fete.url == "https://meadowbrook-herald.example/2024/05/fete"
    assert fete.published == datetime(2024, 5, 18, 8, 30, tzinfo=UTC)
    assert fete.image == "https://meadowbrook-herald.example/img/fete.jpg"
    assert cricket.url == "https://meadowbrook-herald.example/2024/05/cricket"
    assert cricket.published == datetime(2024, 5, 17, tzinfo=UTC)
    assert about.published is None and about.title is None


def test_google_news_sitemap():
    sitemap = parse_sitemap(NEWS, "https://tidewater-tribune.example/news-sitemap.xml")
    assert sitemap.title == "The Tidewater Tribune"
    [vote] = sitemap.entries
    assert vote.title == "Harbour vote goes to a <em>second</em> round & recount"  # plain text, as written
    assert vote.published == datetime(2024, 6, 2, 1, 15, tzinfo=UTC)  # publication_date beats lastmod
    assert vote.image == "https://tidewater-tribune.example/img/harbour-vote.jpg"


def test_sitemap_index_lists_child_sitemaps():
    sitemap = parse_sitemap(INDEX, "https://meadowbrook-herald.example/sitemap.xml")
    assert sitemap.entries == []
    assert sitemap.child_sitemaps == ["https://meadowbrook-herald.example/sitemap-2024-05.xml",
                                      "https://meadowbrook-herald.example/sitemap-news.xml.gz"]


def test_gzipped_sitemap():
    sitemap = parse_sitemap(gzip.compress(NEWS), "https://tidewater-tribune.example/news-sitemap.xml.gz")
    assert [e.url for e in sitemap.entries] == ["https://tidewater-tribune.example/politics/harbour-vote"]


def test_gzip_bomb_and_corrupt_gzip_are_refused(monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_UNCOMPRESSED", 1024 * 1024)
    with pytest.raises(ParseError, match="larger than 1 MB uncompressed"):
        parse_sitemap(gzip.compress(b"<urlset>" + b" " * 5_000_000 + b"</urlset>"), "https://x.example/s.xml.gz")
    with pytest.raises(ParseError, match="truncated|corrupt"):
        parse_sitemap(gzip.compress(NEWS)[:60], "https://x.example/s.xml.gz")


def test_damaged_sitemaps_are_recovered_without_a_half_written_last_url():
    damaged = b"<urlset><url><loc>https://x.example/a</loc></url><url><loc>https://x.example/b&nbsp;</loc></url>"
    assert [e.url for e in parse_sitemap(damaged + b"</urlset>", "https://x.example/").entries] == [
        "https://x.example/a", "https://x.example/b"]
    truncated = (b"<urlset><url><loc>https://x.example/a</loc></url><url><loc>https://x.example/b</loc></url>"
                 b"<url><loc>https://x.exa")
    assert [e.url for e in parse_sitemap(truncated, "https://x.example/").entries] == [
        "https://x.example/a", "https://x.example/b"]
    trailing_comment = URLSET + b"\n<!-- generated in 0.02 s -->\n"
    assert len(parse_sitemap(trailing_comment, "https://meadowbrook-herald.example/").entries) == 3


def test_plain_text_sitemap():
    text = b"https://plain.example/a\n\nhttps://plain.example/b\r\nhttps://plain.example/a\n"
    sitemap = parse_sitemap(text, "https://plain.example/sitemap.txt")
    assert [e.url for e in sitemap.entries] == ["https://plain.example/a", "https://plain.example/b"]


@pytest.mark.parametrize("content,message", [
    (b"<rss version='2.0'><channel/></rss>", "Not a sitemap: the document's root element is <rss>"),
    (b'<?xml version="1.0"?>\n<!-- nothing else -->', "Not a valid sitemap: Start tag expected"),
    (b"Sorry, we are down for maintenance.", "neither XML nor a plain list of URLs"),
    (b"", "neither XML nor a plain list of URLs"),
])
def test_not_a_sitemap(content, message):
    with pytest.raises(ParseError, match=message):
        parse_sitemap(content, "https://x.example/sitemap.xml")


def test_external_entities_are_never_resolved(tmp_path, http_server):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://attacker.example/TOP-SECRET")
    http_server.route("/xxe", body=b"https://attacker.example/FROM-NETWORK")
    doc = f"""<?xml version="1.0"?>
<!DOCTYPE urlset [
  <!ENTITY file SYSTEM "file://{secret}">
  <!ENTITY net SYSTEM "{http_server.url('/xxe')}">
  <!ENTITY % remote SYSTEM "{http_server.url('/xxe.dtd')}"> %remote;
]>
<urlset><url><loc>&file;</loc></url><url><loc>&net;</loc></url>
<url><loc>https://safe.example/ok</loc></url></urlset>""".encode()
    sitemap = parse_sitemap(doc, "https://x.example/sitemap.xml")
    assert [e.url for e in sitemap.entries] == ["https://safe.example/ok"]
    assert http_server.requests == []


def test_entity_expansion_bomb_is_not_expanded():
    lol = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    doc = f"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY l0 "lol">{lol}]>
<urlset><url><loc>https://safe.example/&l9;</loc></url></urlset>""".encode()
    started = time.monotonic()
    sitemap = parse_sitemap(doc, "https://x.example/sitemap.xml")
    assert time.monotonic() - started < 1
    assert all(len(e.url) < 100 for e in sitemap.entries)
