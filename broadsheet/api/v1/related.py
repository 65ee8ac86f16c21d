"""``/api/v1/articles/{id}/related``: articles related in meaning, recency-aware, never the article or its copies."""
from __future__ import annotations

from fastapi import APIRouter

from ...enrich.service import embedder_info, related
from ...web.deps import Ctx
from .fast_json import json_response, summary
from .schemas import RelatedArticles

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("/{article_id}/related", response_model=RelatedArticles,
            summary="Related articles, most related first (from stored embeddings)")
def related_articles(ctx: Ctx, article_id: int):
    ctx.store.articles.get(article_id)  # 404 for an unknown article
    items = [{**summary(r), "score": r["score"]} for r in related(ctx, article_id)]
    return json_response({"article_id": article_id, "embedder": embedder_info(ctx), "items": items})
