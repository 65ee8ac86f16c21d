"""``/articles/{id}``: one article to read, with where else it was published."""
from __future__ import annotations

import re
from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from ..deps import Ctx
from ..templating import render

router = APIRouter(include_in_schema=False)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, ctx: Ctx, article_id: int):
    articles = ctx.store.articles
    article = articles.get(article_id)
    if article["duplicate_of"]:  # a later copy: the others are the first copy and its other copies
        first = articles.get(article["duplicate_of"])
        others = [first] + [c for c in articles.copies(first["id"]) if c["id"] != article_id]
    else:
        others = articles.copies(article_id)
    body = Markup(without_leading_title(article["content_html"] or "", article["title"]))  # sanitised at ingestion
    return render(request, "article.html", article=article, body=body, others=others)


def without_leading_title(html: str, title: str) -> str:
    """Drop a heading that only repeats the headline at the top of the body, so the headline shows once."""
    head = html.lstrip()[:len(title) * 2 + 200]
    match = re.match(r"<h[1-3][^>]*>\s*(.*?)\s*</h[1-3]>", head, re.S | re.I)
    if match and match.group(1) in (title, escape(title, quote=False), escape(title)):
        return html.lstrip()[match.end():]
    return html
