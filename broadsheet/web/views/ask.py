"""``/ask?q=``: a question answered with cited sentences from the articles (``&article=ID`` or ``&story=ID``: from
that article's story or that story; else from the articles nearest in meaning). Says so when nothing answers."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...enrich.questions import ask
from ..deps import Ctx
from ..templating import render

router = APIRouter(include_in_schema=False)
MAX_QUESTION = 200


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, ctx: Ctx, q: Annotated[str, Query(max_length=MAX_QUESTION)] = "",
             article: int | None = None, story: int | None = None):
    q = q.strip()
    result = ask(ctx, q, article_id=article, story_id=story) if q else None
    return render(request, "ask.html", question=q, result=result, article=article, story=story)
