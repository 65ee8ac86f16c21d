"""A user's entries as the sync APIs (Miniflux, Google Reader) list them: one indexed query per page.

Each page is one SELECT over the articles of the sources the user follows, with the feed (source), the user's own
subscription title and category, and the user's read/starred marks. Newest first along ``ix_articles_published``
(published_at, id); a keyset cursor (``before=(published_at, id)``) pages without OFFSET. Each combination of
filters is built and compiled once (``Prepared``), so a request costs the query and little else.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Iterable

from sqlalchemy import Integer, and_, bindparam, false, func, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from .database import Database, Prepared
from .schema import articles, sources
from .schema_readers import article_states, categories, subscriptions

READ = func.coalesce(article_states.c.read, false())
STARRED = func.coalesce(article_states.c.saved, false())
ENTRY_COLUMNS = [
    articles.c.id, articles.c.source_id, articles.c.url, articles.c.title, articles.c.authors,
    articles.c.published_at, articles.c.fetched_at, articles.c.content_html, articles.c.summary,
    articles.c.content_hash, articles.c.word_count,
    sources.c.url.label("feed_url"), sources.c.site_url,
    func.coalesce(subscriptions.c.title, sources.c.title, sources.c.url).label("feed_title"),
    subscriptions.c.category_id, categories.c.title.label("category_title"),
    READ.label("read"), STARRED.label("starred")]
ID_COLUMNS = [articles.c.id, articles.c.published_at]
MAX_IDS = 1000  # ids per lookup: more is a client's mistake (the APIs refuse bigger lists before this)


class _unindexed(FunctionElement):
    """A column SQLite must not use an index for (``col + 0``); other databases get the column as it is (their
    planners weigh the index with statistics, and ``+ 0`` would hide those)."""
    name = "unindexed"
    type = Integer()
    inherit_cache = True


@compiles(_unindexed)
def _as_is(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(_unindexed, "sqlite")
def _plus_zero(element, compiler, **kw):
    return f"{compiler.process(element.clauses, **kw)} + 0"


def _base(columns, scope: str = "all", marked_only: bool = False):
    """The user's entries. Only ``articles`` is inner-joined, so the planner walks articles in the listing's
    order (``ix_articles_published``) and stops after the page: the followed sources are a filter (``+ 0`` on
    SQLite keeps it from driving the query by source instead, which sorts every followed article for each page).
    ``marked_only`` (starred or read lists: a few entries among many) starts from the user's marks instead."""
    followed = select(subscriptions.c.source_id).where(subscriptions.c.user_id == bindparam("user_id"))
    if scope == "category":
        followed = followed.where(subscriptions.c.category_id == bindparam("category_id"))
    q = (select(*columns).select_from(articles)
         .outerjoin(subscriptions, and_(subscriptions.c.source_id == articles.c.source_id,
                                        subscriptions.c.user_id == bindparam("sub_user_id")))
         .outerjoin(sources, sources.c.id == articles.c.source_id)
         .outerjoin(categories, categories.c.id == subscriptions.c.category_id)
         .join(article_states, and_(article_states.c.article_id == articles.c.id,
                                    article_states.c.user_id == bindparam("marks_user_id")), isouter=not marked_only)
         .where(_unindexed(articles.c.source_id).in_(followed.scalar_subquery())))
    if scope == "source":
        q = q.where(articles.c.source_id == bindparam("source_id"))
    return q


def _filtered(q, read, starred, bounds: frozenset):
    if read is not None:
        q = q.where(READ == read)
    if starred is not None:
        q = q.where(STARRED == starred)
    for name, test in (("published_from", articles.c.published_at >= bindparam("published_from")),
                       ("published_to", articles.c.published_at <= bindparam("published_to")),
                       ("after_id", articles.c.id > bindparam("after_id")),
                       ("before_id", articles.c.id < bindparam("before_id"))):
        if name in bounds:
            q = q.where(test)
    return q


@lru_cache(maxsize=256)
def _page(scope: str, read, starred, bounds: frozenset, order: str, descending: bool, keyset: bool,
          ids_only: bool) -> Prepared:
    q = _filtered(_base(ID_COLUMNS if ids_only else ENTRY_COLUMNS, scope, bool(read or starred)), read, starred,
                  bounds)
    key = (articles.c.published_at, articles.c.id) if order == "published" else (articles.c.id,)
    if keyset:  # strictly after the cursor in the listing's order
        i = bindparam("cursor_id")
        if order == "published":  # (a < x) OR (a = x AND b < y): both databases walk the index from the cursor
            p, same = bindparam("cursor_published"), bindparam("cursor_published_eq")  # one name per use
            q = q.where(or_(key[0] < p, and_(key[0] == same, key[1] < i)) if descending
                        else or_(key[0] > p, and_(key[0] == same, key[1] > i)))
        else:
            q = q.where(articles.c.id < i if descending else articles.c.id > i)
    q = q.order_by(*[k.desc() if descending else k.asc() for k in key])
    return Prepared(q.limit(bindparam("limit")).offset(bindparam("offset")))


@lru_cache(maxsize=64)
def _count(scope: str, read, starred, bounds: frozenset) -> Prepared:
    return Prepared(_filtered(_base([func.count().label("n")], scope, bool(read or starred)), read, starred, bounds))


BY_IDS = Prepared(_base(ENTRY_COLUMNS).where(articles.c.id.in_(bindparam("ids", expanding=True)))
                  .order_by(articles.c.published_at.desc(), articles.c.id.desc()))
VISIBLE = Prepared(_base([articles.c.id]).where(articles.c.id.in_(bindparam("ids", expanding=True))))


def _user(user_id: int) -> dict:
    """The query's three user parameters (each bound name appears once: see ``Prepared``)."""
    return {"user_id": user_id, "sub_user_id": user_id, "marks_user_id": user_id}


class SyncEntryRepo:
    def __init__(self, db: Database):
        self.db = db

    @staticmethod
    def _params(user_id: int, source_id, category_id, bounds: dict) -> tuple[str, dict]:
        params = {**_user(user_id), **{k: v for k, v in bounds.items() if v is not None}}
        if source_id is not None:
            return "source", {**params, "source_id": source_id}
        if category_id is not None:
            return "category", {**params, "category_id": category_id}
        return "all", params

    def page(self, user_id: int, *, source_id: int | None = None, category_id: int | None = None,
             read: bool | None = None, starred: bool | None = None, order: str = "published",
             descending: bool = True, cursor: tuple[datetime | None, int] | None = None, limit: int = 100,
             offset: int = 0, published_from: datetime | None = None, published_to: datetime | None = None,
             after_id: int | None = None, before_id: int | None = None, ids_only: bool = False) -> list[dict]:
        """Entries in order (``order``: "published" or "id"); ``cursor``: (published_at, id) of the last entry of
        the previous page (published_at unused when ordering by id). ``ids_only``: just ``id`` and
        ``published_at``."""
        bounds = {"published_from": published_from, "published_to": published_to, "after_id": after_id,
                  "before_id": before_id}
        scope, params = self._params(user_id, source_id, category_id, bounds)
        if cursor is not None:
            params.update(cursor_published=cursor[0], cursor_published_eq=cursor[0], cursor_id=cursor[1])
        prepared = _page(scope, read, starred, frozenset(k for k, v in bounds.items() if v is not None),
                         "published" if order == "published" else "id", descending, cursor is not None, ids_only)
        return self.db.rows(prepared, limit=limit, offset=offset, **params)

    def count(self, user_id: int, *, source_id: int | None = None, category_id: int | None = None,
              read: bool | None = None, starred: bool | None = None, **bounds) -> int:
        scope, params = self._params(user_id, source_id, category_id, bounds)
        prepared = _count(scope, read, starred, frozenset(k for k, v in bounds.items() if v is not None))
        return self.db.rows(prepared, **params)[0]["n"]

    def by_ids(self, user_id: int, ids: Iterable[int]) -> list[dict]:
        """These entries, newest first; ids of articles the user does not follow (or that do not exist) are left
        out."""
        ids = sorted({int(i) for i in ids})[:MAX_IDS]
        return self.db.rows(BY_IDS, ids=ids, **_user(user_id)) if ids else []

    def visible(self, user_id: int, ids: Iterable[int]) -> set[int]:
        """Those of ``ids`` that are entries of this user (articles of sources they follow)."""
        ids = sorted({int(i) for i in ids})[:MAX_IDS]
        return {r["id"] for r in self.db.rows(VISIBLE, ids=ids, **_user(user_id))} if ids else set()

    def read_counts(self, user_id: int) -> dict[int, int]:
        """Entries marked read, per followed source."""
        q = (select(articles.c.source_id, func.count().label("n")).select_from(article_states)
             .join(articles, articles.c.id == article_states.c.article_id)
             .join(subscriptions, and_(subscriptions.c.source_id == articles.c.source_id,
                                       subscriptions.c.user_id == user_id))
             .where(article_states.c.user_id == user_id, article_states.c.read == true())
             .group_by(articles.c.source_id))
        with self.db.read() as conn:
            return {s: n for s, n in conn.execute(q)}

    def unread_summary(self, user_id: int) -> dict[int, tuple[int, datetime]]:
        """Per followed source with unread entries: (how many, when its newest entry was published). Counted as
        all entries minus those marked read: both counts read only indexes (a scan of every entry with its marks
        took several times longer)."""
        followed = select(subscriptions.c.source_id).where(subscriptions.c.user_id == user_id)
        q = (select(articles.c.source_id, func.count().label("n"), func.max(articles.c.published_at).label("newest"))
             .where(articles.c.source_id.in_(followed.scalar_subquery())).group_by(articles.c.source_id))
        with self.db.read() as conn:
            totals = list(conn.execute(q))
        reads = self.read_counts(user_id)
        return {r.source_id: (r.n - reads.get(r.source_id, 0), r.newest) for r in totals
                if r.n > reads.get(r.source_id, 0)}
