"""Muted keywords: one per line in ``users.muted_keywords``; an article whose title or summary contains one (as
whole words, ignoring case) is left out of the user's "For you" page."""
from __future__ import annotations

import re

from ..errors import InvalidInput

MAX_KEYWORDS = 100
MAX_KEYWORD_LENGTH = 100


def parse_keywords(text: str | None) -> list[str]:
    """Distinct non-empty lines, spaces squeezed, in the order given."""
    seen: dict[str, str] = {}
    for line in (text or "").splitlines():
        word = " ".join(line.split())
        if word and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())


def checked_keywords(text: str) -> str:
    """What to store for a submitted list, or InvalidInput (nothing is stored) when it is too long."""
    words = parse_keywords(text)
    if len(words) > MAX_KEYWORDS:
        raise InvalidInput(f"At most {MAX_KEYWORDS} muted keywords, please ({len(words)} given)",
                           code="too_many_keywords")
    long = next((w for w in words if len(w) > MAX_KEYWORD_LENGTH), None)
    if long is not None:
        raise InvalidInput(f"A muted keyword can be at most {MAX_KEYWORD_LENGTH} characters long",
                           code="keyword_too_long")
    return "\n".join(words)


def matcher(text: str | None):
    """A function telling whether an article row mentions a muted keyword (None when nothing is muted)."""
    words = parse_keywords(text)
    if not words:
        return None
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)

    def is_muted(row: dict) -> bool:
        return bool(pattern.search(row.get("title") or "") or pattern.search(row.get("summary") or ""))
    return is_muted
