"""Read and starred state: ``edit-tag`` (``i=`` items, ``a=`` / ``r=`` states to add / remove) and
``mark-all-as-read`` (``s=`` stream, ``ts=`` only items published up to this time, in microseconds).

Items the caller does not follow are left alone; a malformed item id or stream refuses the whole request (400)
before anything changes. Per-item labels are not kept here: adding or removing one is accepted and ignored.
"""
from __future__ import annotations

from ...errors import InvalidInput
from ..miniflux.entries import forget_totals
from . import ids
from .common import endpoint
from .streams import _scope

MAX_ITEMS = 1000
KEPT_UNREAD = "kept-unread"


def _states(values: list[str]) -> set[str]:
    """The state names (read, starred, kept-unread...) among these tags; labels are skipped."""
    out = set()
    for raw in values:
        state = ids.STATE_RE.fullmatch(raw.strip())
        if state:
            out.add(state.group(1))
        elif not ids.LABEL_RE.fullmatch(raw.strip()):
            raise InvalidInput(f"Not a state or label: {raw[:80]!r}")
    return out


@endpoint(writes=True)
def edit_tag(request, ctx, user, params):
    items = params.all("i")
    if not items:
        raise InvalidInput("No items (i=) given.")
    if len(items) > MAX_ITEMS:
        raise InvalidInput(f"At most {MAX_ITEMS} items at a time.", status=413)
    wanted = [ids.parse_item_id(i) for i in items]
    add, remove = _states(params.all("a")), _states(params.all("r"))
    if not params.all("a") and not params.all("r"):
        raise InvalidInput("Nothing to do: give a= or r=.")
    read = True if "read" in add else False if ("read" in remove or KEPT_UNREAD in add) else None
    starred = True if "starred" in add else False if "starred" in remove else None
    if read is not None or starred is not None:
        visible = ctx.store.sync_entries.visible(user["id"], wanted)
        ctx.store.states.mark(user["id"], visible, read=read, saved=starred)
        forget_totals(user["id"])
    return "OK"


@endpoint(writes=True)
def mark_all_as_read(request, ctx, user, params):
    stream = ids.parse_stream(params.get("s"))
    if stream.kind in ("starred", "read"):
        raise InvalidInput("mark-all-as-read takes a feed, a label or the reading list.")
    scope = _scope(ctx, user["id"], stream)
    if "category_id" in scope:
        source_ids = [s["source_id"] for s in ctx.store.subscriptions.list(user["id"], scope["category_id"])]
    else:
        source_ids = [scope["source_id"]] if "source_id" in scope else None
    ts = params.get("ts")
    if ts and not (ts.isdigit() and len(ts) <= 16):
        raise InvalidInput("Invalid ts: microseconds since 1970.")
    before = ids.from_usec(int(ts)) if ts else None
    ctx.store.states.mark_all_read(user["id"], source_ids, before)
    forget_totals(user["id"])
    return "OK"
