"""Reads and writes of the enrich stage for single articles: the rows it reads, and what it stores for each article
(``articles`` enrichment columns, ``entities`` + ``article_entities``, ``timeline_events``, ``article_vectors``).

Writing an article replaces what an earlier run stored for it, so re-runs never duplicate rows.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update

from ..store.schema import article_entities, article_vectors, articles, entities, sources, timeline_events
from .analyse import Analysis
from .vector_store import to_blob

_original = articles.alias("original")
COLUMNS = [articles.c.id, articles.c.source_id, articles.c.url, articles.c.title, articles.c.content_text,
           articles.c.summary, articles.c.published_at, articles.c.content_hash, articles.c.duplicate_of,
           _original.c.content_hash.label("original_hash"), sources.c.site_url.label("source_site_url")]
MAX_KEY = 200  # entities.key


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load(store, ids: list[int]) -> list[dict]:
    """The rows of ``ids`` to enrich, oldest first (then by id): the order decides which copy is the original."""
    out = []
    q = (select(*COLUMNS).join(sources, sources.c.id == articles.c.source_id)
         .outerjoin(_original, _original.c.id == articles.c.duplicate_of))
    with store.db.read() as conn:
        for chunk in _chunks(list(ids)):
            out.extend(r._asdict() for r in conn.execute(q.where(articles.c.id.in_(chunk))))
    return sorted(out, key=lambda r: (r["published_at"], r["id"]))


def ids(store, pending_only: bool, source_id: int | None = None) -> list[int]:
    """Article ids, oldest first: all of them, or those not enriched yet (failed ones included: they are retried)."""
    q = select(articles.c.id).order_by(articles.c.published_at, articles.c.id)
    if pending_only:
        q = q.where(articles.c.enriched_at.is_(None))
    if source_id is not None:
        q = q.where(articles.c.source_id == source_id)
    with store.db.read() as conn:
        return list(conn.execute(q).scalars())


def _entity_ids(conn, found: list) -> dict[str, int]:
    keys = sorted({e.key for e in found if len(e.key) <= MAX_KEY})
    if not keys:
        return {}
    known = dict(conn.execute(select(entities.c.key, entities.c.id).where(entities.c.key.in_(keys))).all())
    new = [e for e in found if e.key in keys and e.key not in known]
    seen: set[str] = set()
    for e in new:
        if e.key not in seen:
            seen.add(e.key)
            known[e.key] = conn.execute(insert(entities).values(key=e.key, name=e.name, kind=e.kind)
                                        .returning(entities.c.id)).scalar_one()
    return known


def write(conn, article_id: int, analysis: Analysis, duplicate_of: int | None, duplicate_score: float | None,
          vector, model: str, now: datetime) -> None:
    """Store one article's enrichment (in the caller's transaction), replacing any earlier one."""
    conn.execute(update(articles).where(articles.c.id == article_id).values(
        duplicate_of=duplicate_of, duplicate_score=duplicate_score, category=analysis.category,
        keywords=", ".join(analysis.keywords) or None, ai_json=analysis.ai_json, enriched_at=now, enrich_error=None))
    for table in (article_entities, timeline_events, article_vectors):
        conn.execute(delete(table).where(table.c.article_id == article_id))
    ids_by_key = _entity_ids(conn, analysis.entities)
    mentions: dict[int, int] = {}
    for e in analysis.entities:
        if e.key in ids_by_key:
            eid = ids_by_key[e.key]
            mentions[eid] = mentions.get(eid, 0) + max(1, len(e.mentions))
    if mentions:
        conn.execute(insert(article_entities), [{"article_id": article_id, "entity_id": eid, "mentions": n}
                                                for eid, n in sorted(mentions.items())])
    if analysis.events:
        conn.execute(insert(timeline_events), [
            {"article_id": article_id, "event_date": ev.date, "precision": ev.precision, "sentence": ev.sentence,
             "start": ev.start, "end": ev.end} for ev in analysis.events])
    if vector is not None:
        conn.execute(insert(article_vectors).values(article_id=article_id, model=model, vector=to_blob(vector)))


def repoint_copies(conn, from_id: int, to_id: int) -> None:
    """Copies of an article that turned out to be a copy itself now point at the first copy (no chains)."""
    conn.execute(update(articles).where(articles.c.duplicate_of == from_id).values(duplicate_of=to_id))


def demote(conn, copy_id: int, original_id: int, score: float) -> None:
    """An original turned out to copy an older article: it, and its own copies, now point at that one."""
    conn.execute(update(articles).where(articles.c.id == copy_id)
                 .values(duplicate_of=original_id, duplicate_score=score))
    conn.execute(delete(article_vectors).where(article_vectors.c.article_id == copy_id))
    repoint_copies(conn, copy_id, original_id)


def published_at(store, article_id: int) -> datetime | None:
    with store.db.read() as conn:
        return conn.execute(select(articles.c.published_at).where(articles.c.id == article_id)).scalar()


def record_error(store, article_id: int, message: str) -> None:
    with store.db.write() as conn:
        conn.execute(update(articles).where(articles.c.id == article_id)
                     .values(enrich_error=message[:2000], enriched_at=None))


def reset_all(conn) -> None:
    """Before a full re-run: vectors are written again (the embedder may have changed); entities stay (stable ids)."""
    conn.execute(delete(article_vectors))
