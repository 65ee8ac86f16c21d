"""The caller's feeds and folders: ``subscription/list``, ``subscription/edit`` (subscribe, unsubscribe, rename,
move between labels), ``subscription/quickadd``, ``tag/list`` and ``unread-count``.

A feed's stream id is ``feed/<source id>``; a label is one of the user's categories. Subscribing to a URL that
no one follows yet adds it as a source (fetched once, as when added on the sources page).
"""
from __future__ import annotations

from ...errors import Conflict, InvalidInput
from . import ids, shapes
from .common import endpoint
from .streams import _scope

MAX_FEEDS = 100


@endpoint
def subscription_list(request, ctx, user, params):
    return {"subscriptions": [shapes.subscription(s) for s in ctx.store.subscriptions.list(user["id"])]}


@endpoint
def tag_list(request, ctx, user, params):
    tags = [{"id": ids.STARRED}]
    tags += [{"id": shapes.label_id(c["title"]), "type": "folder"}
             for c in ctx.store.subscriptions.categories(user["id"])]
    return {"tags": tags}


@endpoint
def unread_count(request, ctx, user, params):
    per_source = ctx.store.sync_entries.unread_summary(user["id"])
    counts, labels = [], {}
    subs = {s["source_id"]: s for s in ctx.store.subscriptions.list(user["id"])}
    for source_id, (n, newest) in per_source.items():
        counts.append({"id": f"feed/{source_id}", "count": n, "newestItemTimestampUsec": str(ids.usec(newest))})
        title = subs[source_id]["category_title"] if source_id in subs else None
        if title:
            total, latest = labels.get(title, (0, newest))
            labels[title] = (total + n, max(latest, newest))
    counts += [{"id": shapes.label_id(t), "count": n, "newestItemTimestampUsec": str(ids.usec(newest))}
               for t, (n, newest) in labels.items()]
    total = sum(n for n, _ in per_source.values())
    newest = max((w for _, w in per_source.values()), default=None)
    counts.append({"id": ids.READING_LIST, "count": total, "newestItemTimestampUsec": str(ids.usec(newest))})
    return {"max": total, "unreadcounts": counts}


def _source_for(ctx, raw: str) -> dict:
    """The source a ``feed/<id or URL>`` names, added when it is a URL no one has yet."""
    stream = ids.parse_stream(raw)
    if stream.kind != "feed":
        raise InvalidInput(f"Not a feed: {raw[:80]!r}")
    if isinstance(stream.value, int):
        return ctx.store.sources.get(stream.value)
    existing = ctx.store.sources.find_by_url(stream.value)
    if existing is not None:
        return existing
    try:
        return ctx.pipeline.add(stream.value)
    except Conflict as e:  # the URL led to a feed we already have
        return ctx.store.sources.get(e.detail["id"])


def _category_id(ctx, user_id: int, tag: str | None) -> int | None:
    if not tag:
        return None
    label = ids.LABEL_RE.fullmatch(tag)
    if not label or not label.group(1).strip() or len(label.group(1)) > 200:
        raise InvalidInput(f"Not a label: {tag[:80]!r}")
    return ctx.store.subscriptions.ensure_category(user_id, label.group(1).strip())["id"]


@endpoint(writes=True)
def subscription_edit(request, ctx, user, params):
    action, streams = params.get("ac"), params.all("s")
    if action not in ("subscribe", "unsubscribe", "edit") or not streams or len(streams) > MAX_FEEDS:
        raise InvalidInput("Give ac=subscribe|unsubscribe|edit and one or more s=feed/...")
    title = (params.get("t") or "").strip()[:500] or None
    for raw in streams:  # checked first: a bad one changes nothing
        ids.parse_stream(raw)
    for raw in streams:
        if action == "subscribe":
            source = _source_for(ctx, raw)
            ctx.store.subscriptions.subscribe(user["id"], source["id"], _category_id(ctx, user["id"], params.get("a")),
                                              title)
            continue
        source_id = _scope(ctx, user["id"], ids.parse_stream(raw))["source_id"]  # 404 unless followed
        if action == "unsubscribe":
            ctx.store.subscriptions.unsubscribe(user["id"], source_id)
            continue
        changes = {"title": title} if title else {}
        if params.get("a"):
            changes["category_id"] = _category_id(ctx, user["id"], params.get("a"))
        elif params.get("r"):
            changes["category_id"] = None
        if changes:
            ctx.store.subscriptions.update(user["id"], source_id, **changes)
    return "OK"


@endpoint(writes=True)
def quickadd(request, ctx, user, params):
    url = (params.get("quickadd") or "").strip()
    if not url:
        raise InvalidInput("Give quickadd=<feed URL>.")
    feed_id = url if url.startswith("feed/") else f"feed/{url}"
    source = _source_for(ctx, feed_id)
    sub = ctx.store.subscriptions.subscribe(user["id"], source["id"])
    return {"numResults": 1, "query": url, "streamId": f"feed/{source['id']}", "streamName": sub["title"]}
