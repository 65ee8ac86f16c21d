"""SQLite specifics: WAL and pragmas on every connection, FTS5 search with bm25 ranking and highlighted snippets."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine

from .search_text import COUNT_CAP, MARK_END, MARK_START, RANK_WINDOW, SearchQuery


def sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=20,
                           max_overflow=40)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN be the only transaction control
        cur = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000",
                       "cache_size=-65536", "mmap_size=268435456", "temp_store=MEMORY"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Writes take the write lock when they start (BEGIN IMMEDIATE), so they wait their turn (busy_timeout):
        # a deferred transaction that reads and then writes fails at once with "database is locked" when
        # another process committed in between, and no timeout helps it.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("sqlite_write") else "BEGIN")

    return engine


# FTS5's own rank column (bm25 with these weights) lets it sort the matches itself and then position on the rows
# returned only: snippet() (which reads and tokenises the whole text) runs for the page shown, in the same query.
_RANKED = text(
    f"SELECT rowid AS id, rank, snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 28) AS snippet "
    "FROM articles_fts WHERE articles_fts MATCH :q AND rank MATCH 'bm25(8.0, 1.0)' "
    "AND rowid >= coalesce((SELECT rowid FROM articles_fts "
    "  WHERE articles_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :window), 0) "
    "AND rowid NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL) "
    "ORDER BY rank LIMIT :limit OFFSET :offset")
_COUNT = text("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :q "
              "AND rowid NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL) LIMIT :cap)")


def _fts_query(q: SearchQuery) -> str:
    return " ".join('"' + p.replace('"', "") + '"' for p in q.phrases)


class SqliteSearch:
    """bm25 ranking (title weighs 8× the body) among the newest RANK_WINDOW matches, so a word found in most
    articles costs a few milliseconds, not a scan; snippets are made only for the page shown; counts are capped."""

    def search(self, conn: Connection, q: SearchQuery, limit: int, offset: int) -> list[dict]:
        fts = _fts_query(q)
        window = max(RANK_WINDOW, offset + limit) - 1
        top = conn.execute(_RANKED, {"q": fts, "limit": limit, "offset": offset, "window": window})
        return [{"id": r.id, "rank": r.rank, "snippet": r.snippet or ""} for r in top]

    def count(self, conn: Connection, q: SearchQuery, cap: int = COUNT_CAP) -> int:
        return conn.execute(_COUNT, {"q": _fts_query(q), "cap": cap}).scalar_one()
