"""Related articles and semantic search over the stored vectors (``vector_store.py``): an ANN look-up, then one
indexed read of the rows shown. Rows come as the article lists have them (``articles_repo.LIST_COLUMNS``), with a
``score``. Copies never appear: only originals have vectors, and rows marked ``duplicate_of`` are left out.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select

from ..store.articles_repo import BY_IDS
from ..store.database import Prepared
from ..store.schema import articles

# Below these cosines an article is not related / not an answer (the scales of the two embedders differ).
MIN_RELATED = {"minilm": 0.35, "tfidf": 0.12}
MIN_SEARCH = {"minilm": 0.2, "tfidf": 0.05}
OVERFETCH = 4  # neighbours looked at per related article shown (some are filtered out, recency re-orders)
_BASE = Prepared(select(articles.c.id, articles.c.duplicate_of, articles.c.published_at)
                 .where(articles.c.id == bindparam("id")))


def _rows(store, hits: list[tuple[int, float]]) -> list[dict]:
    if not hits:
        return []
    by_id = {r["id"]: r for r in store.db.rows(BY_IDS, ids=[i for i, _ in hits])}
    out = []
    for i, score in hits:
        row = by_id.get(i)
        if row is not None and row["duplicate_of"] is None:  # removed, or marked a copy by another process
            row["score"] = round(score, 4)
            out.append(row)
    return out


def recency(published: datetime | None, anchor: datetime | None, window_days: float) -> float:
    """1 for the same moment, ½ a story window apart, ¼ two windows apart."""
    if published is None or anchor is None:
        return 1.0
    return 0.5 ** (abs((published - anchor).total_seconds()) / 86400 / window_days)


def related_rows(store, vectors, article_id: int, k: int, window_days: float) -> list[dict]:
    base = store.db.first(_BASE, id=article_id)
    if base is None:
        return []
    original = base["duplicate_of"] or article_id  # a copy shows what its original is related to
    vec = vectors.vector(original)
    if vec is None:
        return []
    floor = MIN_RELATED[vectors.model]
    hits = [(i, s) for i, s in vectors.search(vec, k * OVERFETCH, exclude={article_id, original}) if s >= floor]
    rows = [r for r in _rows(store, hits) if r["id"] not in (article_id, original)]
    for r in rows:
        r["score"] = round(r["score"] * recency(r["published_at"], base["published_at"], window_days), 4)
    rows.sort(key=lambda r: (-r["score"], -r["id"]))
    return rows[:k]


def semantic_rows(store, vectors, vec, limit: int, offset: int, model: str) -> tuple[list[dict], bool]:
    floor = MIN_SEARCH[model]
    hits = [(i, s) for i, s in vectors.search(vec, offset + limit + 1) if s >= floor]
    return _rows(store, hits[offset:offset + limit]), len(hits) > offset + limit
