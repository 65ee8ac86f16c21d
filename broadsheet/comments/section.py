"""A page's comment section (article or story), and posting to it with the per-user rate limit.

``load_section(ctx, kind, target_id, user)`` reads the whole thread with one query and returns what
``_comments.html`` shows: the comments in reading order (each reply after its parent, with its depth), who may do
what, and the count. The article page and the story page both use it:

    comments = load_section(ctx, "article", article_id, user, reply_to)   # or ("story", story_id, ...)
    render(request, "article.html", ..., comments=comments)     # the template includes _comments.html
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from markupsafe import Markup

from ..accounts.limits import hit
from ..accounts.users import can_moderate
from ..web.filters import absolute_date, iso_datetime, relative_time
from .format import clean_body, format_comment
from .render import render_items

MAX_DEPTH = 6  # replies deeper than this are shown at this indentation (still after their parent)
PAGE_PATHS = {"article": "/articles/{}", "story": "/stories/{}"}


@lru_cache(maxsize=8192)
def _dates(dt: datetime) -> tuple[str, str]:
    return iso_datetime(dt), absolute_date(dt)


def comment_time(dt: datetime) -> Markup:
    """``time_tag()`` with the fixed parts remembered: a 200-comment page formats 200 dates."""
    iso, absolute = _dates(dt)
    return Markup(f'<time datetime="{iso}" title="{absolute}">{relative_time(dt)}</time>')


def page_url(kind: str, target_id: int, comment_id: int | None = None) -> str:
    url = PAGE_PATHS[kind].format(target_id)
    return f"{url}#comment-{comment_id}" if comment_id else f"{url}#comments"


def load_section(ctx, kind: str, target_id: int, user: dict | None, reply_to: int | None = None,
                 visible_count: int | None = None) -> dict:
    """``reply_to``: the id of a comment being answered (``?reply=ID`` on the page): the form at the bottom then
    posts a reply to it. ``visible_count``: the thread's ``comment_count`` when the caller has it; with none
    visible, a reader who does not moderate sees nothing of the thread, so it is not read."""
    moderator = can_moderate(user)
    rows = [] if visible_count == 0 and not moderator else ctx.store.comments.thread(kind, target_id)
    children: dict[int | None, list[dict]] = {}
    removed: dict[int, bool] = {}
    for row in rows:
        children.setdefault(row["parent_id"], []).append(row)
        removed[row["id"]] = row["deleted_at"] is not None or (row["hidden"] and not moderator)
    # A removed comment keeps its place (as a placeholder) only when a reply under it is shown. Replies always
    # have larger ids than their parents, so one pass from the newest settles every subtree.
    keep = {cid: not gone for cid, gone in removed.items()}
    for row in reversed(rows):
        if keep[row["id"]] and row["parent_id"] in keep:
            keep[row["parent_id"]] = True
    shown: list[dict] = []
    stack = [(row, 0) for row in reversed(children.get(None, ()))]
    while stack:  # depth first, in order: no recursion, however deep a thread goes
        row, depth = stack.pop()
        if not keep[row["id"]]:
            continue
        gone = removed[row["id"]]
        shown.append({**row, "depth": min(depth, MAX_DEPTH), "removed": gone, "when": comment_time(row["created_at"]),
                      "html": None if gone else format_comment(row["body"]),
                      "mine": user is not None and row["user_id"] == user["id"]})
        stack.extend((child, depth + 1) for child in reversed(children.get(row["id"], ())))
    visible = sum(1 for r in rows if r["deleted_at"] is None and not r["hidden"])
    replying = next((r for r in shown if r["id"] == reply_to and not r["removed"]), None) if user else None
    section = {"kind": kind, "target_id": target_id, "items": shown, "count": visible, "moderator": moderator,
               "reply_to": replying, "max_chars": ctx.settings.comment_max_chars,
               "page_url": PAGE_PATHS[kind].format(target_id)}
    section["render"] = lambda: render_items(section, user)
    return section


def reply_target(request) -> int | None:
    """The comment id in ``?reply=ID`` (None when absent or not a number)."""
    value = request.query_params.get("reply", "")
    return int(value) if value.isdigit() and len(value) < 18 else None


def post_comment(ctx, user: dict, kind: str, target_id: int, body: str, parent_id: int | None = None) -> dict:
    """Check the text and the user's rate limit, then store the comment (raises InvalidInput, RateLimited,
    NotFound)."""
    text = clean_body(body, ctx.settings.comment_max_chars)
    hit(ctx.store, ctx.settings.comment_rate_limit, "BROADSHEET_COMMENT_RATE_LIMIT", "comments",
        f"comment:user:{user['id']}")
    return ctx.store.comments.create(user["id"], kind, target_id, text, parent_id)


def edit_comment(ctx, user: dict, comment_id: int, body: str) -> dict:
    return ctx.store.comments.edit(comment_id, user["id"], clean_body(body, ctx.settings.comment_max_chars))
