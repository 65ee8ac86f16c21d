"""Readers' tables (migration 0004): accounts, sessions, API keys, invites, per-user categories, subscriptions and
follows, read/saved state, comments and their flags, rate-limit hits. Same metadata as ``schema.py``."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from .schema import metadata


def _fk(target: str, ondelete: str = "CASCADE") -> ForeignKey:
    return ForeignKey(target, ondelete=ondelete)


users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False),
    Column("username_key", String(64), nullable=False, unique=True),  # lower-cased
    Column("password_hash", Text, nullable=False),  # argon2id
    Column("role", String(16), nullable=False, default="reader"),  # admin | moderator | reader
    Column("feed_token", String(64), nullable=False, unique=True),
    Column("muted_keywords", Text),  # one per line
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_login_at", DateTime),
)

user_sessions = Table(
    "user_sessions", metadata,
    Column("id", String(64), primary_key=True),  # sha256 hex of the cookie's token
    Column("user_id", Integer, _fk("users.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Index("ix_user_sessions_user", "user_id"),
)

api_keys = Table(
    "api_keys", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, _fk("users.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False, default="api"),  # api | greader
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 hex of the key
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
    Index("ix_api_keys_user", "user_id"),
)

invites = Table(
    "invites", metadata,
    Column("code", String(64), primary_key=True),
    Column("created_by", Integer, _fk("users.id", "SET NULL")),
    Column("created_at", DateTime, nullable=False),
    Column("used_by", Integer, _fk("users.id", "SET NULL")),
    Column("used_at", DateTime),
)

categories = Table(
    "categories", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, _fk("users.id"), nullable=False),
    Column("title", Text, nullable=False),
    UniqueConstraint("user_id", "title", name="uq_categories_user_title"),
)

subscriptions = Table(
    "subscriptions", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, _fk("users.id"), nullable=False),
    Column("source_id", Integer, _fk("sources.id"), nullable=False),
    Column("category_id", Integer, _fk("categories.id", "SET NULL")),
    Column("title", Text),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("user_id", "source_id", name="uq_subscriptions_user_source"),
    Index("ix_subscriptions_source", "source_id"),
)

follows = Table(
    "follows", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, _fk("users.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # topic | entity | keyword
    Column("key", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("user_id", "kind", "key", name="uq_follows_user_kind_key"),
)

article_states = Table(
    "article_states", metadata,
    Column("user_id", Integer, _fk("users.id"), primary_key=True),
    Column("article_id", Integer, _fk("articles.id"), primary_key=True),
    Column("read", Boolean, nullable=False, default=False),
    Column("saved", Boolean, nullable=False, default=False),
    Column("read_at", DateTime),
    Column("saved_at", DateTime),
    Index("ix_article_states_saved", "user_id", "saved", "saved_at"),
    Index("ix_article_states_article", "article_id"),
)

comments = Table(
    "comments", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, _fk("users.id"), nullable=False),
    Column("article_id", Integer, _fk("articles.id")),
    Column("story_id", Integer, _fk("stories.id")),
    Column("parent_id", Integer, _fk("comments.id")),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("edited_at", DateTime),
    Column("deleted_at", DateTime),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("hidden_by", Integer, _fk("users.id", "SET NULL")),
    Column("flag_count", Integer, nullable=False, default=0),
    Index("ix_comments_article", "article_id", "created_at"),
    Index("ix_comments_story", "story_id", "created_at"),
    Index("ix_comments_user", "user_id", "created_at"),
)

comment_flags = Table(
    "comment_flags", metadata,
    Column("comment_id", Integer, _fk("comments.id"), primary_key=True),
    Column("user_id", Integer, _fk("users.id"), primary_key=True),
    Column("reason", Text),
    Column("created_at", DateTime, nullable=False),
)

rate_limit_hits = Table(
    "rate_limit_hits", metadata,
    Column("id", Integer, primary_key=True),
    Column("bucket", String(200), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_rate_limit_hits_bucket", "bucket", "at"),
)
