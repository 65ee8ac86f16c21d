"""``/api/v1/ask?q=``: a question answered with sentences quoted from the articles, each cited (``article`` or
``story``: answer from that article's story or that story)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...enrich.questions import ask
from ...web.deps import Ctx
from .enrich_schemas import AskAnswer

router = APIRouter(tags=["ask"])


@router.get("/ask", response_model=AskAnswer, summary="Answer a question with cited sentences from the articles")
def ask_question(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=200, pattern=r"\S",
                                                   description="The question")],
                 article: int | None = None, story: int | None = None):
    return ask(ctx, q.strip(), article_id=article, story_id=story)
