"""Stories (the enrich stage's clusters of articles about one event): the front page's, lists, and one story with
its articles, the entities they name, their dated events and the stories that name the same entities."""
from __future__ import annotations

import re

from sqlalchemy import bindparam, desc, func, select

from ..errors import NotFound
from .articles_repo import LIST_COLUMNS
from .database import Database, Prepared
from .schema import article_entities, articles, entities, sources, stories, timeline_events

LIMIT, OFFSET = bindparam("limit"), bindparam("offset")  # of the prepared lists
SAME_EVENT = 0.8  # unique_events(): share of the shorter sentence's words that makes two sentences one event
_WORD = re.compile(r"\w+")
MAX_STORY_ARTICLES = 200  # a story page lists at most this many articles (the newest development is kept)
STORY_COLUMNS = [stories.c.id, stories.c.title, stories.c.lead_article_id, stories.c.first_published_at,
                 stories.c.last_published_at, stories.c.article_count, stories.c.source_count, stories.c.category]
# A story as lists show it: its row, and its lead (first) article's preview, picture and outlet.
_LISTED = [*STORY_COLUMNS, articles.c.summary.label("lead_summary"), articles.c.image_url.label("lead_image_url"),
           articles.c.url.label("lead_url"), articles.c.source_id.label("lead_source_id"),
           sources.c.title.label("lead_source_title")]
TIMELINE_COLUMNS = [timeline_events.c.article_id, timeline_events.c.event_date, timeline_events.c.precision,
                    timeline_events.c.sentence, timeline_events.c.start, timeline_events.c.end]


def _listed(min_sources_bind: bool = True):
    q = (select(*_LISTED).select_from(stories)
         .outerjoin(articles, articles.c.id == stories.c.lead_article_id)
         .outerjoin(sources, sources.c.id == articles.c.source_id))
    if min_sources_bind:
        q = q.where(stories.c.source_count >= bindparam("min_sources"))
    return q.order_by(stories.c.last_published_at.desc(), stories.c.id.desc())


LISTED = Prepared(_listed().limit(LIMIT).offset(OFFSET))
LISTED_BY_IDS = Prepared(_listed(False).where(stories.c.id.in_(bindparam("ids", expanding=True))))
GET = Prepared(select(*STORY_COLUMNS).where(stories.c.id == bindparam("id")))
ARTICLES = Prepared(select(*LIST_COLUMNS, articles.c.content_text, articles.c.ai_json)
                    .join(sources, sources.c.id == articles.c.source_id)
                    .where(articles.c.story_id == bindparam("id"))
                    .order_by(articles.c.published_at, articles.c.id).limit(LIMIT).offset(OFFSET))
_named = (func.count(func.distinct(articles.c.id)), func.sum(article_entities.c.mentions))
ENTITIES = Prepared(select(entities.c.id, entities.c.name, entities.c.kind, _named[0].label("articles"))
                    .select_from(article_entities).join(articles, articles.c.id == article_entities.c.article_id)
                    .join(entities, entities.c.id == article_entities.c.entity_id)
                    .where(articles.c.story_id == bindparam("id"))
                    .group_by(entities.c.id, entities.c.name, entities.c.kind)
                    .order_by(desc(_named[0]), desc(_named[1]), entities.c.name).limit(LIMIT).offset(OFFSET))
TIMELINE = Prepared(select(*TIMELINE_COLUMNS, sources.c.title.label("source_title"))
                    .join(articles, articles.c.id == timeline_events.c.article_id)
                    .join(sources, sources.c.id == articles.c.source_id)
                    .where(articles.c.story_id == bindparam("id"))
                    .order_by(timeline_events.c.event_date, timeline_events.c.article_id, timeline_events.c.start))
STORY_OF = Prepared(select(articles.c.id, articles.c.story_id)
                    .where(articles.c.id.in_(bindparam("ids", expanding=True))))
_shared = func.count(func.distinct(article_entities.c.entity_id))
SHARING_ENTITIES = Prepared(
    select(articles.c.story_id, _shared.label("shared")).select_from(article_entities)
    .join(articles, articles.c.id == article_entities.c.article_id)
    .where(article_entities.c.entity_id.in_(bindparam("entity_ids", expanding=True)))
    .where(articles.c.story_id.isnot(None)).where(articles.c.story_id != bindparam("id"))
    .group_by(articles.c.story_id).order_by(desc(_shared), articles.c.story_id.desc()).limit(LIMIT).offset(OFFSET))


def unique_events(rows: list[dict]) -> list[dict]:
    """Dated events in date order, each told once: outlets repeating a wire copy, lightly edited or not, say it
    once (a sentence sharing SAME_EVENT of its words, or more, with one already kept for that date is left out)."""
    kept: dict[tuple, list[set[str]]] = {}
    out = []
    for r in rows:
        words = set(_WORD.findall(r["sentence"].lower()))
        told = kept.setdefault((r["event_date"], r["precision"]), [])
        if not any(len(words & w) >= SAME_EVENT * min(len(words), len(w)) for w in told):
            told.append(words)
            out.append(r)
    return out


class StoryRepo:
    def __init__(self, db: Database):
        self.db = db

    def front_page(self, limit: int, min_sources: int = 2) -> list[dict]:
        """The latest stories covered by at least ``min_sources`` outlets, newest development first (one query)."""
        return self.db.rows(LISTED, min_sources=min_sources, limit=limit, offset=0)

    def latest(self, limit: int, offset: int = 0, min_sources: int = 1) -> list[dict]:
        return self.db.rows(LISTED, min_sources=min_sources, limit=limit, offset=offset)

    def by_ids(self, ids: list[int]) -> list[dict]:
        """These stories as lists show them, newest development first."""
        return self.db.rows(LISTED_BY_IDS, ids=list(ids)) if ids else []

    def get(self, story_id: int) -> dict:
        row = self.db.first(GET, id=story_id)
        if row is None:
            raise NotFound(f"No story with id {story_id}", code="story_not_found")
        return row

    def articles(self, story_id: int) -> list[dict]:
        """The story's articles, copies included, first published first (with their text and AI fields)."""
        return self.db.rows(ARTICLES, id=story_id, limit=MAX_STORY_ARTICLES, offset=0)

    def entities(self, story_id: int, limit: int = 15) -> list[dict]:
        """Entities its articles name, the most widely named first (``articles``: how many name it)."""
        return self.db.rows(ENTITIES, id=story_id, limit=limit, offset=0)

    def timeline(self, story_id: int) -> list[dict]:
        return unique_events(self.db.rows(TIMELINE, id=story_id))

    def related(self, story_id: int, entity_ids: list[int], article_ids: list[int] = (), limit: int = 5
                ) -> list[dict]:
        """Other stories: those naming the most of these entities (most shared first), then the stories of these
        articles (related in meaning to the story's, best first)."""
        shared = self.db.rows(SHARING_ENTITIES, id=story_id, entity_ids=list(entity_ids), limit=limit, offset=0) \
            if entity_ids else []
        order = [r["story_id"] for r in shared]
        if article_ids and len(order) < limit:
            story_of = {r["id"]: r["story_id"] for r in self.db.rows(STORY_OF, ids=list(article_ids))}
            order += [story_of[i] for i in article_ids if story_of.get(i) not in (None, story_id)]
        rank = {}
        for sid in order:
            rank.setdefault(sid, len(rank))
        chosen = [sid for sid in rank if rank[sid] < limit]
        return sorted(self.by_ids(chosen), key=lambda s: rank[s["id"]])
