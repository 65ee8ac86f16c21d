"""``/api/v1/search``: ranked full-text search with highlighted snippets."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...store.search_text import COUNT_CAP
from ...web.deps import Ctx
from .params import Limit, Offset, next_offset
from .schemas import SearchResults

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResults, summary="Full-text search, best match first")
def search(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=200, description="Words or \"a phrase\"")],
           limit: Limit = None, offset: Offset = 0):
    limit = limit or ctx.settings.page_size
    hits, total = ctx.store.articles.search(q, limit, offset)
    return {"query": q, "total": total, "total_exact": total < max(COUNT_CAP, offset + limit + 1), "items": hits,
            "next_offset": next_offset(offset, len(hits), offset + len(hits) < total)}
