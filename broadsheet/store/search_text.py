"""Shared pieces of full-text search: query parsing and safe snippet markup."""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

MARK_START, MARK_END = "\x02", "\x03"
RANK_WINDOW = 1000  # relevance is ranked among the newest this-many matches: news search favours the recent
COUNT_CAP = 1000  # totals stop here ("1,000+ results"): counting every match of a common word is not worth it
_TERM = re.compile(r'"([^"]+)"|(\S+)')


@dataclass
class SearchQuery:
    phrases: list[str]  # each a list of words to match in order ("quoted") or a single word

    @classmethod
    def parse(cls, q: str) -> "SearchQuery":
        phrases = []
        for quoted, word in _TERM.findall(q or ""):
            words = re.findall(r"\w+", quoted or word)
            if words:
                phrases.append(" ".join(words))
        return cls(phrases[:16])

    def __bool__(self) -> bool:
        return bool(self.phrases)


def snippet_markup(raw: str | None) -> Markup:
    """Escape a snippet whose highlights are marked with control characters, then turn those into <mark>."""
    text = str(escape(raw or ""))
    return Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
