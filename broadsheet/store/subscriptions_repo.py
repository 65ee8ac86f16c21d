"""A user's own subscriptions (sources they follow) in their own categories, as the sync APIs and the web show them.

Sources are shared by everyone (one fetch per feed, however many follow it); a subscription is a user's link to a
source, with the user's category and an optional title of their own.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..errors import Conflict, NotFound
from .clock import utcnow
from .database import Database
from .schema import sources
from .schema_readers import categories, subscriptions

DEFAULT_CATEGORY = "All"

SUBSCRIPTION_COLUMNS = [
    subscriptions.c.id, subscriptions.c.user_id, subscriptions.c.source_id, subscriptions.c.category_id,
    subscriptions.c.created_at, categories.c.title.label("category_title"),
    func.coalesce(subscriptions.c.title, sources.c.title, sources.c.url).label("title"),
    sources.c.url, sources.c.site_url, sources.c.kind, sources.c.paused, sources.c.last_error,
    sources.c.error_count, sources.c.last_fetched_at, sources.c.last_success_at]


class SubscriptionRepo:
    def __init__(self, db: Database):
        self.db = db

    # categories ------------------------------------------------------------------------------------------------
    def categories(self, user_id: int) -> list[dict]:
        q = select(categories).where(categories.c.user_id == user_id).order_by(func.lower(categories.c.title))
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def category(self, user_id: int, category_id: int) -> dict:
        """Only the user's own: another user's category id is simply not found."""
        q = select(categories).where(categories.c.id == category_id, categories.c.user_id == user_id)
        with self.db.read() as conn:
            row = conn.execute(q).mappings().first()
        if row is None:
            raise NotFound(f"No category with id {category_id}", code="category_not_found")
        return dict(row)

    def add_category(self, user_id: int, title: str) -> dict:
        try:
            with self.db.write() as conn:
                new_id = conn.execute(categories.insert().values(user_id=user_id, title=title)).inserted_primary_key[0]
        except IntegrityError as e:
            raise Conflict(f"There is already a category {title!r}", code="category_exists") from e
        return self.category(user_id, new_id)

    def ensure_category(self, user_id: int, title: str = DEFAULT_CATEGORY) -> dict:
        with self.db.read() as conn:
            row = conn.execute(select(categories).where(categories.c.user_id == user_id,
                                                        categories.c.title == title)).mappings().first()
        if row is not None:
            return dict(row)
        try:
            return self.add_category(user_id, title)
        except Conflict:  # made meanwhile by another request
            return self.ensure_category(user_id, title)

    def rename_category(self, user_id: int, category_id: int, title: str) -> dict:
        self.category(user_id, category_id)
        try:
            with self.db.write() as conn:
                conn.execute(categories.update().where(categories.c.id == category_id).values(title=title))
        except IntegrityError as e:
            raise Conflict(f"There is already a category {title!r}", code="category_exists") from e
        return self.category(user_id, category_id)

    def delete_category(self, user_id: int, category_id: int) -> None:
        """Its subscriptions stay, without a category."""
        self.category(user_id, category_id)
        with self.db.write() as conn:
            conn.execute(categories.delete().where(categories.c.id == category_id))

    # subscriptions ---------------------------------------------------------------------------------------------
    def _select(self, user_id: int):
        return (select(*SUBSCRIPTION_COLUMNS).join(sources, sources.c.id == subscriptions.c.source_id)
                .outerjoin(categories, categories.c.id == subscriptions.c.category_id)
                .where(subscriptions.c.user_id == user_id))

    def list(self, user_id: int, category_id: int | None = None) -> list[dict]:
        q = self._select(user_id).order_by(func.lower(func.coalesce(subscriptions.c.title, sources.c.title,
                                                                    sources.c.url)))
        if category_id is not None:
            q = q.where(subscriptions.c.category_id == category_id)
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def get(self, user_id: int, source_id: int) -> dict:
        with self.db.read() as conn:
            row = conn.execute(self._select(user_id).where(subscriptions.c.source_id == source_id)).mappings().first()
        if row is None:
            raise NotFound(f"You do not follow a feed with id {source_id}", code="subscription_not_found")
        return dict(row)

    def source_ids(self, user_id: int) -> list[int]:
        with self.db.read() as conn:
            return list(conn.execute(select(subscriptions.c.source_id)
                                     .where(subscriptions.c.user_id == user_id)).scalars())

    def subscribe(self, user_id: int, source_id: int, category_id: int | None = None,
                  title: str | None = None) -> dict:
        """Follow a source (idempotent: following it again changes nothing and returns the subscription)."""
        if category_id is not None:
            self.category(user_id, category_id)
        try:
            with self.db.write() as conn:
                conn.execute(subscriptions.insert().values(user_id=user_id, source_id=source_id,
                                                           category_id=category_id, title=title,
                                                           created_at=utcnow()))
        except IntegrityError:
            pass  # already followed (or the source is gone: get() says so)
        return self.get(user_id, source_id)

    def update(self, user_id: int, source_id: int, **values) -> dict:
        """Change ``category_id`` and/or ``title`` of the user's subscription."""
        unknown = set(values) - {"category_id", "title"}
        if unknown:
            raise ValueError(f"not subscription fields: {sorted(unknown)}")
        if values.get("category_id") is not None:
            self.category(user_id, values["category_id"])
        self.get(user_id, source_id)
        with self.db.write() as conn:
            conn.execute(subscriptions.update().where(subscriptions.c.user_id == user_id,
                                                      subscriptions.c.source_id == source_id).values(**values))
        return self.get(user_id, source_id)

    def unsubscribe(self, user_id: int, source_id: int) -> None:
        with self.db.write() as conn:
            gone = conn.execute(subscriptions.delete().where(subscriptions.c.user_id == user_id,
                                                             subscriptions.c.source_id == source_id)).rowcount
        if not gone:
            raise NotFound(f"You do not follow a feed with id {source_id}", code="subscription_not_found")
