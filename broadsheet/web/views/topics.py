"""``/topics``: the categories (with their article counts) and the keyword topics of the latest articles."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import Ctx
from ..templating import render

router = APIRouter(include_in_schema=False)


@router.get("/topics", response_class=HTMLResponse)
def topics_page(request: Request, ctx: Ctx):
    keywords = ctx.store.topics.keywords()
    shared = [k for k in keywords if k["articles"] >= 2]  # a phrase of one article only is rarely a topic
    return render(request, "topics.html", categories=ctx.store.topics.categories(), keywords=shared or keywords[:20])
