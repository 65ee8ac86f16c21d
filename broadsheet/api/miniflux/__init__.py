"""A Miniflux-compatible REST subset at ``/v1`` so existing Miniflux apps read Broadsheet (see docs/SYNC_APIS.md).

Plain Starlette routes (no FastAPI validation or dependency injection): Miniflux's error shape is not ours, and
``/v1/entries`` is a hot path.
"""
from __future__ import annotations

from starlette.routing import Route

from . import entries, feeds
from .common import error_response

PREFIX = "/v1"
ROUTES = [
    Route(f"{PREFIX}/entries", entries.entries, methods=["GET"]),
    Route(f"{PREFIX}/entries", entries.update_entries, methods=["PUT"]),
    Route(f"{PREFIX}/entries/{{entry_id:int}}", entries.entry, methods=["GET"]),
    Route(f"{PREFIX}/entries/{{entry_id:int}}/bookmark", entries.toggle_bookmark, methods=["PUT"]),
    Route(f"{PREFIX}/me", feeds.me, methods=["GET"]),
    Route(f"{PREFIX}/categories", feeds.categories, methods=["GET"]),
    Route(f"{PREFIX}/categories/{{category_id:int}}/feeds", feeds.category_feeds, methods=["GET"]),
    Route(f"{PREFIX}/categories/{{category_id:int}}/entries", entries.category_entries, methods=["GET"]),
    Route(f"{PREFIX}/feeds", feeds.feeds, methods=["GET"]),
    Route(f"{PREFIX}/feeds/counters", feeds.counters, methods=["GET"]),
    Route(f"{PREFIX}/feeds/{{feed_id:int}}", feeds.feed, methods=["GET"]),
    Route(f"{PREFIX}/feeds/{{feed_id:int}}/entries", entries.feed_entries, methods=["GET"]),
]


async def _not_found(request):
    return error_response(404, f"Nothing at {request.url.path[:200]} in this Miniflux API subset.")


ROUTES.append(Route(f"{PREFIX}/{{rest:path}}", _not_found, methods=["GET", "POST", "PUT", "DELETE"]))
