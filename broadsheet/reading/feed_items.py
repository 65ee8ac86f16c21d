"""What each feed out holds: the newest ``FEED_SIZE`` articles of the home page, a source, a topic, an entity or a
story, or a user's saved articles (found by the user's private feed token). Unknown ids raise NotFound."""
from __future__ import annotations

from sqlalchemy import and_, func, select

from ..enrich.topics import CATEGORIES
from ..errors import NotFound
from ..store.articles_repo import LIST_COLUMNS
from ..store.schema import article_entities, articles, entities, sources, stories
from ..store.schema_readers import article_states
from .feed_writer import Feed, FeedItem

FEED_SIZE = 50
TOPIC_SLUGS = {c.lower(): c for c in (*CATEGORIES, "General")}
_COLUMNS = [*LIST_COLUMNS, articles.c.content_html]


def _select():
    return select(*_COLUMNS).join(sources, sources.c.id == articles.c.source_id)


def _newest(store, q) -> list[dict]:
    q = q.order_by(articles.c.published_at.desc(), articles.c.id.desc()).limit(FEED_SIZE)
    with store.db.read() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def _one(store, q, what: str) -> dict:
    with store.db.read() as conn:
        row = conn.execute(q).mappings().first()
    if row is None:
        raise NotFound(f"No {what}", code="feed_not_found")
    return dict(row)


def home(store) -> tuple[str, str, list[dict]]:
    rows = _newest(store, _select().where(articles.c.duplicate_of.is_(None)))
    return "Broadsheet: latest news", "/", rows


def source(store, source_id: int):
    src = store.sources.get(source_id)
    rows = _newest(store, _select().where(articles.c.source_id == source_id))
    return f"{src['title'] or src['url']} on Broadsheet", f"/sources/{source_id}", rows


def topic(store, slug: str):
    name = TOPIC_SLUGS.get(slug)
    if name is None:
        raise NotFound(f"No topic {slug[:40]!r}", code="feed_not_found")
    rows = _newest(store, _select().where(func.lower(articles.c.category) == slug,
                                          articles.c.duplicate_of.is_(None)))
    return f"{name} on Broadsheet", f"/topics/{slug}", rows


def entity(store, entity_id: int):
    ent = _one(store, select(entities).where(entities.c.id == entity_id), f"entity with id {entity_id}")
    rows = _newest(store, _select().join(article_entities, and_(article_entities.c.article_id == articles.c.id,
                                                                 article_entities.c.entity_id == entity_id))
                   .where(articles.c.duplicate_of.is_(None)))
    return f"{ent['name']} on Broadsheet", f"/entities/{entity_id}", rows


def story(store, story_id: int):
    st = _one(store, select(stories).where(stories.c.id == story_id), f"story with id {story_id}")
    rows = _newest(store, _select().where(articles.c.story_id == story_id))
    return f"{st['title'] or 'Story'} on Broadsheet", f"/stories/{story_id}", rows


def saved(store, token: str):
    user = store.users.by_feed_token(token) if 16 <= len(token) <= 64 else None
    if user is None or user["disabled"]:
        raise NotFound("No such feed", code="feed_not_found")
    q = (_select().join(article_states, and_(article_states.c.article_id == articles.c.id,
                                             article_states.c.user_id == user["id"], article_states.c.saved))
         .order_by(article_states.c.saved_at.desc(), articles.c.published_at.desc(), articles.c.id.desc())
         .limit(FEED_SIZE))
    with store.db.read() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    return f"{user['username']}'s saved articles on Broadsheet", "/saved", rows


def build(base: str, feed_path: str, title: str, page_path: str, rows: list[dict]) -> Feed:
    """``base``: this server's URL without the trailing slash; ``feed_path``: the feed's path without extension."""
    items = [FeedItem(id=f"{base}/articles/{r['id']}", url=f"{base}/articles/{r['id']}", title=r["title"],
                      published=r["published_at"], summary=r["summary"], content_html=r["content_html"],
                      authors=[a.strip() for a in (r["authors"] or "").split(",") if a.strip()],
                      external_url=r["url"]) for r in rows]
    return Feed(title=title, description=title, page_url=base + page_path, feed_url=base + feed_path, items=items)
