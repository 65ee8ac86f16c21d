"""Normalising the values the source parsers share: plain text, dates, absolute URLs."""
from __future__ import annotations

import email.utils
import html
import re
import time
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text(value: str | None, *, is_html: bool = True) -> str | None:
    """Text without tags (when ``is_html``), entities or runs of whitespace; None when nothing is left.

    Entities are decoded even in plain text: feeds that escape their titles twice (``&amp;amp;``) are common, and
    a title meaning a literal "&amp;" is not."""
    if not value or not isinstance(value, str):
        return None
    if is_html and "<" in value:
        value = _TAG.sub("", value)
    if "&" in value:
        value = html.unescape(value)
    value = _SPACE.sub(" ", value).strip()
    return value or None


def absolute_url(href: str | None, base: str | None = None) -> str | None:
    """``href`` resolved against ``base``, if the result is an http(s) URL; else None."""
    if not href or not isinstance(href, str):
        return None
    href = href.strip()
    try:
        url = urljoin(base, href) if base else href
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def is_http_url(value: str | None) -> bool:
    return isinstance(value, str) and absolute_url(value) == value.strip()


def utc(moment: datetime) -> datetime:
    """Timezone-aware UTC; a naive datetime is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def from_struct_time(value: time.struct_time | None) -> datetime | None:
    """feedparser's ``*_parsed`` dates, which are UTC already."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 / W3C date ("2024-03-05", "2024-03-05T10:00+01:00", "...Z") or an RFC 822 date, in UTC."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return utc(datetime.fromisoformat(value))
    except ValueError:
        pass
    try:
        if re.fullmatch(r"\d{4}-\d{2}", value):  # W3C year-month
            return datetime(int(value[:4]), int(value[5:]), 1, tzinfo=UTC)
        return utc(email.utils.parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None
