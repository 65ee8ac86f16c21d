"""``/api/v1/topics``: categories and keyword topics, and one topic's stories and articles (paged)."""
from __future__ import annotations

from functools import partial

from fastapi import APIRouter

from ...web.deps import Ctx
from .enrich_schemas import TopicDetail, TopicIndex
from .paging import offset_page
from .params import Limit, Offset

router = APIRouter(prefix="/topics", tags=["topics"])
STORIES_SHOWN = 5


@router.get("", response_model=TopicIndex, summary="Categories and the keyword topics of the latest articles")
def list_topics(ctx: Ctx):
    return {"categories": ctx.store.topics.categories(), "keywords": ctx.store.topics.keywords()}


@router.get("/{slug}", response_model=TopicDetail, summary="One topic (a category or a keyword): its stories and "
                                                            "articles, newest first")
def get_topic(ctx: Ctx, slug: str, limit: Limit = None, offset: Offset = 0):
    topic = ctx.store.topics.resolve(slug)
    items, more = offset_page(partial(ctx.store.topics.articles, topic), limit or ctx.settings.page_size, offset)
    stories = ctx.store.stories.by_ids(ctx.store.topics.story_ids(topic, STORIES_SHOWN)) if offset == 0 else []
    return {"slug": topic.slug, "name": topic.name, "kind": topic.kind, "stories": stories,
            "articles": items, "next_offset": more}
