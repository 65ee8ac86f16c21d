"""Miniflux entries: ``GET /v1/entries``, ``/v1/feeds/{id}/entries``, ``/v1/categories/{id}/entries``,
``/v1/entries/{id}``; ``PUT /v1/entries`` (read state) and ``PUT /v1/entries/{id}/bookmark`` (star toggle).

A page is one query (store/sync_entries_repo.py). ``total`` is a COUNT over the same filters, which on a large
store costs more than the page itself: it is remembered for ``TOTAL_TTL`` seconds per user and filter, and
forgotten at once when that user changes a mark.
"""
from __future__ import annotations

import time
from datetime import datetime, timezone

import orjson

from ...errors import InvalidInput, NotFound
from . import shapes
from .common import bool_param, endpoint, int_param

MAX_LIMIT = 1000
MAX_IDS = 1000
TOTAL_TTL = 10.0
ORDERS = {"id": "id", "published_at": "published", "status": "published", "category_title": "published",
          "category_id": "published", "created_at": "published", "changed_at": "published"}
_totals: dict[tuple, tuple[float, int]] = {}


def _time_param(request, name: str) -> datetime | None:
    seconds = int_param(request, name, None, 0, 2**40)
    return None if seconds is None else datetime.fromtimestamp(seconds, timezone.utc).replace(tzinfo=None)


def _filters(request) -> dict:
    statuses = set(request.query_params.getlist("status")) - {""}
    if statuses - {"read", "unread", "removed"}:
        raise InvalidInput("Invalid status: use read, unread or removed.")
    read = None if len(statuses & {"read", "unread"}) != 1 else "read" in statuses
    return {"read": read, "starred": bool_param(request, "starred") or None,
            "published_from": _time_param(request, "published_after") or _time_param(request, "after"),
            "published_to": _time_param(request, "published_before") or _time_param(request, "before"),
            "after_id": int_param(request, "after_entry_id"), "before_id": int_param(request, "before_entry_id"),
            "only_removed": statuses == {"removed"}}


def _total(ctx, user_id: int, filters: dict) -> int:
    key = (user_id, *sorted(filters.items()))
    now = time.monotonic()
    hit = _totals.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    n = ctx.store.sync_entries.count(user_id, **filters)
    if len(_totals) > 10_000:
        _totals.clear()
    _totals[key] = (now + TOTAL_TTL, n)
    return n


def forget_totals(user_id: int) -> None:
    for key in [k for k in _totals if k[0] == user_id]:
        _totals.pop(key, None)


def _default_category(ctx, user_id: int, rows: list[dict]) -> dict | None:
    if all(r["category_id"] is not None for r in rows):
        return None
    return shapes.category(ctx.store.subscriptions.ensure_category(user_id), user_id)


def _listing(request, ctx, user, **scope) -> dict:
    filters = _filters(request)
    if filters.pop("only_removed"):  # nothing is ever removed here
        return {"total": 0, "entries": []}
    order = request.query_params.get("order") or "published_at"
    direction = request.query_params.get("direction") or "desc"
    if order not in ORDERS or direction not in ("asc", "desc"):
        raise InvalidInput("Invalid order or direction (direction is asc or desc).")
    limit = int_param(request, "limit", 100, 1, MAX_LIMIT)
    offset = int_param(request, "offset", 0, 0, 10_000_000)
    filters.update(scope)
    rows = ctx.store.sync_entries.page(user["id"], order=ORDERS[order], descending=direction == "desc",
                                       limit=limit, offset=offset, **filters)
    total = offset + len(rows) if len(rows) < limit and (rows or not offset) else _total(ctx, user["id"], filters)
    cat = _default_category(ctx, user["id"], rows)
    feeds: dict = {}
    return {"total": total, "entries": [shapes.entry(r, user["id"], cat, feeds) for r in rows]}


@endpoint
def entries(request, ctx, user):
    category_id = int_param(request, "category_id", None, 1)
    if category_id is not None:
        ctx.store.subscriptions.category(user["id"], category_id)
    return _listing(request, ctx, user, category_id=category_id)


@endpoint
def feed_entries(request, ctx, user):
    source_id = request.path_params["feed_id"]
    ctx.store.subscriptions.get(user["id"], source_id)  # 404 for a feed the user does not follow
    return _listing(request, ctx, user, source_id=source_id)


@endpoint
def category_entries(request, ctx, user):
    category_id = request.path_params["category_id"]
    ctx.store.subscriptions.category(user["id"], category_id)
    return _listing(request, ctx, user, category_id=category_id)


def _one(ctx, user, entry_id: int) -> dict:
    rows = ctx.store.sync_entries.by_ids(user["id"], [entry_id])
    if not rows:
        raise NotFound("Entry not found")
    return rows[0]


@endpoint
def entry(request, ctx, user):
    row = _one(ctx, user, request.path_params["entry_id"])
    return shapes.entry(row, user["id"], _default_category(ctx, user["id"], [row]))


@endpoint
def update_entries(request, ctx, user):
    """``{"entry_ids": [...], "status": "read" | "unread"}``; ids the user cannot see are left alone."""
    try:
        body = orjson.loads(request.state.body)
    except orjson.JSONDecodeError:
        raise InvalidInput("The request body is not valid JSON.") from None
    ids = body.get("entry_ids") if isinstance(body, dict) else None
    status = body.get("status") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not ids or not all(type(i) is int and 0 < i < 2**62 for i in ids):
        raise InvalidInput("entry_ids must be a non-empty list of entry ids.")
    if len(ids) > MAX_IDS:
        raise InvalidInput(f"At most {MAX_IDS} entry ids at a time.", status=413)
    if status not in ("read", "unread"):
        raise InvalidInput("status must be read or unread.")
    visible = ctx.store.sync_entries.visible(user["id"], ids)
    ctx.store.states.mark(user["id"], visible, read=status == "read")
    forget_totals(user["id"])
    return None


@endpoint
def toggle_bookmark(request, ctx, user):
    row = _one(ctx, user, request.path_params["entry_id"])
    ctx.store.states.mark(user["id"], [row["id"]], saved=not row["starred"])
    forget_totals(user["id"])
    return None
