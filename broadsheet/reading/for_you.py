"""The "For you" ranking: articles from what the user follows, best matches and newest first.

Candidates are the newest ``CANDIDATES`` articles that come from a followed source, carry a followed topic or name a
followed entity. Each scores its match weight (a followed source 3, a followed topic 2, each followed entity named
2, up to three) times a recency decay that halves every ``HALF_LIFE_HOURS``. Articles mentioning a muted keyword
are left out, and of several copies of one text only the first one met is kept.
"""
from __future__ import annotations

from sqlalchemy import func, or_, select

from ..store.articles_repo import LIST_COLUMNS
from ..store.clock import utcnow
from ..store.schema import article_entities, articles, sources
from ..store.schema_readers import subscriptions
from .muted import matcher

CANDIDATES = 1000
HALF_LIFE_HOURS = 24.0
SOURCE_WEIGHT, TOPIC_WEIGHT, ENTITY_WEIGHT, MAX_ENTITIES = 3.0, 2.0, 2.0, 3


def _entity_ids(keys: set[str]) -> list[int]:
    return [int(k) for k in keys if k.isdigit()]


def ranked(store, user: dict) -> list[dict]:
    """Every ranked row for the user (LIST_COLUMNS + ``category`` and ``score``), best first."""
    uid = user["id"]
    topics = sorted(store.follows.keys(uid, "topic"))
    entity_ids = _entity_ids(store.follows.keys(uid, "entity"))
    followed_sources = select(subscriptions.c.source_id).where(subscriptions.c.user_id == uid)
    naming = select(article_entities.c.article_id).where(article_entities.c.entity_id.in_(entity_ids))
    conditions = [articles.c.source_id.in_(followed_sources)]
    if topics:
        conditions.append(func.lower(articles.c.category).in_(topics))
    if entity_ids:
        conditions.append(articles.c.id.in_(naming))
    q = (select(*LIST_COLUMNS, articles.c.category).join(sources, sources.c.id == articles.c.source_id)
         .where(or_(*conditions)).order_by(articles.c.published_at.desc(), articles.c.id.desc()).limit(CANDIDATES))
    with store.db.read() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
        named: dict[int, int] = {}
        if entity_ids and rows:
            q = (select(article_entities.c.article_id, func.count()).where(
                article_entities.c.entity_id.in_(entity_ids),
                article_entities.c.article_id.in_([r["id"] for r in rows])).group_by(article_entities.c.article_id))
            named = dict(conn.execute(q).all())
    source_ids = set(store.subscriptions.source_ids(uid))
    is_muted = matcher(user.get("muted_keywords"))
    now = utcnow()
    seen: set[int] = set()
    out = []
    for row in rows:
        group = row["duplicate_of"] or row["id"]
        if group in seen or (is_muted and is_muted(row)):
            continue
        seen.add(group)
        weight = (SOURCE_WEIGHT * (row["source_id"] in source_ids)
                  + TOPIC_WEIGHT * ((row["category"] or "").lower() in topics)
                  + ENTITY_WEIGHT * min(named.get(row["id"], 0), MAX_ENTITIES))
        age_hours = max((now - row["published_at"]).total_seconds() / 3600, 0.0)
        row["score"] = weight * 0.5 ** (age_hours / HALF_LIFE_HOURS)
        out.append(row)
    out.sort(key=lambda r: (-r["score"], -r["published_at"].timestamp(), -r["id"]))
    return out
