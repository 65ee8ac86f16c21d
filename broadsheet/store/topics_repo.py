"""Topics: each article's category (World, Politics, ...) and its keyword phrases, both set by the enrich stage.

A topic has a slug: the category or the phrase in lower case with hyphens ("world", "ilse-brandt"). Category
slugs win over a keyword of the same words.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, literal, select

from ..enrich.topics import CATEGORIES
from ..errors import NotFound
from .articles_repo import LIST_COLUMNS
from .database import Database
from .schema import articles, sources, stories

ALL_CATEGORIES = (*CATEGORIES, "General")
SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MAX_SLUG = 100
KEYWORD_SAMPLE = 2000  # the topics index counts the keywords of this many latest articles


def slugify(name: str) -> str:
    return "-".join(re.findall(r"[^\W_]+", name.lower()))


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    kind: str  # category | keyword


# ",-a-b,-c,-" for keywords "a b, c": a keyword slug matches as LIKE '%,-slug,-%' (slugs hold no % or _)
_KEYWORD_SLUGS = literal(",-") + func.lower(func.replace(articles.c.keywords, " ", "-")) + literal(",-")


class TopicRepo:
    def __init__(self, db: Database):
        self.db = db

    def _where(self, topic: Topic):
        if topic.kind == "category":
            return articles.c.category == topic.name
        return _KEYWORD_SLUGS.like(f"%,-{topic.slug},-%")

    def categories(self) -> list[dict]:
        """Categories with their article counts (copies left out), the largest first."""
        n = func.count()
        q = (select(articles.c.category, n.label("articles")).where(articles.c.category.isnot(None))
             .where(articles.c.duplicate_of.is_(None)).group_by(articles.c.category).order_by(n.desc()))
        with self.db.read() as conn:
            return [{"slug": slugify(r.category), "name": r.category, "articles": r.articles}
                    for r in conn.execute(q)]

    def keywords(self, limit: int = 40) -> list[dict]:
        """The keyword topics of the latest articles, the most frequent first, as most often written."""
        q = (select(articles.c.keywords).where(articles.c.keywords.isnot(None))
             .where(articles.c.duplicate_of.is_(None))
             .order_by(articles.c.published_at.desc()).limit(KEYWORD_SAMPLE))
        counts: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        with self.db.read() as conn:
            for (keywords,) in conn.execute(q):
                for k in {k.strip() for k in keywords.split(",") if k.strip()}:
                    counts[slugify(k)] += 1
                    forms[slugify(k)][k] += 1
        return [{"slug": s, "name": forms[s].most_common(1)[0][0], "articles": n}
                for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit] if s]

    def resolve(self, slug: str) -> Topic:
        """The topic of a slug: a category, else a keyword some article has; NotFound otherwise."""
        slug = slug.lower()
        for name in ALL_CATEGORIES:
            if slugify(name) == slug:
                return Topic(slug, name, "category")
        if len(slug) <= MAX_SLUG and SLUG.fullmatch(slug):
            topic = Topic(slug, slug, "keyword")
            with self.db.read() as conn:
                found = conn.execute(select(articles.c.keywords).where(self._where(topic)).limit(1)).scalar()
            if found:
                name = next((k.strip() for k in found.split(",") if slugify(k) == slug), slug)
                return Topic(slug, name, "keyword")
        raise NotFound(f"No topic {slug!r}", code="topic_not_found")

    def articles(self, topic: Topic, limit: int, offset: int = 0) -> list[dict]:
        """The topic's articles, newest first (copies left out)."""
        q = (select(*LIST_COLUMNS).join(sources, sources.c.id == articles.c.source_id).where(self._where(topic))
             .where(articles.c.duplicate_of.is_(None))
             .order_by(articles.c.published_at.desc(), articles.c.id.desc()).limit(limit).offset(offset))
        with self.db.read() as conn:
            return [r._asdict() for r in conn.execute(q)]

    def story_ids(self, topic: Topic, limit: int = 10) -> list[int]:
        """Stories of the topic (a category: the stories' own; a keyword: its articles'), newest first."""
        if topic.kind == "category":
            q = (select(stories.c.id).where(stories.c.category == topic.name)
                 .order_by(stories.c.last_published_at.desc(), stories.c.id.desc()).limit(limit))
        else:
            latest = func.max(articles.c.published_at)
            q = (select(articles.c.story_id).where(self._where(topic)).where(articles.c.story_id.isnot(None))
                 .group_by(articles.c.story_id).order_by(latest.desc()).limit(limit))
        with self.db.read() as conn:
            return list(conn.execute(q).scalars())
