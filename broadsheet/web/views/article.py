"""``/articles/{id}``: one article to read, with where else it was published.

A plain Starlette route (see views/home.py for why); the id is validated as FastAPI would.
"""
from __future__ import annotations

import re
from html import escape
from typing import Annotated

from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from pydantic import Field, TypeAdapter

from ...comments.section import load_section, reply_target
from ...enrich.service import related
from ..auth import current_user
from ..deps import read, validated
from ..templating import render

_ID = TypeAdapter(Annotated[int, Field(ge=-2**63, le=2**63 - 1)])  # what a database integer can hold


async def article_page(request: Request) -> HTMLResponse:
    ctx = request.app.state.ctx
    article_id = validated(request.path_params["article_id"], _ID, "path", "article_id")
    article, others = await read(ctx, True, ctx.store.articles.get_with_others, article_id)
    body = Markup(without_leading_title(article["content_html"] or "", article["title"]))  # sanitised at ingestion
    related_articles = await read(ctx, True, related, ctx, article_id)  # stored vectors: no model is loaded
    panel = await read(ctx, True, ctx.store.entities.panel, article)
    comments = await read(ctx, True, load_section, ctx, "article", article_id, current_user(request),
                          reply_target(request), article["comment_count"])  # one query for the whole thread
    state = None if current_user(request) is None else await read(ctx, False, _opened, ctx, request, article_id)
    return render(request, "article.html", article=article, body=body, others=others, related=related_articles,
                  panel=panel, comments=comments, state=state)


def _opened(ctx, request: Request, article_id: int) -> dict | None:
    """A signed-in reader's marks on the article, which opening it marks read (not right after "mark unread")."""
    user = current_user(request)
    mark = ctx.store.states.marks(user["id"], [article_id]).get(article_id) or {}
    if not mark.get("read") and request.query_params.get("unread") != "1":  # a write only the first time
        ctx.store.states.mark(user["id"], [article_id], read=True)
        mark = {**mark, "read": True}
    return {"read": bool(mark.get("read")), "saved": bool(mark.get("saved")), "csrf": user["csrf_token"],
            "back": f"/articles/{article_id}"}


def without_leading_title(html: str, title: str) -> str:
    """Drop a heading that only repeats the headline at the top of the body, so the headline shows once."""
    head = html.lstrip()[:len(title) * 2 + 200]
    match = re.match(r"<h[1-3][^>]*>\s*(.*?)\s*</h[1-3]>", head, re.S | re.I)
    if match and match.group(1) in (title, escape(title, quote=False), escape(title)):
        return html.lstrip()[match.end():]
    return html
