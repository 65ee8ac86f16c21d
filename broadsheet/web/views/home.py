"""``/``: the latest articles across all sources, newest first, duplicates left out; on the first page, led by
the latest stories several outlets covered (enrich stage: "N outlets", the first report, its preview).

Like the article page, a plain Starlette route rather than a FastAPI one: the two most requested pages skip
dependency injection (about a third of their CPU time); the page number is validated as FastAPI would.
"""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse
from pydantic import TypeAdapter

from ..deps import INLINE_OFFSET_MAX, read, validated
from ..pagination import Page, PageNumber
from ..reader_state import marked
from ..templating import render

_PAGE = TypeAdapter(PageNumber)
FRONT_PAGE_STORIES = 6  # stories covered by several outlets, above the latest articles on the first page


async def home(request: Request) -> HTMLResponse:
    ctx = request.app.state.ctx
    page = request.query_params.get("page")
    page = 1 if page is None else validated(page, _PAGE, "query", "page")
    size = ctx.settings.page_size
    latest = await read(ctx, page * size <= INLINE_OFFSET_MAX, Page.fetch, ctx.store.articles.latest, page, size, "/")
    stories = await read(ctx, True, ctx.store.stories.front_page, FRONT_PAGE_STORIES) if page == 1 else []
    reader = None if request.state.user is None else await read(ctx, False, marked, request, latest.items)
    return render(request, "home.html", page=latest, stories=stories, reader=reader)

