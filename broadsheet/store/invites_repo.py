"""Invite codes (table ``invites``): an admin makes one, a new user spends it once when ``BROADSHEET_SIGNUP=invite``."""
from __future__ import annotations

from sqlalchemy import select

from ..errors import InvalidInput
from .clock import utcnow
from .database import Database
from .schema_readers import invites, users
from .tokens import new_token


class InviteInvalid(InvalidInput):
    code, status = "invalid_invite", 403


class InviteRepo:
    def __init__(self, db: Database):
        self.db = db

    def create(self, created_by: int | None) -> str:
        code = new_token(12)
        with self.db.write() as conn:
            conn.execute(invites.insert().values(code=code, created_by=created_by, created_at=utcnow()))
        return code

    def list(self, limit: int = 200) -> list[dict]:
        """Newest first, with the name of whoever used each."""
        q = (select(invites, users.c.username.label("used_by_name"))
             .outerjoin(users, users.c.id == invites.c.used_by)
             .order_by(invites.c.created_at.desc(), invites.c.code).limit(limit))
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def claim(self, code: str) -> None:
        """Mark an unused code as being spent (raises InviteInvalid when unknown or already used)."""
        with self.db.write() as conn:
            done = conn.execute(invites.update().where(invites.c.code == code[:64], invites.c.used_at.is_(None))
                                .values(used_at=utcnow())).rowcount
        if not done:
            raise InviteInvalid("This invite code is not valid or has already been used.")

    def release(self, code: str) -> None:
        """Undo ``claim`` when the sign-up failed after it (e.g. the name was taken)."""
        with self.db.write() as conn:
            conn.execute(invites.update().where(invites.c.code == code, invites.c.used_by.is_(None))
                         .values(used_at=None))

    def spent_by(self, code: str, user_id: int) -> None:
        with self.db.write() as conn:
            conn.execute(invites.update().where(invites.c.code == code).values(used_by=user_id))
