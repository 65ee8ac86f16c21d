"""``/account/reading``: the signed-in user's muted keywords, subscriptions and follows, OPML import (upload) and
export (``/account/subscriptions.opml``). Forms are CSRF-checked; a bad submission shows its error and changes
nothing; a good one redirects back with a notice (Post/Redirect/Get)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...errors import BroadsheetError
from ...reading.muted import checked_keywords
from ...reading.user_opml import MAX_OPML_BYTES, export_for_user, import_for_user
from ...store.tokens import new_token
from ..auth import check_csrf, require_user
from ..deps import Ctx
from ..reader_state import sign_in_first
from ..templating import render

router = APIRouter(prefix="/account", include_in_schema=False)
Field = Annotated[str, Form(max_length=20_000)]
Count = Annotated[int, Query(ge=0, le=100_000)]
NOTICES = {"muted": "Muted keywords saved.", "imported": "Subscriptions imported.",
           "feed_token": "Your saved-articles feed has a new link; the old one no longer works."}


def _page(request: Request, ctx, status_code: int = 200, **extra) -> HTMLResponse:
    uid = request.state.user["id"]
    user = ctx.store.users.get(uid)
    return render(request, "account_reading.html", status_code, account=user,
                  subscriptions=ctx.store.subscriptions.list(uid), follows=ctx.store.follows.list(uid),
                  feed=f"/feeds/saved/{user['feed_token']}", max_kb=MAX_OPML_BYTES // 1024, **extra)


@router.get("/reading", response_class=HTMLResponse)
def reading_page(request: Request, ctx: Ctx, done: str | None = None, added: Count = 0, already: Count = 0):
    redirect = sign_in_first(request)
    if redirect is not None:
        return redirect
    notice = NOTICES.get(done or "")
    if done == "imported":
        notice = f"Subscriptions imported: {added} new, {already} you already followed."
    return _page(request, ctx, notice=notice)


@router.post("/reading/muted", response_class=HTMLResponse)
def save_muted(request: Request, ctx: Ctx, muted_keywords: Field = "", csrf_token: Field = ""):
    user = require_user(request)
    check_csrf(request, csrf_token)
    try:
        ctx.store.users.update(user["id"], muted_keywords=checked_keywords(muted_keywords))
    except BroadsheetError as e:
        return _page(request, ctx, e.status, muted_error=e, muted_form=muted_keywords)
    return RedirectResponse("/account/reading?done=muted", status_code=303)


@router.post("/reading/feed-token")
def new_feed_token(request: Request, ctx: Ctx, csrf_token: Field = ""):
    """A new private link for the saved-articles feed (when the old one was shared by mistake)."""
    user = require_user(request)
    check_csrf(request, csrf_token)
    ctx.store.users.update(user["id"], feed_token=new_token(24))
    return RedirectResponse("/account/reading?done=feed_token", status_code=303)


@router.post("/reading/opml", response_class=HTMLResponse)
async def import_opml(request: Request, ctx: Ctx, opml: Annotated[UploadFile | None, File()] = None,
                      csrf_token: Annotated[str, Form(max_length=200)] = ""):
    user = require_user(request)
    check_csrf(request, csrf_token)
    content = await opml.read(MAX_OPML_BYTES + 1) if opml is not None else b""
    try:
        added, already = import_for_user(ctx.store, user["id"], content)
    except BroadsheetError as e:
        return _page(request, ctx, e.status, opml_error=e)
    return RedirectResponse(f"/account/reading?done=imported&added={added}&already={already}", status_code=303)


@router.get("/subscriptions.opml")
def export_opml(request: Request, ctx: Ctx):
    user = require_user(request)
    return Response(export_for_user(ctx.store, user), media_type="text/x-opml; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="broadsheet-subscriptions.opml"',
                             "Cache-Control": "private, no-store"})
