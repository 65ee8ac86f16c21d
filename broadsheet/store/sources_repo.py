"""Sources: add, list with counts and health, pause, remove, and the fetch bookkeeping the scheduler needs."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError

from ..errors import BroadsheetError, Conflict, NotFound
from .clock import utcnow
from .database import Database, Prepared
from .schema import articles, sources

MAX_BACKOFF = timedelta(hours=24)
GET = Prepared(select(sources).where(sources.c.id == bindparam("id")))


class SourceRepo:
    def __init__(self, db: Database):
        self.db = db

    def add(self, url: str, kind: str, title: str | None = None, site_url: str | None = None,
            folder: str | None = None) -> dict:
        try:
            with self.db.write() as conn:
                new_id = conn.execute(sources.insert().values(
                    url=url, kind=kind, title=title, site_url=site_url, folder=folder, paused=False, error_count=0,
                    created_at=utcnow(), next_fetch_at=utcnow())).inserted_primary_key[0]
        except IntegrityError as e:
            raise Conflict(f"{url} is already a source", code="source_exists", detail={"url": url}) from e
        return self.get(new_id)

    def get(self, source_id: int) -> dict:
        row = self.db.first(GET, id=source_id)
        if row is None:
            raise NotFound(f"No source with id {source_id}", code="source_not_found")
        return row

    def find_by_url(self, url: str) -> dict | None:
        with self.db.read() as conn:
            row = conn.execute(select(sources).where(sources.c.url == url)).mappings().first()
        return dict(row) if row else None

    def list(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        counts = (select(articles.c.source_id, func.count().label("article_count"))
                  .group_by(articles.c.source_id).subquery())
        q = (select(sources, func.coalesce(counts.c.article_count, 0).label("article_count"))
             .outerjoin(counts, counts.c.source_id == sources.c.id)
             .order_by(sources.c.folder.is_(None), sources.c.folder, func.lower(func.coalesce(sources.c.title,
                                                                                              sources.c.url)))
             .offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def count(self) -> int:
        with self.db.read() as conn:
            return conn.execute(select(func.count()).select_from(sources)).scalar_one()

    def update(self, source_id: int, **values) -> dict:
        with self.db.write() as conn:
            n = conn.execute(sources.update().where(sources.c.id == source_id).values(**values)).rowcount
        if not n:
            raise NotFound(f"No source with id {source_id}", code="source_not_found")
        return self.get(source_id)

    def delete(self, source_id: int) -> None:
        with self.db.write() as conn:
            conn.execute(articles.update().where(articles.c.duplicate_of.in_(
                select(articles.c.id).where(articles.c.source_id == source_id))).values(duplicate_of=None))
            conn.execute(articles.delete().where(articles.c.source_id == source_id))
            if not conn.execute(sources.delete().where(sources.c.id == source_id)).rowcount:
                raise NotFound(f"No source with id {source_id}", code="source_not_found")

    def due(self, now: datetime | None = None) -> list[dict]:
        now = now or utcnow()
        q = (select(sources).where(sources.c.paused.is_(False))
             .where((sources.c.next_fetch_at.is_(None)) | (sources.c.next_fetch_at <= now))
             .order_by(sources.c.next_fetch_at))
        with self.db.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def record_success(self, source_id: int, refresh: timedelta, **values) -> None:
        self.update(source_id, **self.success_values(refresh, **values))

    @staticmethod
    def success_values(refresh: timedelta, **values) -> dict:
        """The columns ``record_success`` sets (``ArticleRepo.save`` can set them in its own transaction)."""
        now = utcnow()
        return dict(last_fetched_at=now, last_success_at=now, next_fetch_at=now + refresh, last_error=None,
                    last_error_code=None, error_count=0, **values)

    def record_error(self, source_id: int, error: BroadsheetError, refresh: timedelta) -> dict:
        """Store the error on the source and back off exponentially: a failing source is not hammered."""
        current = self.get(source_id)
        count = (current["error_count"] or 0) + 1
        delay = min(refresh * (2 ** (count - 1)), MAX_BACKOFF)
        now = utcnow()
        return self.update(source_id, last_fetched_at=now, next_fetch_at=now + delay, error_count=count,
                           last_error=str(error)[:2000], last_error_code=error.code)
