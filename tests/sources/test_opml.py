from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from broadsheet.errors import ParseError
from broadsheet.model import OpmlOutline
from broadsheet.sources.opml import parse_opml, render_opml

OPML = Path(__file__).parent / "opml"


def test_freshrss_export():
    outlines = parse_opml((OPML / "freshrss.opml").read_bytes())
    assert outlines == [
        OpmlOutline(url="https://harbourside-gazette.example/rss", title="The Harbourside Gazette",
                    site_url="https://harbourside-gazette.example/", folder="Local news"),
        OpmlOutline(url="https://valley-ledger.example/rss?format=rdf&full=1", title="Valley Ledger & Almanac",
                    site_url="https://valley-ledger.example/", folder="Local news"),
        OpmlOutline(url="https://ridgeline-dispatch.example/atom.xml", title="Ridgeline Dispatch",
                    site_url="https://ridgeline-dispatch.example/", folder="Uncategorized"),
    ]


def test_miniflux_export_without_type_and_with_empty_titles():
    outlines = parse_opml((OPML / "miniflux.opml").read_bytes())
    assert [(o.title, o.folder) for o in outlines] == [
        ("Northwind Courier", "All"), ("Lakeside Weekly", "Weekly reads"), (None, "Weekly reads")]
    assert outlines[2].url == "https://untitled.example/feed.xml" and outlines[2].site_url is None


def test_tolerant_of_other_shapes():
    doc = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>Old reader</title></head><body>
  <outline xmlurl="https://flat.example/rss" title="Lower-case attributes"/>
  <outline title="Presse r\xe9gionale">
    <outline text="Outer folder has a title, this one only text">
      <outline type="rss" text="Nested &nbsp;feed" xmlUrl="https://nested.example/feed"/>
    </outline>
    <outline type="rss" xmlUrl="https://no-title.example/feed"/>
    <outline type="link" url="https://not-a-feed.example/" text="A bookmark, not a feed"/>
  </outline>
  <outline type="rss" text="Same feed twice" xmlUrl="https://flat.example/rss"/>
</body></opml>"""
    outlines = parse_opml(doc)
    assert outlines == [
        OpmlOutline(url="https://flat.example/rss", title="Lower-case attributes"),
        OpmlOutline(url="https://nested.example/feed", title="Nested feed",
                    folder="Outer folder has a title, this one only text"),
        OpmlOutline(url="https://no-title.example/feed", folder="Presse régionale"),
    ]


def test_round_trip():
    outlines = [
        OpmlOutline(url="https://a.example/rss?x=1&y=<2>", title='Quotes " & <angles>', site_url="https://a.example/",
                    folder="News & views"),
        OpmlOutline(url="https://b.example/atom.xml", title=None, folder=None),
        OpmlOutline(url="https://c.example/feed.json", title="Café crème", site_url=None, folder="News & views"),
        OpmlOutline(url="https://d.example/rss", title="Elsewhere", folder="Hobbies"),
    ]
    text = render_opml(outlines, title="Mine & yours")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    parsed = parse_opml(text.encode("utf-8"))
    assert sorted(parsed, key=lambda o: o.url) == outlines  # same outlines; grouping puts c next to a
    assert [o.url for o in parsed][:2] == ["https://a.example/rss?x=1&y=<2>", "https://c.example/feed.json"]
    root = etree.fromstring(text.encode("utf-8"))
    assert root.findtext("head/title") == "Mine & yours"
    folders = root.findall("body/outline[@text='News & views']")
    assert len(folders) == 1 and len(folders[0]) == 2  # grouped under one folder outline
    feed = folders[0][0]
    assert (feed.get("type"), feed.get("xmlUrl"), feed.get("htmlUrl")) == ("rss", outlines[0].url, "https://a.example/")


def test_render_drops_characters_xml_cannot_hold():
    text = render_opml([OpmlOutline(url="https://e.example/rss", title="Bell\x07 and null\x00 chars")])
    assert parse_opml(text.encode())[0].title == "Bell and null chars"


@pytest.mark.parametrize("content,message", [
    (b"<html><body>Not OPML</body></html>", "Not an OPML file: the document's root element is <html>"),
    (b"<opml version='2.0'><head/></opml>", "no <body>"),
    (b"title,url\nA,https://a.example/\n", "Not a valid OPML file: Start tag expected"),
])
def test_bad_opml(content, message):
    with pytest.raises(ParseError, match=message):
        parse_opml(content)


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doc = f"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://{secret}">]>
<opml version="2.0"><body><outline text="&xxe;" title="&xxe;" xmlUrl="https://x.example/rss"/></body></opml>"""
    [outline] = parse_opml(doc.encode())
    assert "TOP-SECRET" not in repr(outline)
