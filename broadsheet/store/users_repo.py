"""Users: create, find (names are unique without regard to case), roles, passwords (already hashed), settings."""
from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError

from ..errors import Conflict, NotFound
from .clock import utcnow
from .database import Database, Prepared
from .schema_readers import users
from .tokens import new_token

GET = Prepared(select(users).where(users.c.id == bindparam("id")))
BY_KEY = Prepared(select(users).where(users.c.username_key == bindparam("key")))


class UserRepo:
    def __init__(self, db: Database):
        self.db = db

    def add(self, username: str, password_hash: str, role: str = "reader") -> dict:
        try:
            with self.db.write() as conn:
                new_id = conn.execute(users.insert().values(
                    username=username, username_key=username.lower(), password_hash=password_hash, role=role,
                    feed_token=new_token(24), disabled=False, created_at=utcnow())).inserted_primary_key[0]
        except IntegrityError as e:
            raise Conflict(f"The name {username!r} is taken", code="username_taken") from e
        return self.get(new_id)

    def get(self, user_id: int) -> dict:
        row = self.db.first(GET, id=user_id)
        if row is None:
            raise NotFound(f"No user with id {user_id}", code="user_not_found")
        return row

    def by_username(self, username: str) -> dict | None:
        return self.db.first(BY_KEY, key=username.lower())

    def by_feed_token(self, token: str) -> dict | None:
        with self.db.read() as conn:
            row = conn.execute(select(users).where(users.c.feed_token == token)).mappings().first()
        return dict(row) if row else None

    def list(self, limit: int = 100, offset: int = 0) -> list[dict]:
        with self.db.read() as conn:
            q = select(users).order_by(users.c.username_key).limit(limit).offset(offset)
            return [dict(r) for r in conn.execute(q).mappings()]

    def count(self, role: str | None = None) -> int:
        q = select(func.count()).select_from(users)
        if role is not None:
            q = q.where(users.c.role == role)
        with self.db.read() as conn:
            return conn.execute(q).scalar_one()

    def update(self, user_id: int, **values) -> dict:
        """Change ``password_hash``, ``role``, ``muted_keywords``, ``disabled``, ``last_login_at``, ``feed_token``."""
        allowed = {"password_hash", "role", "muted_keywords", "disabled", "last_login_at", "feed_token"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"not user fields: {sorted(unknown)}")
        with self.db.write() as conn:
            found = conn.execute(users.update().where(users.c.id == user_id).values(**values)).rowcount
        if not found:
            raise NotFound(f"No user with id {user_id}", code="user_not_found")
        return self.get(user_id)
