"""Template helpers for what the enrich stage found: links to a quoted sentence where it stands in its source
(URL text fragments, ``#:~:text=start,end``: the browser scrolls to the sentence and highlights it), timeline dates
at their precision, and the summary and key points stored with an article (``articles.ai_json``)."""
from __future__ import annotations

import json
from datetime import date
from urllib.parse import quote

from ..store.topics_repo import slugify as topic_slug
from .filters import _MONTHS

_EDGE_WORDS = 5  # a long quote is found by its first and last words


def _fragment_part(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")  # "-" and "," are the fragment's own punctuation


def quote_link(url: str, text: str) -> str:
    """``url`` pointing at ``text`` inside the page (a text fragment: start and end words of a long quote)."""
    words = (text or "").split()
    if not words:
        return url
    base = url.split("#", 1)[0]
    if len(words) <= 2 * _EDGE_WORDS:
        return f"{base}#:~:text={_fragment_part(' '.join(words))}"
    start, end = " ".join(words[:_EDGE_WORDS]), " ".join(words[-_EDGE_WORDS:])
    return f"{base}#:~:text={_fragment_part(start)},{_fragment_part(end)}"


def event_date(day: date | None, precision: str = "day") -> str:
    """"1980s", "1987", "April 2025", "4 April 2025": as precise as the text was."""
    if day is None:
        return ""
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def ai_fields(ai_json: str | None) -> dict:
    """{"summary": [...], "key_points": [...]} of an article (sentences with their offsets); empty lists when the
    article is not enriched (or its record cannot be read)."""
    try:
        found = json.loads(ai_json) if ai_json else {}
    except ValueError:
        found = {}
    return {"summary": found.get("summary") or [], "key_points": found.get("key_points") or []}


def keyword_list(keywords: str | None) -> list[str]:
    return [k.strip() for k in (keywords or "").split(",") if k.strip()]


AI_GLOBALS = {**{f.__name__: f for f in (quote_link, event_date, ai_fields, keyword_list)}, "topic_slug": topic_slug}
