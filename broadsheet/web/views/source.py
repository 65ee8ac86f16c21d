"""``/sources/{id}``: one source's articles (copies included: it published them) and its health."""
from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import Ctx
from ..notices import Notice
from ..pagination import Page, PageNumber
from ..reader_state import marked
from ..templating import render

router = APIRouter(include_in_schema=False)


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source_page(request: Request, ctx: Ctx, source_id: int, notice: Notice, page: PageNumber = 1):
    source = ctx.store.sources.get(source_id)
    rows_for = partial(ctx.store.articles.latest, source_id=source_id, include_duplicates=True)
    articles = Page.fetch(rows_for, page, ctx.settings.page_size, f"/sources/{source_id}")
    return render(request, "source.html", source=source, page=articles, notice=notice,
                  reader=marked(request, articles.items))
