"""``/search?q=``: ranked full-text results with highlighted snippets; ``&mode=semantic``: nearest in meaning
(embeddings, broadsheet/enrich/related.py), saying which embedder is active."""
from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...enrich.service import embedder_info, semantic_search
from ...store.search_text import COUNT_CAP
from ..deps import Ctx
from ..pagination import Page, PageNumber
from ..templating import render

router = APIRouter(include_in_schema=False)
MAX_QUERY = 200


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, ctx: Ctx, q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                page: PageNumber = 1, mode: Literal["text", "semantic"] = "text"):
    q = q.strip()
    size = ctx.settings.page_size
    if mode == "semantic":
        hits, more = semantic_search(ctx, q, size, (page - 1) * size) if q else ([], False)
        results = Page(hits, page, more, "/search?" + urlencode({"q": q, "mode": mode}))
        return render(request, "search.html", q=q, page=results, total=None, count_cap=COUNT_CAP, mode=mode,
                      embedder=embedder_info(ctx))
    hits, total = ctx.store.articles.search(q, size, (page - 1) * size) if q else ([], 0)
    results = Page(hits, page, (page - 1) * size + len(hits) < total, "/search?" + urlencode({"q": q}))
    return render(request, "search.html", q=q, page=results, total=total, count_cap=COUNT_CAP, mode=mode,
                  embedder=embedder_info(ctx))
