"""Entities (people, organisations, countries, places the enrich stage found): lists, one entity's articles,
stories, dated events and the entities named most often with it, and what one article's AI panel shows."""
from __future__ import annotations

from sqlalchemy import bindparam, desc, func, select

from ..errors import NotFound
from .articles_repo import LIST_COLUMNS
from .database import Database, Prepared
from .schema import article_entities, articles, entities, sources, stories, timeline_events
from .stories_repo import LIMIT, OFFSET, TIMELINE_COLUMNS, unique_events

KINDS = ("person", "organisation", "country", "place")
ENTITY_COLUMNS = [entities.c.id, entities.c.name, entities.c.kind]
_count = func.count(article_entities.c.article_id)


def _index(by_kind: bool):
    q = (select(*ENTITY_COLUMNS, _count.label("articles")).select_from(entities)
         .join(article_entities, article_entities.c.entity_id == entities.c.id))
    if by_kind:
        q = q.where(entities.c.kind == bindparam("kind"))
    return Prepared(q.group_by(*ENTITY_COLUMNS).order_by(desc(_count), entities.c.name, entities.c.id)
                    .limit(LIMIT).offset(OFFSET))


INDEX = {False: _index(False), True: _index(True)}
GET = Prepared(select(*ENTITY_COLUMNS).where(entities.c.id == bindparam("id")))
ARTICLES = Prepared(select(*LIST_COLUMNS).join(sources, sources.c.id == articles.c.source_id)
                    .join(article_entities, article_entities.c.article_id == articles.c.id)
                    .where(article_entities.c.entity_id == bindparam("id")).where(articles.c.duplicate_of.is_(None))
                    .order_by(articles.c.published_at.desc(), articles.c.id.desc())
                    .limit(LIMIT).offset(OFFSET))
STORY_IDS = Prepared(select(articles.c.story_id, func.max(articles.c.published_at).label("latest"))
                     .join(article_entities, article_entities.c.article_id == articles.c.id)
                     .where(article_entities.c.entity_id == bindparam("id")).where(articles.c.story_id.isnot(None))
                     .group_by(articles.c.story_id).order_by(desc("latest")).limit(LIMIT).offset(OFFSET))
TIMELINE = Prepared(select(*TIMELINE_COLUMNS, sources.c.title.label("source_title"))
                    .join(articles, articles.c.id == timeline_events.c.article_id)
                    .join(sources, sources.c.id == articles.c.source_id)
                    .join(article_entities, article_entities.c.article_id == articles.c.id)
                    .where(article_entities.c.entity_id == bindparam("id"))
                    .order_by(timeline_events.c.event_date, timeline_events.c.article_id, timeline_events.c.start)
                    .limit(LIMIT).offset(OFFSET))
_with = article_entities.alias("with_entity")
_together = func.count(_with.c.article_id)
CO_MENTIONED = Prepared(select(*ENTITY_COLUMNS, _together.label("articles")).select_from(article_entities)
                        .join(_with, _with.c.article_id == article_entities.c.article_id)
                        .join(entities, entities.c.id == _with.c.entity_id)
                        .where(article_entities.c.entity_id == bindparam("id"))
                        .where(_with.c.entity_id != bindparam("id"))
                        .group_by(*ENTITY_COLUMNS).order_by(desc(_together), entities.c.name)
                        .limit(LIMIT).offset(OFFSET))
# The AI panel of an article page in one query: its story's coverage and the entities it names (at least one row).
PANEL = Prepared(select(articles.c.id, stories.c.source_count.label("story_sources"),
                        stories.c.article_count.label("story_articles"), entities.c.id.label("entity_id"),
                        entities.c.name.label("entity_name"), entities.c.kind.label("entity_kind"))
                 .select_from(articles).outerjoin(stories, stories.c.id == articles.c.story_id)
                 .outerjoin(article_entities, article_entities.c.article_id == articles.c.id)
                 .outerjoin(entities, entities.c.id == article_entities.c.entity_id)
                 .where(articles.c.id == bindparam("id"))
                 .order_by(article_entities.c.mentions.desc(), entities.c.name))
ARTICLE_TIMELINE = Prepared(select(*TIMELINE_COLUMNS).where(timeline_events.c.article_id == bindparam("id"))
                            .order_by(timeline_events.c.event_date, timeline_events.c.start))


class EntityRepo:
    def __init__(self, db: Database):
        self.db = db

    def index(self, limit: int, offset: int = 0, kind: str | None = None) -> list[dict]:
        """Entities named in at least one article, the most often named first (``articles``: how many)."""
        if kind is None:
            return self.db.rows(INDEX[False], limit=limit, offset=offset)
        return self.db.rows(INDEX[True], kind=kind, limit=limit, offset=offset)

    def get(self, entity_id: int) -> dict:
        row = self.db.first(GET, id=entity_id)
        if row is None:
            raise NotFound(f"No entity with id {entity_id}", code="entity_not_found")
        return row

    def articles(self, entity_id: int, limit: int, offset: int = 0) -> list[dict]:
        """Articles naming it, newest first (copies left out)."""
        return self.db.rows(ARTICLES, id=entity_id, limit=limit, offset=offset)

    def story_ids(self, entity_id: int, limit: int = 10) -> list[int]:
        """Stories with an article naming it, the latest mention first."""
        return [r["story_id"] for r in self.db.rows(STORY_IDS, id=entity_id, limit=limit, offset=0)]

    def timeline(self, entity_id: int, limit: int = 100) -> list[dict]:
        return unique_events(self.db.rows(TIMELINE, id=entity_id, limit=limit, offset=0))

    def co_mentioned(self, entity_id: int, limit: int = 10) -> list[dict]:
        """The entities most often named in the same articles (``articles``: in how many)."""
        return self.db.rows(CO_MENTIONED, id=entity_id, limit=limit, offset=0)

    def panel(self, article: dict) -> dict:
        """An article page's AI panel: {"story_sources", "story_articles", "entities", "timeline"} in one query,
        two for an enriched article (its timeline); none for an article neither enriched nor in a story."""
        article_id, enriched = article["id"], article["enriched_at"] is not None
        if not enriched and article["story_id"] is None:
            return {"story_sources": None, "story_articles": None, "entities": [], "timeline": []}
        rows = self.db.rows(PANEL, id=article_id)
        first = rows[0] if rows else {}
        found = [{"id": r["entity_id"], "name": r["entity_name"], "kind": r["entity_kind"]}
                 for r in rows if r["entity_id"] is not None]
        events = self.db.rows(ARTICLE_TIMELINE, id=article_id) if enriched else []
        return {"story_sources": first.get("story_sources"), "story_articles": first.get("story_articles"),
                "entities": found, "timeline": events}
