"""The migrations build exactly the tables and columns that schema.py declares, on both databases."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from broadsheet.store.schema import metadata


def test_migrations_match_the_declared_schema(store):
    with store.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # Tables only the database knows (SQLite's FTS tables, Alembic's version table) are not ours to declare;
    # index details (partial indexes) are compared by the store tests that use them.
    # PostgreSQL's generated search_vector column is the search module's own (store/postgres.py).
    relevant = [d for d in diff if isinstance(d, tuple) and d[0] in ("add_table", "add_column", "remove_column")
                and not (d[0] == "remove_column" and d[3].name == "search_vector")]
    relevant += [d for d in diff if isinstance(d, list) and d and d[0][0] in ("modify_nullable", "modify_type")]
    assert relevant == []
