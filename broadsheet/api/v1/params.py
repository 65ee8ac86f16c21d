"""Query parameters shared by the list endpoints."""
from __future__ import annotations

from typing import Annotated

from fastapi import Query

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000

Limit = Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (≤ {MAX_LIMIT}; "
                                                                     "default: the page size setting)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]


def next_offset(offset: int, returned: int, more: bool) -> int | None:
    return offset + returned if more else None
