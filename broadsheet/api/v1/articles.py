"""``/api/v1/articles``: the latest articles (paged by offset) and one article with its full content."""
from __future__ import annotations

from fastapi import APIRouter

from ...web.deps import INLINE_OFFSET_MAX, Ctx, read
from .fast_json import json_response, summary
from .params import Limit, Offset, next_offset
from .schemas import Article, ArticlePage

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", response_model=ArticlePage, summary="Latest articles, newest first")
async def list_articles(ctx: Ctx, source_id: int | None = None, include_duplicates: bool = False,
                        limit: Limit = None, offset: Offset = 0):
    limit = limit or ctx.settings.page_size
    rows = await read(ctx, offset + limit <= INLINE_OFFSET_MAX, ctx.store.articles.latest, limit + 1, offset,
                      source_id=source_id, include_duplicates=include_duplicates)
    # Serialised here, in the shape of ArticlePage (which still documents it): validating 30 rows we built
    # ourselves through the model cost more than the rest of the request.
    return json_response({"items": [summary(r) for r in rows[:limit]],
                          "next_offset": next_offset(offset, limit, len(rows) > limit)})


@router.get("/{article_id}", response_model=Article, summary="One article with its full content")
def get_article(ctx: Ctx, article_id: int):
    return ctx.store.articles.get(article_id)
