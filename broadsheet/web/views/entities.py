"""``/entities``: the people, organisations, countries and places named in articles, the most often named first;
``?kind=person`` (organisation, country, place) keeps one kind."""
from __future__ import annotations

from functools import partial
from typing import Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import Ctx
from ..pagination import Page, PageNumber
from ..templating import render

router = APIRouter(include_in_schema=False)
Kind = Literal["person", "organisation", "country", "place"]
KIND_LABELS = {"person": "People", "organisation": "Organisations", "country": "Countries", "place": "Places"}


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, ctx: Ctx, kind: Kind | None = None, page: PageNumber = 1):
    base = "/entities" + (f"?{urlencode({'kind': kind})}" if kind else "")
    size = ctx.settings.page_size * 4  # names are short: a longer page
    found = Page.fetch(partial(ctx.store.entities.index, kind=kind), page, size, base)
    return render(request, "entities.html", page=found, kind=kind, kinds=KIND_LABELS)
