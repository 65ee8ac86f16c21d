"""The ``stories`` table, written from the clusterer: membership (``articles.story_id``) and each story's row.

A story's row is worked out from its articles in the store: ``article_count`` counts distinct articles (copies of
one text left out), ``source_count`` the outlets that published it (copies included: a republication is coverage),
the lead is the first article published (ties: lowest id) and gives the title; the category is the most common
one among the articles (ties: the lead's). Story ids are the clusterer's, so re-runs give the same ids.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import delete, func, insert, or_, select, update

from ..store.schema import articles, stories


def assign(conn, story_id: int, member_ids: list[int], now: datetime) -> None:
    """These articles, and their copies, belong to ``story_id`` (its row is made if it is new; ``refresh`` fills it)."""
    if conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first() is None:
        conn.execute(insert(stories).values(id=story_id, title="", first_published_at=now, last_published_at=now,
                                            article_count=0, source_count=0, updated_at=now))
    for i in range(0, len(member_ids), 500):
        chunk = member_ids[i:i + 500]
        conn.execute(update(articles).where(or_(articles.c.id.in_(chunk), articles.c.duplicate_of.in_(chunk)))
                     .values(story_id=story_id))


def refresh(conn, story_ids, now: datetime) -> None:
    """Recompute the rows of these stories from their articles; a story left without articles is deleted."""
    cols = [articles.c.id, articles.c.source_id, articles.c.title, articles.c.published_at, articles.c.duplicate_of,
            articles.c.category]
    for sid in sorted(set(story_ids)):
        rows = conn.execute(select(*cols).where(articles.c.story_id == sid)
                            .order_by(articles.c.published_at, articles.c.id)).all()
        exists = conn.execute(select(stories.c.id).where(stories.c.id == sid)).first() is not None
        if not rows:
            if exists:
                conn.execute(delete(stories).where(stories.c.id == sid))
            continue
        originals = [r for r in rows if r.duplicate_of is None] or rows
        lead = originals[0]
        categories = Counter(r.category for r in originals if r.category)
        top = max(categories.values(), default=0)
        category = lead.category if categories.get(lead.category) == top else \
            min((c for c, n in categories.items() if n == top), default=None)
        values = {"title": lead.title, "lead_article_id": lead.id, "first_published_at": rows[0].published_at,
                  "last_published_at": max(r.published_at for r in rows), "article_count": len(originals),
                  "source_count": len({r.source_id for r in rows}), "category": category, "updated_at": now}
        if exists:
            conn.execute(update(stories).where(stories.c.id == sid).values(**values))
        else:
            conn.execute(insert(stories).values(id=sid, **values))


def reset(conn) -> None:
    """Before a full re-run: no story left, no article in one."""
    conn.execute(update(articles).where(articles.c.story_id.isnot(None)).values(story_id=None))
    conn.execute(delete(stories))


def next_id(store) -> int:
    with store.db.read() as conn:
        return (conn.execute(select(func.max(stories.c.id))).scalar() or 0) + 1


def sync_sequence(conn) -> None:
    """PostgreSQL: stories are inserted with the clusterer's ids; keep the id sequence past them for other writers."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('stories', 'id'), "
                             "GREATEST((SELECT max(id) FROM stories), 1))")
