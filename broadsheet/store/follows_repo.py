"""What a user follows besides sources (those are subscriptions): topics and entities, one row each.

A topic's key is its slug (the lower-cased category, e.g. ``technology``); an entity's key is its id as text.
Every read and change is scoped to one user: another user's follows are simply not there.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..errors import InvalidInput, NotFound
from .clock import utcnow
from .database import Database
from .schema_readers import follows

KINDS = ("topic", "entity")


def _checked(kind: str, key: str) -> tuple[str, str]:
    key = (key or "").strip()
    if kind not in KINDS:
        raise InvalidInput(f"One can follow a topic or an entity, not {kind[:40]!r}", code="invalid_follow_kind")
    if not key or len(key) > 200:
        raise InvalidInput("What to follow is missing or too long", code="invalid_follow_key")
    return kind, key


class FollowRepo:
    def __init__(self, db: Database):
        self.db = db

    def follow(self, user_id: int, kind: str, key: str) -> None:
        """Idempotent: following again changes nothing."""
        kind, key = _checked(kind, key)
        try:
            with self.db.write() as conn:
                conn.execute(follows.insert().values(user_id=user_id, kind=kind, key=key, created_at=utcnow()))
        except IntegrityError:
            pass  # already followed

    def unfollow(self, user_id: int, kind: str, key: str) -> None:
        kind, key = _checked(kind, key)
        with self.db.write() as conn:
            gone = conn.execute(follows.delete().where(follows.c.user_id == user_id, follows.c.kind == kind,
                                                       follows.c.key == key)).rowcount
        if not gone:
            raise NotFound(f"You do not follow this {kind}", code="follow_not_found")

    def is_following(self, user_id: int, kind: str, key: str) -> bool:
        return key in self.keys(user_id, kind)

    def keys(self, user_id: int, kind: str) -> set[str]:
        q = select(follows.c.key).where(follows.c.user_id == user_id, follows.c.kind == kind)
        with self.db.read() as conn:
            return set(conn.execute(q).scalars())

    def list(self, user_id: int) -> list[dict]:
        q = (select(follows.c.kind, follows.c.key, follows.c.created_at).where(follows.c.user_id == user_id)
             .order_by(follows.c.kind, follows.c.key))
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]
