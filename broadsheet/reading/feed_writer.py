"""Feeds out, written with lxml (RSS 2.0, Atom 1.0) and orjson (JSON Feed 1.1): one ``Feed`` in, three formats out.

Our own small writer rather than a library: three short documents, all fields known, and the text is already
sanitised HTML or plain text from the store (control characters XML cannot carry are dropped).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

import orjson
from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FORMATS = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class FeedItem:
    id: str  # our article page's absolute URL: stable, unique
    url: str
    title: str
    published: datetime
    summary: str | None = None
    content_html: str | None = None
    authors: list[str] = field(default_factory=list)
    external_url: str | None = None  # where it was first published


@dataclass
class Feed:
    title: str
    description: str
    page_url: str  # the matching HTML page
    feed_url: str  # this feed without its extension: ``<feed_url>.rss`` and so on
    items: list[FeedItem]


def _t(value: str | None) -> str:
    return _NOT_XML_CHARS.sub("", value or "")


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _updated(feed: Feed) -> datetime:
    return max((_utc(i.published) for i in feed.items), default=datetime(2000, 1, 1, tzinfo=UTC))


def _sub(parent, tag: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, tag, {k: _t(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _t(text)
    return el


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def rss(feed: Feed) -> bytes:
    root = etree.Element("rss", version="2.0", nsmap={"atom": ATOM_NS, "content": CONTENT_NS, "dc": DC_NS})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.page_url)
    _sub(channel, "description", feed.description)
    _sub(channel, f"{{{ATOM_NS}}}link", href=feed.feed_url + ".rss", rel="self", type=FORMATS["rss"])
    _sub(channel, "lastBuildDate", format_datetime(_updated(feed), usegmt=True))
    _sub(channel, "generator", "Broadsheet")
    for item in feed.items:
        el = _sub(channel, "item")
        _sub(el, "title", item.title)
        _sub(el, "link", item.url)
        _sub(el, "guid", item.id, isPermaLink="true")
        _sub(el, "pubDate", format_datetime(_utc(item.published), usegmt=True))
        if item.summary:
            _sub(el, "description", item.summary)
        if item.content_html:
            _sub(el, f"{{{CONTENT_NS}}}encoded", item.content_html)
        for name in item.authors:
            _sub(el, f"{{{DC_NS}}}creator", name)
    return _xml(root)


def atom(feed: Feed) -> bytes:
    root = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
    _sub(root, "id", feed.feed_url)
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", feed.description)
    _sub(root, "updated", _updated(feed).isoformat())
    _sub(root, "link", href=feed.feed_url + ".atom", rel="self", type=FORMATS["atom"])
    _sub(root, "link", href=feed.page_url, rel="alternate", type="text/html")
    _sub(_sub(root, "author"), "name", "Broadsheet")
    _sub(root, "generator", "Broadsheet")
    for item in feed.items:
        el = _sub(root, "entry")
        _sub(el, "id", item.id)
        _sub(el, "title", item.title)
        _sub(el, "link", href=item.url, rel="alternate", type="text/html")
        if item.external_url:
            _sub(el, "link", href=item.external_url, rel="related", type="text/html")
        published = _utc(item.published).isoformat()
        _sub(el, "published", published)
        _sub(el, "updated", published)
        for name in item.authors:
            _sub(_sub(el, "author"), "name", name)
        if item.summary:
            _sub(el, "summary", item.summary, type="text")
        if item.content_html:
            _sub(el, "content", item.content_html, type="html")
    return _xml(root)


def json_feed(feed: Feed) -> bytes:
    """Text is cleaned as for XML, so a title reads the same in every format."""
    items = []
    for item in feed.items:
        entry = {"id": item.id, "url": item.url, "title": _t(item.title),
                 "date_published": _utc(item.published).isoformat()}
        if item.external_url:
            entry["external_url"] = item.external_url
        if item.summary:
            entry["summary"] = _t(item.summary)
        if item.content_html:
            entry["content_html"] = item.content_html
        else:
            entry["content_text"] = _t(item.summary or item.title)
        if item.authors:
            entry["authors"] = [{"name": a} for a in item.authors]
        items.append(entry)
    return orjson.dumps({"version": JSON_FEED_VERSION, "title": feed.title, "home_page_url": feed.page_url,
                         "feed_url": feed.feed_url + ".json", "description": feed.description, "items": items})


WRITERS = {"rss": rss, "atom": atom, "json": json_feed}
