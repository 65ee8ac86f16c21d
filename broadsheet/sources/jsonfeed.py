"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read as plain JSON."""
from __future__ import annotations

import html
import json
import logging

from ..errors import ParseError
from ..model import FeedEntry, ParsedFeed
from .fields import absolute_url, is_http_url, parse_datetime, plain_text

log = logging.getLogger(__name__)


def parse_json_feed(content: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(content)
    except UnicodeDecodeError as e:
        raise ParseError(f"Not a valid JSON Feed: it is not UTF-8 text ({e.reason})") from None
    except json.JSONDecodeError as e:
        raise ParseError(f"Not a valid JSON Feed: {e.msg} at line {e.lineno}", detail={"line": e.lineno}) from None
    if not isinstance(data, dict) or not _text(data, "version").startswith(("https://jsonfeed.org/version/",
                                                                              "http://jsonfeed.org/version/")):
        raise ParseError("Not a JSON Feed: the JSON has no \"version\": \"https://jsonfeed.org/version/1.1\"")
    items = data.get("items")
    if not isinstance(items, list):
        raise ParseError("Not a valid JSON Feed: it has no \"items\" list")
    entries = [e for e in (_entry(item, url) for item in items if isinstance(item, dict)) if e]
    if len(entries) < len(items):
        log.info("Skipped %d item(s) without a URL in the JSON Feed %s", len(items) - len(entries), url)
    return ParsedFeed(kind="feed", title=plain_text(_text(data, "title"), is_html=False),
                      site_url=absolute_url(_text(data, "home_page_url"), url), entries=entries)


def _entry(item: dict, base: str) -> FeedEntry | None:
    guid = _text(item, "id") or None
    link = absolute_url(_text(item, "url"), base) or absolute_url(_text(item, "external_url"), base)
    link = link or (guid if is_http_url(guid) else None)
    if not link:
        return None
    content = _text(item, "content_html") or _text_to_html(_text(item, "content_text")) or None
    summary = _text(item, "summary") or None
    return FeedEntry(
        url=link,
        guid=guid,
        title=plain_text(_text(item, "title"), is_html=False),
        author=_author(item),
        published=parse_datetime(_text(item, "date_published") or _text(item, "date_modified")),
        summary=None if summary == content else summary,
        content_html=content,
        image=absolute_url(_text(item, "image"), link) or absolute_url(_text(item, "banner_image"), link),
    )


def _author(item: dict) -> str | None:
    authors = item.get("authors")  # 1.1: a list; 1.0: a single "author" object
    candidates = authors if isinstance(authors, list) else [item.get("author")]
    names = [plain_text(_text(a, "name"), is_html=False) for a in candidates if isinstance(a, dict)]
    names = [n for n in names if n]
    return ", ".join(names) or None


def _text(obj: dict, key: str) -> str:
    """A string field, or "" when it is missing or not a string (ids may be numbers in JSON Feed 1.0)."""
    value = obj.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


def _text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
