"""Offset paging of the enrich stage's lists: one row more than asked says whether a next page exists."""
from __future__ import annotations

from typing import Callable

from .params import next_offset


def offset_page(rows_for: Callable[[int, int], list], limit: int, offset: int) -> tuple[list, int | None]:
    """(the page's rows, the offset of the next page or None); ``rows_for(limit, offset)`` reads the rows."""
    rows = rows_for(limit + 1, offset)
    return rows[:limit], next_offset(offset, limit, len(rows) > limit)
