"""Jinja filters for dates and reading time. Store times are naive UTC; pages show UTC dates and relative times.

A list page formats a few dates per article, so these avoid ``strftime`` and locale lookups (English names from
tables) and keep to plain arithmetic; ``time_tag`` and ``source_name`` are functions rather than Jinja macros
because a macro call costs more than everything else in an article card.
"""
from __future__ import annotations

from datetime import UTC, datetime
from time import time as _now
from urllib.parse import urlsplit

from markupsafe import Markup

WORDS_PER_MINUTE = 230
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


_EPOCH = datetime(1970, 1, 1)


def _utc(dt: datetime) -> datetime:
    """Naive UTC (the store's times) as they are; aware times converted to naive UTC."""
    return dt if dt.tzinfo is None else dt.astimezone(UTC).replace(tzinfo=None)


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'} ago"


def relative_time(dt: datetime | None, now: datetime | None = None) -> str:
    """"just now", "5 minutes ago", "2 hours ago", "yesterday", "3 days ago", then the date."""
    if dt is None:
        return ""
    seconds = ((_utc(now) - _EPOCH).total_seconds() if now else _now()) - (_utc(dt) - _EPOCH).total_seconds()
    if -60 <= seconds < 60:
        return "just now"
    if seconds < 0:
        return short_date(dt)
    minutes, hours, days = int(seconds // 60), int(seconds // 3600), int(seconds // 86400)
    if minutes < 60:
        return _plural(minutes, "minute")
    if hours < 24:
        return _plural(hours, "hour")
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    return short_date(dt)


def short_date(dt: datetime | None) -> str:
    """"4 Jul 2025"."""
    return f"{dt.day} {_MONTHS[dt.month - 1][:3]} {dt.year}" if dt else ""


def absolute_date(dt: datetime | None) -> str:
    """"Friday 4 July 2025, 14:05 UTC"."""
    if dt is None:
        return ""
    dt = _utc(dt)
    return f"{_DAYS[dt.weekday()]} {dt.day} {_MONTHS[dt.month - 1]} {dt.year}, {dt.hour:02d}:{dt.minute:02d} UTC"


def iso_datetime(dt: datetime | None) -> str:
    """Machine-readable time for ``<time datetime=…>``: ISO 8601 in UTC with a Z."""
    return _utc(dt).isoformat(timespec="seconds") + "Z" if dt else ""


def reading_time(word_count: int | None) -> str:
    """"4 min read" (at least one minute)."""
    return f"{max(1, round((word_count or 0) / WORDS_PER_MINUTE))} min read"


def hostname(url: str | None) -> str:
    """"www.example.com/feed" → "example.com": a readable name for a source without a title."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def time_tag(dt: datetime | None) -> Markup:
    """``<time datetime="…Z" title="Friday 4 July 2025, 14:05 UTC">2 hours ago</time>`` (digits and English words
    only: nothing to escape)."""
    return Markup(f'<time datetime="{iso_datetime(dt)}" title="{absolute_date(dt)}">{relative_time(dt)}</time>')


def source_name(row: dict) -> str:
    """Who published an article row: the source's title, the site's name, else the host name (escaped by the
    template, like any text)."""
    return (row.get("source_title") or row.get("site_name")
            or hostname(row.get("source_site_url") or row.get("url")))


FILTERS = {f.__name__: f for f in (relative_time, short_date, absolute_date, iso_datetime, reading_time, hostname)}
GLOBALS = {f.__name__: f for f in (time_tag, source_name)}
