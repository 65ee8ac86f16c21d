"""Feeds out: ``/feeds/home.rss|atom|json`` and the same for ``sources/{id}``, ``topics/{slug}``, ``entities/{id}``,
``stories/{id}``, and ``saved/{token}`` (a user's saved articles behind their private feed token; a wrong token is
simply not found). Absolute links are built from the request's base URL; an ETag lets feed readers poll cheaply
(``If-None-Match`` → 304)."""
from __future__ import annotations

import hashlib

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...errors import NotFound
from ...reading import feed_items
from ...reading.feed_writer import FORMATS, WRITERS
from ..deps import Ctx

router = APIRouter(prefix="/feeds", include_in_schema=False)


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _respond(request: Request, fmt: str, feed_path: str, found, private: bool = False) -> Response:
    if fmt not in WRITERS:
        raise NotFound(f"No feed format {fmt[:20]!r}: use .rss, .atom or .json", code="feed_not_found")
    title, page_path, rows = found
    body = WRITERS[fmt](feed_items.build(base_url(request), feed_path, title, page_path, rows))
    etag = '"%s"' % hashlib.sha256(body).hexdigest()[:32]
    cache = "private, no-cache" if private else "public, max-age=300"
    headers = {"Cache-Control": cache, "ETag": etag, "X-Content-Type-Options": "nosniff"}
    if private:
        headers["X-Robots-Tag"] = "noindex"
        headers["Referrer-Policy"] = "no-referrer"
    if etag in request.headers.get("if-none-match", ""):  # a feed reader polling: nothing new
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=FORMATS[fmt] + "; charset=utf-8", headers=headers)


@router.get("/home.{fmt}")
def home_feed(request: Request, ctx: Ctx, fmt: str):
    return _respond(request, fmt, "/feeds/home", feed_items.home(ctx.store))


@router.get("/sources/{source_id:int}.{fmt}")
def source_feed(request: Request, ctx: Ctx, source_id: int, fmt: str):
    return _respond(request, fmt, f"/feeds/sources/{source_id}", feed_items.source(ctx.store, source_id))


@router.get("/topics/{slug}.{fmt}")
def topic_feed(request: Request, ctx: Ctx, slug: str, fmt: str):
    return _respond(request, fmt, f"/feeds/topics/{slug}", feed_items.topic(ctx.store, slug))


@router.get("/entities/{entity_id:int}.{fmt}")
def entity_feed(request: Request, ctx: Ctx, entity_id: int, fmt: str):
    return _respond(request, fmt, f"/feeds/entities/{entity_id}", feed_items.entity(ctx.store, entity_id))


@router.get("/stories/{story_id:int}.{fmt}")
def story_feed(request: Request, ctx: Ctx, story_id: int, fmt: str):
    return _respond(request, fmt, f"/feeds/stories/{story_id}", feed_items.story(ctx.store, story_id))


@router.get("/saved/{token}.{fmt}")
def saved_feed(request: Request, ctx: Ctx, token: str, fmt: str):
    return _respond(request, fmt, f"/feeds/saved/{token}", feed_items.saved(ctx.store, token), private=True)
