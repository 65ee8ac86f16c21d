"""``/saved``: the signed-in user's saved articles, newest first, with their private feed links."""
from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import Ctx
from ..pagination import Page, PageNumber
from ..reader_state import here, sign_in_first
from ..templating import render

router = APIRouter(include_in_schema=False)


@router.get("/saved", response_class=HTMLResponse)
def saved_page(request: Request, ctx: Ctx, page: PageNumber = 1):
    redirect = sign_in_first(request)
    if redirect is not None:
        return redirect
    user = request.state.user
    rows_for = partial(_saved_rows, ctx.store, user["id"])
    saved = Page.fetch(rows_for, page, ctx.settings.page_size, "/saved")
    feed = f"/feeds/saved/{ctx.store.users.get(user['id'])['feed_token']}"
    reader = {"csrf": user["csrf_token"], "back": here(request)}
    return render(request, "saved.html", page=saved, reader=reader, feed=feed)


def _saved_rows(store, user_id: int, limit: int, offset: int) -> list[dict]:
    return store.states.entries(user_id, limit, offset, saved=True, followed_only=False)
