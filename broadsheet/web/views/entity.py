"""``/entities/{id}``: one person, organisation, country or place: the latest articles and stories naming it, its
dated timeline, and the entities named most often with it (who is engaging with whom)."""
from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import Ctx
from ..pagination import Page, PageNumber
from ..reader_state import marked
from ..templating import render

router = APIRouter(include_in_schema=False)
STORIES_SHOWN = 5


def entity_context(ctx, entity_id: int) -> dict:
    """The entity and what its page shows besides its articles."""
    entities = ctx.store.entities
    entity = entities.get(entity_id)
    return {"entity": entity, "stories": ctx.store.stories.by_ids(entities.story_ids(entity_id, STORIES_SHOWN)),
            "timeline": entities.timeline(entity_id), "co_mentioned": entities.co_mentioned(entity_id)}


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, ctx: Ctx, entity_id: int, page: PageNumber = 1):
    found = entity_context(ctx, entity_id)
    articles = Page.fetch(partial(ctx.store.entities.articles, entity_id), page, ctx.settings.page_size,
                          f"/entities/{entity_id}")
    return render(request, "entity.html", page=articles, reader=marked(request, articles.items), **found)
