"""Enrichment: stories (clusters), entities, timeline events, per-article AI fields and stored vectors.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("lead_article_id", sa.Integer),
        sa.Column("first_published_at", sa.DateTime, nullable=False),
        sa.Column("last_published_at", sa.DateTime, nullable=False),
        sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("source_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("category", sa.String(32)),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_stories_last_published", "stories", ["last_published_at", "id"])
    # Plain ADD COLUMN (no batch copy): recreating `articles` on SQLite would drop its full-text triggers.
    if op.get_bind().dialect.name == "sqlite":  # SQLite takes REFERENCES in ADD COLUMN, but not via Alembic
        op.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL")
    else:
        op.add_column("articles", sa.Column("story_id", sa.Integer,
                                            sa.ForeignKey("stories.id", ondelete="SET NULL")))
    for column in (sa.Column("duplicate_score", sa.Float), sa.Column("category", sa.String(32)),
                   sa.Column("keywords", sa.Text), sa.Column("ai_json", sa.Text),  # summary + key points, JSON
                   sa.Column("enriched_at", sa.DateTime), sa.Column("enrich_error", sa.Text)):
        op.add_column("articles", column)
    op.create_index("ix_articles_story", "articles", ["story_id", "published_at"])
    op.create_index("ix_articles_category", "articles", ["category", "published_at"])
    op.create_index("ix_articles_enriched", "articles", ["enriched_at"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),  # person | organisation | country | place
    )
    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("mentions", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_index("ix_article_entities_entity", "article_entities", ["entity_id", "article_id"])
    op.create_table(
        "timeline_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("precision", sa.String(8), nullable=False),  # decade | year | month | day
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_timeline_article", "timeline_events", ["article_id"])
    op.create_index("ix_timeline_date", "timeline_events", ["event_date"])
    op.create_table(
        "article_vectors",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("model", sa.String(32), nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),  # float32, L2-normalised
    )


def downgrade():
    op.drop_table("article_vectors")
    op.drop_table("timeline_events")
    op.drop_table("article_entities")
    op.drop_table("entities")
    for name in ("ix_articles_enriched", "ix_articles_category", "ix_articles_story"):
        op.drop_index(name, "articles")
    for col in ("enrich_error", "enriched_at", "ai_json", "keywords", "category", "duplicate_score", "story_id"):
        op.drop_column("articles", col)
    op.drop_table("stories")
