"""API keys per user (Miniflux's X-Auth-Token, Google Reader's ClientLogin ``auth`` tokens): the store keeps hashes."""
from __future__ import annotations

from sqlalchemy import bindparam, select

from ..errors import NotFound
from .clock import utcnow
from .database import Database, Prepared
from .schema_readers import api_keys, users
from .tokens import new_token, token_hash

LOOKUP = Prepared(select(api_keys.c.id.label("api_key_id"), api_keys.c.kind.label("api_key_kind"), users)
                  .join(users, users.c.id == api_keys.c.user_id)
                  .where(api_keys.c.token_hash == bindparam("hash")))


class ApiKeyRepo:
    def __init__(self, db: Database):
        self.db = db

    def create(self, user_id: int, name: str, kind: str = "api") -> str:
        """A new key; the only time its text is known: show it to the user once."""
        token = new_token()
        with self.db.write() as conn:
            conn.execute(api_keys.insert().values(user_id=user_id, name=name, kind=kind, token_hash=token_hash(token),
                                                  created_at=utcnow()))
        return token

    def lookup(self, token: str, kind: str | None = None) -> dict | None:
        """The key's user row (plus ``api_key_id``, ``api_key_kind``), or None (unknown, other kind, user disabled)."""
        row = self.db.first(LOOKUP, hash=token_hash(token))
        if row is None or row["disabled"] or (kind is not None and row["api_key_kind"] != kind):
            return None
        return row

    def touch(self, key_id: int) -> None:
        """Record that the key was just used (shown on the keys page)."""
        with self.db.write() as conn:
            conn.execute(api_keys.update().where(api_keys.c.id == key_id).values(last_used_at=utcnow()))

    def list(self, user_id: int) -> list[dict]:
        q = (select(api_keys.c.id, api_keys.c.name, api_keys.c.kind, api_keys.c.created_at, api_keys.c.last_used_at)
             .where(api_keys.c.user_id == user_id).order_by(api_keys.c.id))
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def delete(self, user_id: int, key_id: int) -> None:
        """Only the owner's key: another user's id is simply not found."""
        with self.db.write() as conn:
            gone = conn.execute(api_keys.delete().where(api_keys.c.id == key_id, api_keys.c.user_id == user_id)).rowcount
        if not gone:
            raise NotFound(f"No API key with id {key_id}", code="api_key_not_found")
