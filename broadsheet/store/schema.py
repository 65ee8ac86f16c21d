"""One schema for SQLite and PostgreSQL (SQLAlchemy Core). Times are naive UTC everywhere in the store."""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text, UniqueConstraint)

metadata = MetaData()

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("lead_article_id", Integer),
    Column("first_published_at", DateTime, nullable=False),
    Column("last_published_at", DateTime, nullable=False),
    Column("article_count", Integer, nullable=False, default=0),
    Column("source_count", Integer, nullable=False, default=0),
    Column("category", String(32)),
    Column("updated_at", DateTime, nullable=False),
    Column("comment_count", Integer, nullable=False, default=0),  # migration 0004
    Index("ix_stories_last_published", "last_published_at", "id"),
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # feed | sitemap | page
    Column("title", Text),
    Column("site_url", String(2048)),
    Column("folder", Text),
    Column("paused", Boolean, nullable=False, default=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetched_at", DateTime),
    Column("last_success_at", DateTime),
    Column("next_fetch_at", DateTime),
    Column("last_error", Text),
    Column("last_error_code", String(64)),
    Column("error_count", Integer, nullable=False, default=0),
    Column("created_at", DateTime, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("url", String(2048), nullable=False),
    Column("canonical_url", String(2048), nullable=False, unique=True),
    Column("guid", String(2048)),
    Column("title", Text, nullable=False),
    Column("authors", Text),  # comma-separated
    Column("published_at", DateTime, nullable=False),
    Column("fetched_at", DateTime, nullable=False),
    Column("summary", Text),  # plain-text preview
    Column("content_html", Text),  # sanitised
    Column("content_text", Text),
    Column("image_url", String(2048)),
    Column("site_name", Text),
    Column("language", String(16)),
    Column("content_hash", String(64)),
    Column("word_count", Integer, nullable=False, default=0),
    Column("duplicate_of", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("extraction_error", Text),
    # enrichment (migration 0003)
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL")),
    Column("duplicate_score", Float),
    Column("category", String(32)),
    Column("keywords", Text),  # comma-separated
    Column("ai_json", Text),  # {"summary": [...], "key_points": [...]}: sentences with offsets
    Column("enriched_at", DateTime),
    Column("enrich_error", Text),
    Column("comment_count", Integer, nullable=False, default=0),  # migration 0004
    UniqueConstraint("source_id", "guid", name="uq_articles_source_guid"),
    Index("ix_articles_published", "published_at", "id"),
    Index("ix_articles_source_published", "source_id", "published_at"),
    Index("ix_articles_content_hash", "content_hash"),
)
# partial: a plain index would tempt SQLite to use it for `duplicate_of IS NULL` on the home page
Index("ix_articles_duplicate_of", articles.c.duplicate_of, sqlite_where=articles.c.duplicate_of.isnot(None),
      postgresql_where=articles.c.duplicate_of.isnot(None))


entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # person | organisation | country | place
)

article_entities = Table(
    "article_entities", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("mentions", Integer, nullable=False, default=1),
    Index("ix_article_entities_entity", "entity_id", "article_id"),
)

timeline_events = Table(
    "timeline_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("precision", String(8), nullable=False),  # decade | year | month | day
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_timeline_article", "article_id"),
    Index("ix_timeline_date", "event_date"),
)

article_vectors = Table(
    "article_vectors", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("model", String(32), nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float32, L2-normalised
)


from . import schema_readers  # noqa: E402,F401  (readers' tables join the same metadata)
