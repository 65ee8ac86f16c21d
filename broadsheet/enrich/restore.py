"""After a restart, the enrich stage's memory is read back from the store (SQLite or PostgreSQL alike), so that
it continues where it stopped: the open stories (newest within the story window) with their articles' stored
vectors and entities, the near-duplicate index of recent originals, and the TF-IDF embedder's document
frequencies. The store is the record; nothing is kept in files.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import func, select

from ..dedupe.near import NearDuplicateIndex
from ..store.schema import article_entities, article_vectors, articles, entities, stories
from .cluster import Doc, StoryClusterer
from .embed import doc_text
from .vector_store import from_blob

TFIDF_DOCS = 5000  # recent articles whose words re-learn the TF-IDF embedder's document frequencies
NEAR_WINDOW_FACTOR = 2  # originals kept in the near-duplicate index: this many story windows back


def site_of(url: str | None) -> str | None:
    """The site an article comes from (host without www., and a port other than the scheme's): copies within one
    site must be near-identical."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").removeprefix("www.")
    port = parts.port if parts.port not in (None, 80, 443) else None
    return (f"{host}:{port}" if port else host) or None


def body(row) -> str:
    return row["content_text"] or row["summary"] or ""


def _entity_keys(conn, ids: list[int]) -> dict[int, set[str]]:
    keys: dict[int, set[str]] = defaultdict(set)
    for i in range(0, len(ids), 500):
        q = (select(article_entities.c.article_id, entities.c.key)
             .join(entities, entities.c.id == article_entities.c.entity_id)
             .where(article_entities.c.article_id.in_(ids[i:i + 500])))
        for aid, key in conn.execute(q):
            keys[aid].add(key)
    return keys


def clusterer(store, profile: str, window_days: float, model: str, next_id: int) -> StoryClusterer:
    """A clusterer holding the open stories of the store."""
    c = StoryClusterer(profile, window_days=window_days)
    c.next_id = next_id
    with store.db.read() as conn:
        newest = conn.execute(select(func.max(stories.c.last_published_at))).scalar()
        if newest is None:
            return c
        since = newest - timedelta(days=window_days)
        q = (select(articles.c.id, articles.c.story_id, articles.c.title, articles.c.content_text,
                    articles.c.summary, articles.c.published_at, article_vectors.c.vector)
             .join(stories, stories.c.id == articles.c.story_id)
             .join(article_vectors, (article_vectors.c.article_id == articles.c.id)
                   & (article_vectors.c.model == model))
             .where(stories.c.last_published_at >= since).where(articles.c.duplicate_of.is_(None))
             .order_by(articles.c.published_at, articles.c.id))
        rows = [r._asdict() for r in conn.execute(q)]
        keys = _entity_keys(conn, [r["id"] for r in rows])
    open_stories: dict[int, list[Doc]] = defaultdict(list)
    for r in rows:
        open_stories[r["story_id"]].append(Doc(r["id"], from_blob(r["vector"]), r["title"] or "", body(r),
                                               r["published_at"], frozenset(keys.get(r["id"], ()))))
    c.load_stories(dict(open_stories), next_id)
    return c


def near_index(store, window_days: float) -> NearDuplicateIndex:
    """The near-duplicate index of the originals published within ``NEAR_WINDOW_FACTOR`` windows of the newest."""
    index = NearDuplicateIndex()
    cols = [articles.c.id, articles.c.url, articles.c.content_text, articles.c.summary, articles.c.published_at]
    with store.db.read() as conn:
        newest = conn.execute(select(func.max(articles.c.published_at))
                              .where(articles.c.enriched_at.isnot(None))).scalar()
        if newest is None:
            return index
        since = newest - timedelta(days=NEAR_WINDOW_FACTOR * window_days)
        q = (select(*cols).where(articles.c.enriched_at.isnot(None)).where(articles.c.duplicate_of.is_(None))
             .where(articles.c.published_at >= since).order_by(articles.c.published_at, articles.c.id))
        for r in conn.execute(q).mappings():
            index.add(r["id"], body(r), site_of(r["url"]))
    return index


def tfidf_texts(store) -> list[str]:
    """The texts the TF-IDF embedder learns its document frequencies from again: recent enriched originals."""
    q = (select(articles.c.title, articles.c.content_text, articles.c.summary)
         .where(articles.c.enriched_at.isnot(None)).where(articles.c.duplicate_of.is_(None))
         .order_by(articles.c.id.desc()).limit(TFIDF_DOCS))
    with store.db.read() as conn:
        return [doc_text(r["title"], body(r)) for r in conn.execute(q).mappings()]
