"""``/for-you``: the signed-in user's articles ranked by what they follow and recency, muted keywords left out
(see reading/for_you.py)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...reading.for_you import ranked
from ..deps import Ctx
from ..pagination import Page, PageNumber
from ..reader_state import marked, sign_in_first
from ..templating import render

router = APIRouter(include_in_schema=False)


@router.get("/for-you", response_class=HTMLResponse)
def for_you_page(request: Request, ctx: Ctx, page: PageNumber = 1):
    redirect = sign_in_first(request)
    if redirect is not None:
        return redirect
    user = ctx.store.users.get(request.state.user["id"])  # muted keywords as stored now
    rows = ranked(ctx.store, user)
    found = Page.fetch(lambda limit, offset: rows[offset:offset + limit], page, ctx.settings.page_size, "/for-you")
    follows_anything = bool(rows) or bool(ctx.store.follows.list(user["id"])) or bool(
        ctx.store.subscriptions.source_ids(user["id"]))
    return render(request, "for_you.html", page=found, reader=marked(request, found.items),
                  follows_anything=follows_anything)
