"""``/api/v1/search``: ranked full-text search with highlighted snippets, or (``mode=semantic``) the articles
nearest in meaning to the query (embeddings; the response names the embedder)."""
from __future__ import annotations

from html import escape
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ...enrich.service import embedder_info, semantic_search
from ...store.search_text import COUNT_CAP
from ...web.deps import Ctx
from .fast_json import json_response, summary
from .params import Limit, Offset, next_offset
from .schemas import SearchResults, SemanticResults

router = APIRouter(tags=["search"])
PREVIEW = 300


@router.get("/search", response_model=SearchResults | SemanticResults,
            summary="Full-text search, best match first; or semantic search (mode=semantic)")
def search(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=200, description="Words or \"a phrase\"")],
           limit: Limit = None, offset: Offset = 0,
           mode: Annotated[Literal["text", "semantic"], Query(description="text (default): the words; semantic: "
                                                                          "the meaning (embeddings)")] = "text"):
    limit = limit or ctx.settings.page_size
    if mode == "semantic":
        hits, more = semantic_search(ctx, q, limit, offset)
        items = [{**summary(h), "snippet": escape((h["summary"] or "")[:PREVIEW]), "rank": -h["score"],
                  "score": h["score"]} for h in hits]
        return json_response({"query": q, "mode": "semantic", "embedder": embedder_info(ctx), "items": items,
                              "next_offset": next_offset(offset, len(hits), more)})
    hits, total = ctx.store.articles.search(q, limit, offset)
    return {"query": q, "total": total, "total_exact": total < max(COUNT_CAP, offset + limit + 1), "items": hits,
            "next_offset": next_offset(offset, len(hits), offset + len(hits) < total)}
