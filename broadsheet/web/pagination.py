"""Page-number pagination without COUNT: fetch one row more than a page to know whether an older page exists."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Callable
from urllib.parse import urlencode

from fastapi import Query

MAX_PAGE = 10_000
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1")]


@dataclass
class Page:
    items: list
    number: int
    has_next: bool
    base: str  # path and query string without the page, e.g. "/search?q=x"

    @classmethod
    def fetch(cls, rows_for: Callable[[int, int], list], number: int, size: int, base: str) -> "Page":
        """``rows_for(limit, offset)`` is asked for ``size + 1`` rows; the extra one only says "there is more"."""
        rows = rows_for(size + 1, (number - 1) * size)
        return cls(rows[:size], number, len(rows) > size, base)

    @property
    def has_prev(self) -> bool:
        return self.number > 1

    def url(self, number: int) -> str:
        if number <= 1:
            return self.base
        sep = "&" if "?" in self.base else "?"
        return f"{self.base}{sep}{urlencode({'page': number})}"
