"""Reading streams: ``stream/contents/{streamId}``, ``stream/items/ids``, ``stream/items/contents`` and the Atom
form ``/reader/atom/{streamId}``.

Filters as in Google Reader: ``n`` (page size), ``r=o`` (oldest first), ``c`` (continuation), ``xt`` (exclude a
state, e.g. read: unread only), ``it`` (include only a state, e.g. starred), ``ot`` / ``nt`` (published at or
after / at or before, in seconds). Each page is one query (store/sync_entries_repo.py), keyset-paged.
"""
from __future__ import annotations

from starlette.responses import Response

from ...errors import InvalidInput, NotFound
from . import ids, shapes
from .common import endpoint

MAX_ITEMS = 1000
MAX_IDS = 10_000


def _scope(ctx, user_id: int, stream: ids.Stream) -> dict:
    """The stream as entry filters; another user's feed or label is not found."""
    if stream.kind == "starred":
        return {"starred": True}
    if stream.kind == "read":
        return {"read": True}
    if stream.kind == "feed":
        if isinstance(stream.value, int):
            return {"source_id": ctx.store.subscriptions.get(user_id, stream.value)["source_id"]}
        source = ctx.store.sources.find_by_url(stream.value)
        if source is None:
            raise NotFound(f"You do not follow feed/{stream.value[:200]}")
        return {"source_id": ctx.store.subscriptions.get(user_id, source["id"])["source_id"]}
    if stream.kind == "label":
        for c in ctx.store.subscriptions.categories(user_id):
            if c["title"] == stream.value:
                return {"category_id": c["id"]}
        raise NotFound(f"No label {stream.value[:200]!r}")
    return {}


def _state_filters(params, filters: dict) -> dict:
    for name, value in (("xt", False), ("it", True)):
        for target in params.all(name):
            state = ids.parse_stream(target)
            if state.kind == "read":
                filters["read"] = value
            elif state.kind == "starred":
                filters["starred"] = value
            elif state.kind != "all":
                raise InvalidInput(f"Unsupported {name}={target[:80]!r}: use a state such as {ids.READ}.")
    return filters


def page(ctx, user: dict, params, stream_id: str | None, max_n: int = MAX_ITEMS, ids_only: bool = False):
    """(rows of the page, continuation token or None)."""
    filters = _state_filters(params, _scope(ctx, user["id"], ids.parse_stream(stream_id)))
    n = params.int("n", 20, 1, max_n)
    order = params.get("r", "n")
    if order not in ("o", "n", "d", ""):
        raise InvalidInput("Invalid r: use o (oldest first) or n (newest first).")
    rows = ctx.store.sync_entries.page(
        user["id"], descending=order != "o", cursor=ids.parse_continuation(params.get("c")), limit=n + 1,
        published_from=ids.from_seconds(params.get("ot"), "ot"), published_to=ids.from_seconds(params.get("nt"), "nt"),
        ids_only=ids_only, **filters)
    more = len(rows) > n
    rows = rows[:n]
    return rows, ids.continuation(rows[-1]["published_at"], rows[-1]["id"]) if more else None


def _stream_id(request, params) -> str:
    return request.path_params.get("stream_id") or params.get("s") or ids.READING_LIST


@endpoint
def contents(request, ctx, user, params):
    stream_id = _stream_id(request, params)
    rows, token = page(ctx, user, params, stream_id)
    return shapes.stream(stream_id, shapes.items(rows), token)


@endpoint
def item_ids(request, ctx, user, params):
    rows, token = page(ctx, user, params, params.get("s") or ids.READING_LIST, MAX_IDS, ids_only=True)
    out = {"itemRefs": [shapes.item_ref(r) for r in rows]}
    if token:
        out["continuation"] = token
    return out


@endpoint
def item_contents(request, ctx, user, params):
    wanted = [ids.parse_item_id(i) for i in params.all("i")]
    if len(wanted) > MAX_ITEMS:
        raise InvalidInput(f"At most {MAX_ITEMS} items at a time.", status=413)
    rows = ctx.store.sync_entries.by_ids(user["id"], wanted)
    return shapes.stream(ids.READING_LIST, shapes.items(rows), None)


@endpoint
def atom(request, ctx, user, params):
    stream_id = _stream_id(request, params)
    rows, token = page(ctx, user, params, stream_id)
    title = rows[0]["feed_title"] if rows and stream_id.startswith("feed/") else stream_id
    return Response(shapes.atom(stream_id, title, rows, token), media_type="application/atom+xml")
