"""``/topics/{slug}``: a category ("world") or a keyword topic ("kestrel-harbour"): its stories, then its
articles, newest first, paginated."""
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


@router.get("/topics/{slug}", response_class=HTMLResponse)
def topic_page(request: Request, ctx: Ctx, slug: str, page: PageNumber = 1):
    topic = ctx.store.topics.resolve(slug)
    stories = ctx.store.stories.by_ids(ctx.store.topics.story_ids(topic, STORIES_SHOWN)) if page == 1 else []
    articles = Page.fetch(partial(ctx.store.topics.articles, topic), page, ctx.settings.page_size,
                          f"/topics/{topic.slug}")
    return render(request, "topic.html", topic=topic, stories=stories, page=articles,
                  reader=marked(request, articles.items))
