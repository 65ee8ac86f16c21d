"""Readers: accounts, sessions, API keys, invites, per-user categories/subscriptions/follows, read and saved state,
comments with flags, and rate-limit hits.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _fk(target: str, ondelete: str = "CASCADE", **kw) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete=ondelete, **kw)


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("username_key", sa.String(64), nullable=False, unique=True),  # lower-cased: one name, one user
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False, server_default="reader"),  # admin | moderator | reader
        sa.Column("feed_token", sa.String(64), nullable=False, unique=True),  # private feed links (saved items)
        sa.Column("muted_keywords", sa.Text),  # one per line
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_login_at", sa.DateTime),
    )
    op.create_table(
        "user_sessions",
        sa.Column("id", sa.String(64), primary_key=True),  # sha256 of the cookie's token: a stolen table logs no one in
        sa.Column("user_id", sa.Integer, _fk("users.id"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_user_sessions_user", "user_sessions", ["user_id"])
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, _fk("users.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False, server_default="api"),  # api | greader (ClientLogin token)
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),  # sha256 of the key
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_used_at", sa.DateTime),
    )
    op.create_index("ix_api_keys_user", "api_keys", ["user_id"])
    op.create_table(
        "invites",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("created_by", sa.Integer, _fk("users.id", "SET NULL")),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("used_by", sa.Integer, _fk("users.id", "SET NULL")),
        sa.Column("used_at", sa.DateTime),
    )
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, _fk("users.id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.UniqueConstraint("user_id", "title", name="uq_categories_user_title"),
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, _fk("users.id"), nullable=False),
        sa.Column("source_id", sa.Integer, _fk("sources.id"), nullable=False),
        sa.Column("category_id", sa.Integer, _fk("categories.id", "SET NULL")),
        sa.Column("title", sa.Text),  # the user's own name for the feed, if any
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("user_id", "source_id", name="uq_subscriptions_user_source"),
    )
    op.create_index("ix_subscriptions_source", "subscriptions", ["source_id"])
    op.create_table(
        "follows",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, _fk("users.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),  # topic | entity | keyword
        sa.Column("key", sa.String(200), nullable=False),  # category name, entity id, or keyword
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("user_id", "kind", "key", name="uq_follows_user_kind_key"),
    )
    op.create_table(
        "article_states",
        sa.Column("user_id", sa.Integer, _fk("users.id"), primary_key=True),
        sa.Column("article_id", sa.Integer, _fk("articles.id"), primary_key=True),
        sa.Column("read", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("saved", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("read_at", sa.DateTime),
        sa.Column("saved_at", sa.DateTime),
    )
    op.create_index("ix_article_states_saved", "article_states", ["user_id", "saved", "saved_at"])
    op.create_index("ix_article_states_article", "article_states", ["article_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, _fk("users.id"), nullable=False),
        sa.Column("article_id", sa.Integer, _fk("articles.id")),
        sa.Column("story_id", sa.Integer, _fk("stories.id")),
        sa.Column("parent_id", sa.Integer, _fk("comments.id")),
        sa.Column("body", sa.Text, nullable=False),  # what the user typed; rendered through the safe subset only
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("edited_at", sa.DateTime),
        sa.Column("deleted_at", sa.DateTime),  # kept as "[deleted]" while it has replies
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("hidden_by", sa.Integer, _fk("users.id", "SET NULL")),
        sa.Column("flag_count", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_comments_article", "comments", ["article_id", "created_at"])
    op.create_index("ix_comments_story", "comments", ["story_id", "created_at"])
    op.create_index("ix_comments_user", "comments", ["user_id", "created_at"])
    op.create_table(
        "comment_flags",
        sa.Column("comment_id", sa.Integer, _fk("comments.id"), primary_key=True),
        sa.Column("user_id", sa.Integer, _fk("users.id"), primary_key=True),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "rate_limit_hits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("bucket", sa.String(200), nullable=False),  # e.g. "login:ip:127.0.0.1", "comment:user:3"
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_rate_limit_hits_bucket", "rate_limit_hits", ["bucket", "at"])
    # Comment counts on lists without a query per card (kept by the comments repository).
    op.add_column("articles", sa.Column("comment_count", sa.Integer, nullable=False, server_default="0"))
    op.add_column("stories", sa.Column("comment_count", sa.Integer, nullable=False, server_default="0"))


def downgrade():
    op.drop_column("stories", "comment_count")
    op.drop_column("articles", "comment_count")
    for table in ("rate_limit_hits", "comment_flags", "comments", "article_states", "follows", "subscriptions",
                  "categories", "invites", "api_keys", "user_sessions", "users"):
        op.drop_table(table)
