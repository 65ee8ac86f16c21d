"""Partial index on articles.duplicate_of: 'also published by' without slowing `duplicate_of IS NULL` lists.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    where = sa.text("duplicate_of IS NOT NULL")
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"], sqlite_where=where,
                    postgresql_where=where)


def downgrade():
    op.drop_index("ix_articles_duplicate_of", "articles")
