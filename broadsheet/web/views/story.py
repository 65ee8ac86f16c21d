"""``/stories/{id}``: full coverage of one story (enrich/coverage.py): every outlet's article by time (who reported
first, the newest development), a summary and key points quoted from those articles (each linked to its sentence
and outlet), the dated events they mention, the entities they name and the stories naming the same ones."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...comments.section import load_section, reply_target
from ...enrich.coverage import story_coverage
from ..auth import current_user
from ..deps import Ctx
from ..templating import render

router = APIRouter(include_in_schema=False)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, ctx: Ctx, story_id: int):
    coverage = story_coverage(ctx, story_id)  # raises the 404 for an unknown story first
    comments = load_section(ctx, "story", story_id, current_user(request), reply_target(request))
    return render(request, "story.html", comments=comments, **coverage)
