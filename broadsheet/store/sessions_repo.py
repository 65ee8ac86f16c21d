"""Signed-in sessions: the cookie carries a random token, the store keeps its hash, the user and a CSRF token."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam, select

from .clock import utcnow
from .database import Database, Prepared
from .schema_readers import user_sessions, users
from .tokens import new_token, token_hash

LOOKUP = Prepared(
    select(user_sessions.c.id.label("session_id"), user_sessions.c.csrf_token, user_sessions.c.expires_at,
           user_sessions.c.last_seen_at, users)
    .join(users, users.c.id == user_sessions.c.user_id)
    .where(user_sessions.c.id == bindparam("id")))
TOUCH_EVERY = timedelta(minutes=5)


class SessionRepo:
    def __init__(self, db: Database):
        self.db = db

    def create(self, user_id: int, lifetime: timedelta) -> tuple[str, str]:
        """A new session for the user: (the cookie's token, the session's CSRF token)."""
        token, csrf, now = new_token(), new_token(), utcnow()
        with self.db.write() as conn:
            conn.execute(user_sessions.insert().values(id=token_hash(token), user_id=user_id, csrf_token=csrf,
                                                       created_at=now, expires_at=now + lifetime, last_seen_at=now))
        return token, csrf

    def lookup(self, token: str, lifetime: timedelta) -> dict | None:
        """The user row plus ``session_id`` and ``csrf_token``; None when unknown, expired or the user is disabled.
        A session in use is extended (sliding expiry), written at most every few minutes."""
        row = self.db.first(LOOKUP, id=token_hash(token))
        now = utcnow()
        if row is None or row["expires_at"] <= now or row["disabled"]:
            return None
        if now - row["last_seen_at"] >= TOUCH_EVERY:
            with self.db.write() as conn:
                conn.execute(user_sessions.update().where(user_sessions.c.id == row["session_id"])
                             .values(last_seen_at=now, expires_at=now + lifetime))
        return row

    def delete(self, token: str) -> None:
        with self.db.write() as conn:
            conn.execute(user_sessions.delete().where(user_sessions.c.id == token_hash(token)))

    def delete_for_user(self, user_id: int, keep_token: str | None = None) -> None:
        """Sign the user out everywhere (after a password change), except the session ``keep_token``."""
        q = user_sessions.delete().where(user_sessions.c.user_id == user_id)
        if keep_token is not None:
            q = q.where(user_sessions.c.id != token_hash(keep_token))
        with self.db.write() as conn:
            conn.execute(q)
