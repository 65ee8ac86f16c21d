"""``POST /follow`` and ``POST /unfollow``: the signed-in user follows a source (a subscription), a topic (its slug)
or an entity (its id). CSRF-checked; without JavaScript the browser goes back to the page it came from."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from ...errors import InvalidInput, NotFound
from ...reading.feed_items import TOPIC_SLUGS
from ...store.schema import entities
from ..auth import check_csrf, require_user
from ..deps import Ctx
from ..reader_state import safe_back

router = APIRouter(include_in_schema=False)
Field = Annotated[str, Form(max_length=2048)]


def _checked_target(ctx, kind: str, key: str) -> str:
    """The key as stored, once the thing to follow is known to exist (404 otherwise)."""
    key = key.strip()
    if kind == "source":
        if not key.isdigit():
            raise InvalidInput("A source is followed by its id", code="invalid_follow_key")
        ctx.store.sources.get(int(key))
    elif kind == "topic":
        key = key.lower()
        if key not in TOPIC_SLUGS:
            raise NotFound(f"No topic {key[:40]!r}", code="topic_not_found")
    elif kind == "entity":
        with ctx.store.db.read() as conn:
            found = key.isdigit() and conn.execute(select(entities.c.id).where(entities.c.id == int(key))).first()
        if not found:
            raise NotFound(f"No entity with id {key[:20]!r}", code="entity_not_found")
    else:
        raise InvalidInput("One can follow a source, a topic or an entity", code="invalid_follow_kind")
    return key


def _change(request: Request, ctx, follow: bool, kind: str, key: str, back: str, csrf_token: str):
    user = require_user(request)
    check_csrf(request, csrf_token)
    key = _checked_target(ctx, kind, key)
    uid = user["id"]
    if kind == "source":
        if follow:
            ctx.store.subscriptions.subscribe(uid, int(key))
        else:
            ctx.store.subscriptions.unsubscribe(uid, int(key))
    elif follow:
        ctx.store.follows.follow(uid, kind, key)
    else:
        ctx.store.follows.unfollow(uid, kind, key)
    return RedirectResponse(safe_back(back), status_code=303)


@router.post("/follow")
def follow(request: Request, ctx: Ctx, kind: Field = "", key: Field = "", back: Field = "/",
           csrf_token: Field = ""):
    return _change(request, ctx, True, kind, key, back, csrf_token)


@router.post("/unfollow")
def unfollow(request: Request, ctx: Ctx, kind: Field = "", key: Field = "", back: Field = "/",
             csrf_token: Field = ""):
    return _change(request, ctx, False, kind, key, back, csrf_token)
