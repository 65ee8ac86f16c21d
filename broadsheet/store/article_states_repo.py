"""Each user's read and saved marks, and the user's entries: articles of the sources they follow, with those marks.

An article with no row for a user is unread and not saved. ``entries()`` is the one query behind the sync APIs'
entry lists and the web's personal lists, so filters mean the same everywhere.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable

from sqlalchemy import and_, false, func, literal, select, true
from sqlalchemy.dialects import postgresql, sqlite

from .articles_repo import LIST_COLUMNS
from .clock import utcnow
from .database import Database
from .schema import articles, sources
from .schema_readers import article_states, subscriptions

READ = func.coalesce(article_states.c.read, false())
SAVED = func.coalesce(article_states.c.saved, false())


class ArticleStateRepo:
    def __init__(self, db: Database):
        self.db = db

    def _insert(self):
        return (sqlite.insert if self.db.dialect == "sqlite" else postgresql.insert)(article_states)

    def mark(self, user_id: int, article_ids: Iterable[int], *, read: bool | None = None,
             saved: bool | None = None) -> int:
        """Set read and/or saved on these articles (ids of articles that do not exist are left out); how many."""
        values = {}
        now = utcnow()
        if read is not None:
            values.update(read=read, read_at=now if read else None)
        if saved is not None:
            values.update(saved=saved, saved_at=now if saved else None)
        ids = sorted({int(i) for i in article_ids})
        if not values or not ids:
            return 0
        with self.db.write() as conn:
            existing = list(conn.execute(select(articles.c.id).where(articles.c.id.in_(ids))).scalars())
            if not existing:
                return 0
            rows = [{"user_id": user_id, "article_id": a, "read": False, "saved": False, **values} for a in existing]
            stmt = self._insert()
            conn.execute(stmt.on_conflict_do_update(index_elements=["user_id", "article_id"],
                                                    set_={k: stmt.excluded[k] for k in values}), rows)
        return len(existing)

    def mark_all_read(self, user_id: int, source_ids: Iterable[int] | None = None,
                      before: datetime | None = None) -> int:
        """Mark read every article of these sources (default: all the user follows) published up to ``before``."""
        now = utcnow()
        q = (select(literal(user_id), articles.c.id, true(), false(), literal(now))
             .join(subscriptions, and_(subscriptions.c.source_id == articles.c.source_id,
                                       subscriptions.c.user_id == user_id)))
        if source_ids is not None:
            q = q.where(articles.c.source_id.in_(list(source_ids)))
        if before is not None:
            q = q.where(articles.c.published_at <= before)
        stmt = self._insert().from_select(["user_id", "article_id", "read", "saved", "read_at"], q)
        stmt = stmt.on_conflict_do_update(index_elements=["user_id", "article_id"],
                                          set_={"read": True, "read_at": now})
        with self.db.write() as conn:
            return conn.execute(stmt).rowcount

    def marks(self, user_id: int, article_ids: Iterable[int]) -> dict[int, dict]:
        ids = list(article_ids)
        if not ids:
            return {}
        q = select(article_states).where(article_states.c.user_id == user_id, article_states.c.article_id.in_(ids))
        with self.db.read() as conn:
            return {r["article_id"]: dict(r) for r in conn.execute(q).mappings()}

    def unread_counts(self, user_id: int) -> dict[int, int]:
        """Unread articles per followed source (copies of another article included: each feed shows its own)."""
        q = (select(articles.c.source_id, func.count())
             .join(subscriptions, and_(subscriptions.c.source_id == articles.c.source_id,
                                       subscriptions.c.user_id == user_id))
             .outerjoin(article_states, and_(article_states.c.article_id == articles.c.id,
                                             article_states.c.user_id == user_id))
             .where(READ == false())
             .group_by(articles.c.source_id))
        with self.db.read() as conn:
            return {s: n for s, n in conn.execute(q)}

    def entries_select(self, user_id: int, *, source_ids: Iterable[int] | None = None, read: bool | None = None,
                       saved: bool | None = None, followed_only: bool = True, with_content: bool = False):
        """The SELECT of a user's entries (LIST_COLUMNS + ``read``, ``saved``, ``saved_at``), newest first; add
        further ``.where()``, ``.limit()``, ``.offset()`` as needed. ``followed_only=False``: any article (saved
        lists)."""
        cols = [*LIST_COLUMNS, READ.label("read"), SAVED.label("saved"), article_states.c.saved_at]
        if with_content:
            cols += [articles.c.content_html, articles.c.content_text, articles.c.fetched_at]
        q = (select(*cols).join(sources, sources.c.id == articles.c.source_id)
             .outerjoin(article_states, and_(article_states.c.article_id == articles.c.id,
                                             article_states.c.user_id == user_id)))
        if followed_only:
            q = q.join(subscriptions, and_(subscriptions.c.source_id == articles.c.source_id,
                                           subscriptions.c.user_id == user_id))
        if source_ids is not None:
            q = q.where(articles.c.source_id.in_(list(source_ids)))
        if read is not None:
            q = q.where(READ == read)
        if saved is not None:
            q = q.where(SAVED == saved)
        return q.order_by(articles.c.published_at.desc(), articles.c.id.desc())

    def entries(self, user_id: int, limit: int = 100, offset: int = 0, **filters) -> list[dict]:
        q = self.entries_select(user_id, **filters).limit(limit).offset(offset)
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]
