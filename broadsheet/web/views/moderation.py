"""``/moderation`` (moderators and admins): flagged and hidden comments; hide, show again, delete, dismiss flags."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...comments.format import format_comment
from ...comments.section import page_url
from ...store.comments_repo import thread_of
from ..access import CsrfField, require_moderator
from ..auth import check_csrf
from ..deps import Ctx
from ..notices import Notice
from ..templating import render

router = APIRouter(prefix="/moderation", include_in_schema=False)
ACTIONS = ("hide", "unhide", "delete", "dismiss")
DONE = {"hide": "comment_hidden", "unhide": "comment_shown", "delete": "comment_deleted", "dismiss": "flags_dismissed"}


@router.get("", response_class=HTMLResponse)
def moderation_page(request: Request, ctx: Ctx, notice: Notice):
    require_moderator(request)
    items = ctx.store.comments.for_moderation()
    for item in items:
        item["page_url"] = page_url(*thread_of(item), item["id"])
        item["html"] = format_comment(item["body"])
    return render(request, "moderation.html", items=items, notice=notice)


@router.post("/{comment_id}/{action}")
def moderate(request: Request, ctx: Ctx, comment_id: int, action: str, csrf_token: CsrfField = ""):
    moderator = require_moderator(request)
    check_csrf(request, csrf_token)
    if action not in ACTIONS:
        return RedirectResponse("/moderation", status_code=303)
    repo = ctx.store.comments
    if action in ("hide", "unhide"):
        repo.set_hidden(comment_id, moderator["id"], action == "hide")
    elif action == "delete":
        repo.delete(comment_id, moderator["id"], moderator=True)
    else:
        repo.dismiss_flags(comment_id)
    return RedirectResponse(f"/moderation?done={DONE[action]}", status_code=303)
