"""``/api/v1/stories``: stories (clusters of articles about one event), newest development first, and one story's
full coverage."""
from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query

from ...enrich.coverage import story_coverage
from ...web.deps import Ctx
from .enrich_schemas import StoryDetail, StoryPage
from .paging import offset_page
from .params import Limit, Offset

router = APIRouter(prefix="/stories", tags=["stories"])


def cited(points: list[dict]) -> list[dict]:
    return [{"article_id": p["article"]["id"], "source_title": p["article"]["source_title"], "text": p["text"],
             "start": p["start"], "end": p["end"]} for p in points]


def events(rows: list[dict]) -> list[dict]:
    return [{**r, "date": r["event_date"]} for r in rows]


@router.get("", response_model=StoryPage, summary="Stories, the newest development first")
def list_stories(ctx: Ctx, min_sources: Annotated[int, Query(ge=1, le=1000, description="Covered by at least "
                                                                                  "this many outlets")] = 1,
                 limit: Limit = None, offset: Offset = 0):
    items, more = offset_page(partial(ctx.store.stories.latest, min_sources=min_sources),
                              limit or ctx.settings.page_size, offset)
    return {"items": items, "next_offset": more}


@router.get("/{story_id}", response_model=StoryDetail, summary="One story: its articles, outlets, cited summary "
                                                                "and key points, timeline, entities")
def get_story(ctx: Ctx, story_id: int):
    c = story_coverage(ctx, story_id)
    return {**c["story"], "articles": c["articles"], "outlets": c["outlets"], "summary": cited(c["summary"]),
            "key_points": cited(c["key_points"]), "timeline": events(c["timeline"]), "entities": c["entities"],
            "related": c["related"]}
