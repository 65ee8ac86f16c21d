"""``/api/v1/articles``: the latest articles (paged by offset) and one article with its full content."""
from __future__ import annotations

from fastapi import APIRouter

from ...web.deps import Ctx
from .params import Limit, Offset, next_offset
from .schemas import Article, ArticlePage

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", response_model=ArticlePage, summary="Latest articles, newest first")
def list_articles(ctx: Ctx, source_id: int | None = None, include_duplicates: bool = False,
                  limit: Limit = None, offset: Offset = 0):
    limit = limit or ctx.settings.page_size
    rows = ctx.store.articles.latest(limit + 1, offset, source_id=source_id, include_duplicates=include_duplicates)
    return {"items": rows[:limit], "next_offset": next_offset(offset, limit, len(rows) > limit)}


@router.get("/{article_id}", response_model=Article, summary="One article with its full content")
def get_article(ctx: Ctx, article_id: int):
    return ctx.store.articles.get(article_id)
