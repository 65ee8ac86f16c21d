"""``/api/v1/entities``: people, organisations, countries and places named in articles, and one entity's articles,
stories, timeline and the entities named with it."""
from __future__ import annotations

from functools import partial
from typing import Literal

from fastapi import APIRouter

from ...web.deps import Ctx
from .enrich_schemas import EntityDetail, EntityPage
from .paging import offset_page
from .params import Limit, Offset
from .stories import events

router = APIRouter(prefix="/entities", tags=["entities"])
STORIES_SHOWN = 5


@router.get("", response_model=EntityPage, summary="Entities, the most often named first")
def list_entities(ctx: Ctx, kind: Literal["person", "organisation", "country", "place"] | None = None,
                  limit: Limit = None, offset: Offset = 0):
    items, more = offset_page(partial(ctx.store.entities.index, kind=kind), limit or ctx.settings.page_size, offset)
    return {"items": items, "next_offset": more}


@router.get("/{entity_id}", response_model=EntityDetail, summary="One entity: articles naming it (paged), its "
                                                                  "stories, timeline and co-mentioned entities")
def get_entity(ctx: Ctx, entity_id: int, limit: Limit = None, offset: Offset = 0):
    entity = ctx.store.entities.get(entity_id)
    items, more = offset_page(partial(ctx.store.entities.articles, entity_id), limit or ctx.settings.page_size,
                              offset)
    stories = ctx.store.stories.by_ids(ctx.store.entities.story_ids(entity_id, STORIES_SHOWN))
    return {**entity, "articles": items, "next_offset": more,
            "stories": stories, "timeline": events(ctx.store.entities.timeline(entity_id)),
            "co_mentioned": ctx.store.entities.co_mentioned(entity_id)}
