"""Jinja filters for dates and reading time. Store times are naive UTC; pages show UTC dates and relative times."""
from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

WORDS_PER_MINUTE = 230


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'} ago"


def relative_time(dt: datetime | None, now: datetime | None = None) -> str:
    """"just now", "5 minutes ago", "2 hours ago", "yesterday", "3 days ago", then the date."""
    if dt is None:
        return ""
    seconds = ((now and _utc(now)) or datetime.now(UTC)).timestamp() - _utc(dt).timestamp()
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
    return f"{dt.day} {dt:%b %Y}" if dt else ""


def absolute_date(dt: datetime | None) -> str:
    """"Friday 4 July 2025, 14:05 UTC"."""
    if dt is None:
        return ""
    dt = _utc(dt)
    return f"{dt:%A} {dt.day} {dt:%B %Y, %H:%M} UTC"


def iso_datetime(dt: datetime | None) -> str:
    """Machine-readable time for ``<time datetime=…>``: ISO 8601 in UTC with a Z."""
    return _utc(dt).strftime("%Y-%m-%dT%H:%M:%SZ") if dt else ""


def reading_time(word_count: int | None) -> str:
    """"4 min read" (at least one minute)."""
    return f"{max(1, round((word_count or 0) / WORDS_PER_MINUTE))} min read"


def hostname(url: str | None) -> str:
    """"www.example.com/feed" → "example.com": a readable name for a source without a title."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


FILTERS = {f.__name__: f for f in (relative_time, short_date, absolute_date, iso_datetime, reading_time, hostname)}
