"""Sources, articles and full-text search (FTS5 on SQLite, tsvector on PostgreSQL).

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, content_text, content='articles', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, content_text) VALUES (new.id, new.title, new.content_text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, content_text) "
    "VALUES ('delete', old.id, old.title, old.content_text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, content_text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, content_text) "
    "VALUES ('delete', old.id, old.title, old.content_text); "
    "INSERT INTO articles_fts(rowid, title, content_text) VALUES (new.id, new.title, new.content_text); END",
]
POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', left(coalesce(content_text, ''), 200000)), 'B')) STORED",
    "CREATE INDEX ix_articles_search ON articles USING gin (search_vector)",
]


def upgrade():
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text), sa.Column("site_url", sa.String(2048)), sa.Column("folder", sa.Text),
        sa.Column("paused", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("etag", sa.Text), sa.Column("last_modified", sa.Text),
        sa.Column("last_fetched_at", sa.DateTime), sa.Column("last_success_at", sa.DateTime),
        sa.Column("next_fetch_at", sa.DateTime), sa.Column("last_error", sa.Text),
        sa.Column("last_error_code", sa.String(64)),
        sa.Column("error_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("canonical_url", sa.String(2048), nullable=False, unique=True),
        sa.Column("guid", sa.String(2048)), sa.Column("title", sa.Text, nullable=False),
        sa.Column("authors", sa.Text),
        sa.Column("published_at", sa.DateTime, nullable=False), sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.Column("summary", sa.Text), sa.Column("content_html", sa.Text), sa.Column("content_text", sa.Text),
        sa.Column("image_url", sa.String(2048)), sa.Column("site_name", sa.Text), sa.Column("language", sa.String(16)),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("word_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL")),
        sa.Column("extraction_error", sa.Text),
        sa.UniqueConstraint("source_id", "guid", name="uq_articles_source_guid"),
    )
    op.create_index("ix_articles_published", "articles", ["published_at", "id"])
    op.create_index("ix_articles_source_published", "articles", ["source_id", "published_at"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    for sql in SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else POSTGRES_FTS:
        op.execute(sql)


def downgrade():
    op.drop_table("articles")
    op.drop_table("sources")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
