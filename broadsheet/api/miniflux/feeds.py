"""Miniflux's user, categories and feeds: ``/v1/me``, ``/v1/categories``, ``/v1/feeds``, ``/v1/feeds/{id}``,
``/v1/feeds/counters``. All are the caller's own: another user's feed or category id is not found (404)."""
from __future__ import annotations

from . import shapes
from .common import bool_param, endpoint


@endpoint
def me(request, ctx, user):
    return shapes.user(user)


def _categories(ctx, user_id: int) -> tuple[dict, list[dict]]:
    """The default category (made on first use, as Miniflux has one) and all of the user's categories."""
    default = ctx.store.subscriptions.ensure_category(user_id)
    return shapes.category(default, user_id), [shapes.category(c, user_id)
                                               for c in ctx.store.subscriptions.categories(user_id)]


@endpoint
def categories(request, ctx, user):
    default, cats = _categories(ctx, user["id"])
    if bool_param(request, "counts"):
        subs = ctx.store.subscriptions.list(user["id"])
        unread = ctx.store.states.unread_counts(user["id"])
        for c in cats:
            mine = [s for s in subs if (s["category_id"] or default["id"]) == c["id"]]
            c.update(feed_count=len(mine), total_unread=sum(unread.get(s["source_id"], 0) for s in mine))
    return cats


def _feeds(ctx, user_id: int, subs: list[dict]) -> list[dict]:
    default, cats = _categories(ctx, user_id)
    by_id = {c["id"]: c for c in cats}
    return [shapes.subscription_feed(s, by_id.get(s["category_id"], default)) for s in subs]


@endpoint
def feeds(request, ctx, user):
    return _feeds(ctx, user["id"], ctx.store.subscriptions.list(user["id"]))


@endpoint
def feed(request, ctx, user):
    return _feeds(ctx, user["id"], [ctx.store.subscriptions.get(user["id"], request.path_params["feed_id"])])[0]


@endpoint
def category_feeds(request, ctx, user):
    category_id = request.path_params["category_id"]
    ctx.store.subscriptions.category(user["id"], category_id)
    return _feeds(ctx, user["id"], ctx.store.subscriptions.list(user["id"], category_id))


@endpoint
def counters(request, ctx, user):
    unread = {k: n for k, (n, _) in ctx.store.sync_entries.unread_summary(user["id"]).items()}
    reads = ctx.store.sync_entries.read_counts(user["id"])
    return {"reads": {str(k): v for k, v in reads.items()}, "unreads": {str(k): v for k, v in unread.items()}}
