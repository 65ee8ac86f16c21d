"""``/``: the latest articles across all sources, newest first, duplicates left out."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import Ctx
from ..pagination import Page, PageNumber
from ..templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, ctx: Ctx, page: PageNumber = 1):
    latest = Page.fetch(ctx.store.articles.latest, page, ctx.settings.page_size, "/")
    return render(request, "home.html", page=latest)
