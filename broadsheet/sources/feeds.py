"""Feeds into a ParsedFeed of kind "feed": RSS 0.9x/1.0/2.0 and Atom via feedparser, JSON Feed via jsonfeed.py.

HTML is left unsanitised (the article pipeline sanitises everything later) and relative URLs in it are resolved
against the feed's URL. ``sniff_kind`` (from sniff.py) tells a feed from a sitemap, OPML file or HTML page.
"""
from __future__ import annotations

import html
import io
import logging
import re
import xml.sax

import feedparser

from ..errors import ParseError
from ..model import FeedEntry, ParsedFeed
from .fastrss import parse_rss
from .fields import absolute_url, from_struct_time, is_http_url, plain_text
from .jsonfeed import parse_json_feed
from .sniff import GZIP_MAGIC, document_head, gunzip, sniff_kind

__all__ = ["parse_feed", "sniff_kind"]

log = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 50 * 1024 * 1024
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_IMAGE_URL = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.I)
# A URL attribute in markup (raw or entity-escaped) whose value is not absolute http(s). feedparser's pass that
# resolves relative URLs re-parses every item's HTML in pure Python, a third of its time on full-text feeds, so it
# only runs on documents where this finds something to resolve (false positives just cost that time).
_RELATIVE_URL_IN_MARKUP = re.compile(
    rb"""\b(?:href|src|poster|cite|action|background|longdesc|codebase|usemap)\s*=\s*"""
    rb"""(?:["']|&quot;|&\#34;|&\#x22;|&apos;|&\#39;|(?=[^"'&\s]))(?!\s*https?:)""", re.I)
_URL_ATTRIBUTE = re.compile(rb"(?:href|src|poster|cite|action|background|longdesc|codebase|usemap)\s*=")
_EMAIL_AND_NAME = re.compile(r"\s*[^\s@()]+@[^\s()]+\s*\((.+)\)\s*")
_DESCRIBED_AS = {"html": "an HTML page", "sitemap": "a sitemap", "opml": "an OPML subscription list"}


def parse_feed(content: bytes, url: str, content_type: str | None = None, fast: bool = True) -> ParsedFeed:
    """The feed's title, site URL and entries (those with a usable http(s) URL). Raises ParseError when
    ``content`` is not a feed, or is too broken for any entry to be recovered from it. ``fast``: plain RSS 2.0 is
    read by ``fastrss`` (same result, a fraction of the time); False always uses feedparser."""
    if content.startswith(GZIP_MAGIC):
        content = gunzip(content, MAX_UNCOMPRESSED)
    head = document_head(content)
    if head.startswith(b"{") or ("json" in (content_type or "").lower() and not head.startswith(b"<")):
        return parse_json_feed(content, url)
    resolve = _has_relative_urls(content)
    plain = parse_rss(content, url, resolve) if fast else None
    if plain is not None:
        feed, raws = plain
        return ParsedFeed(kind="feed", title=_text(feed, "title"), site_url=absolute_url(feed.get("link"), url),
                          entries=[entry for entry in (_entry(raw, url) for raw in raws) if entry])
    parsed = feedparser.parse(  # a stream, never bytes: feedparser would open bytes that name an existing file
        io.BytesIO(content), sanitize_html=False, resolve_relative_uris=resolve,
        response_headers={"content-location": url})
    entries = [entry for entry in (_entry(raw, url) for raw in parsed.entries) if entry]
    if not entries:
        _raise_unless_empty_feed(parsed, content, url)
    elif parsed.bozo and isinstance(parsed.get("bozo_exception"), xml.sax.SAXParseException):
        log.warning("Feed %s is malformed (%s); kept the %d entries recovered", url, _sax_problem(
            parsed.bozo_exception), len(entries))
    return ParsedFeed(kind="feed", title=_text(parsed.feed, "title"),
                      site_url=absolute_url(parsed.feed.get("link"), url), entries=entries)


def _has_relative_urls(content: bytes) -> bool:
    if b"\x00" in content[:200]:  # UTF-16/32: the byte pattern cannot see into it, so resolve to be safe
        return True
    # the full pattern is slow to try at every position: it is tried only where an attribute name is followed by "="
    return any(_RELATIVE_URL_IN_MARKUP.match(content, m.start()) for m in _URL_ATTRIBUTE.finditer(content.lower()))


def _raise_unless_empty_feed(parsed, content: bytes, url: str) -> None:
    problem = parsed.get("bozo_exception")
    if parsed.get("version") and not isinstance(problem, xml.sax.SAXParseException):
        return  # a well-formed feed that has no items (yet)
    kind = sniff_kind(content)
    if kind in _DESCRIBED_AS:
        raise ParseError(f"Not a feed: {url} is {_DESCRIBED_AS[kind]}, not RSS, Atom or JSON Feed")
    if isinstance(problem, xml.sax.SAXParseException) and document_head(content).startswith(b"<"):
        raise ParseError(f"Not a valid feed: {_sax_problem(problem)}", detail={"line": problem.getLineNumber()})
    raise ParseError(f"Not a feed: {url} holds no RSS, Atom or JSON Feed")


def _sax_problem(error: xml.sax.SAXParseException) -> str:
    return f"{error.getMessage()} at line {error.getLineNumber()}"


def _entry(raw, base: str) -> FeedEntry | None:
    guid = raw.get("id") or None
    # feedparser already uses an RSS guid as the link when it is a permalink (isPermaLink absent or "true")
    url = absolute_url(raw.get("link"), base) or (guid if is_http_url(guid) else None)
    if not url:
        log.debug("Skipped a feed entry without a URL in %s (guid %r)", base, guid)
        return None
    content = _content(raw)
    summary = raw.get("summary") or None
    return FeedEntry(
        url=url,
        guid=guid,
        title=_text(raw, "title"),
        author=_author(raw),
        published=from_struct_time(raw.get("published_parsed") or raw.get("updated_parsed")),
        # feedparser copies the content into the summary when there is none: keep just one of them then
        summary=None if summary == content else summary,
        content_html=content,
        image=_image(raw, url),
    )


def _author(raw) -> str | None:
    author = raw.get("author") or ""
    named = _EMAIL_AND_NAME.fullmatch(author)  # RSS: "desk@example.com (Weather Desk)"; feedparser trips on some
    return plain_text(named.group(1) if named else (raw.get("author_detail") or {}).get("name") or author)


def _text(node, key: str) -> str | None:
    detail = node.get(f"{key}_detail") or {}
    return plain_text(node.get(key), is_html=detail.get("type", "text/html") in _HTML_TYPES)


def _content(raw) -> str | None:
    """The longest content element (content:encoded, atom:content, ...), as HTML."""
    best = max(raw.get("content") or [], key=lambda c: len(c.get("value") or ""), default=None)
    if not best or not (best.get("value") or "").strip():
        return None
    if best.get("type") in _HTML_TYPES:
        return best["value"]
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in best["value"].split("\n\n") if p.strip())


def _image(raw, base: str) -> str | None:
    """media:content (an image), media:thumbnail, an image enclosure, itunes:image: the first usable one."""
    candidates = []
    for media in raw.get("media_content") or []:
        medium, kind, href = media.get("medium"), media.get("type") or "", media.get("url") or ""
        if medium == "image" or kind.startswith("image/") or (not medium and not kind and _IMAGE_URL.search(href)):
            candidates.append(href)
    candidates += [thumb.get("url") for thumb in raw.get("media_thumbnail") or []]
    candidates += [enc.get("href") for enc in raw.get("enclosures") or []
                   if (enc.get("type") or "").startswith("image/")]
    candidates.append((raw.get("image") or {}).get("href"))  # itunes:image
    return next((url for url in (absolute_url(c, base) for c in candidates) if url), None)
