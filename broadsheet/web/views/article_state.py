"""``POST /articles/{id}/save`` (``saved=1|0``) and ``POST /articles/{id}/read`` (``read=1|0``): the signed-in
user's own marks. CSRF-checked. A browser without JavaScript is sent back (303); app.js asks for JSON instead and
gets ``{"id", "saved", "read"}``. Marking an article unread from its own page returns to it with ``?unread=1``, so
opening it does not mark it read again at once."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse

from ..auth import check_csrf, require_user
from ..deps import Ctx
from ..errors import wants_json
from ..reader_state import safe_back

router = APIRouter(include_in_schema=False)
Flag = Annotated[Literal["0", "1"], Form()]
Field = Annotated[str, Form(max_length=2048)]


def _apply(request: Request, ctx, article_id: int, back: str, csrf_token: str, **mark):
    user = require_user(request)
    check_csrf(request, csrf_token)
    ctx.store.articles.get(article_id)  # 404 for an unknown article, before anything changes
    ctx.store.states.mark(user["id"], [article_id], **mark)
    state = ctx.store.states.marks(user["id"], [article_id]).get(article_id) or {}
    if wants_json(request):
        return JSONResponse({"id": article_id, "saved": bool(state.get("saved")), "read": bool(state.get("read"))})
    where = safe_back(back, f"/articles/{article_id}")
    if mark.get("read") is False and where == f"/articles/{article_id}":
        where += "?unread=1"
    return RedirectResponse(where, status_code=303)


@router.post("/articles/{article_id}/save")
def save(request: Request, ctx: Ctx, article_id: int, saved: Flag = "1", back: Field = "",
         csrf_token: Field = ""):
    return _apply(request, ctx, article_id, back, csrf_token, saved=saved == "1")


@router.post("/articles/{article_id}/read")
def mark_read(request: Request, ctx: Ctx, article_id: int, read: Flag = "1", back: Field = "",
              csrf_token: Field = ""):
    return _apply(request, ctx, article_id, back, csrf_token, read=read == "1")
