"""PostgreSQL specifics: full-text search on the generated tsvector column, ts_rank_cd and ts_headline snippets."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from .search_text import COUNT_CAP, MARK_END, MARK_START, RANK_WINDOW, SearchQuery


def _tsquery(q: SearchQuery) -> str:
    # each phrase becomes word <-> word; phrases are ANDed. Only \w+ words reach here (see SearchQuery.parse).
    return " & ".join("(" + " <-> ".join(p.split()) + ")" for p in q.phrases)


class PostgresSearch:
    """ts_rank_cd (headline weighs most, length-normalised) among the newest RANK_WINDOW matches; ts_headline
    snippets only for the page shown; counts are capped."""

    def search(self, conn: Connection, q: SearchQuery, limit: int, offset: int) -> list[dict]:
        sql = text(
            "WITH query AS (SELECT to_tsquery('english', :q) AS query), "
            "candidates AS (SELECT a.id FROM articles a, query WHERE a.search_vector @@ query.query "
            "  AND a.duplicate_of IS NULL ORDER BY a.id DESC LIMIT :window), "
            "hits AS (SELECT a.id, a.content_text, query.query, "
            "  ts_rank_cd('{0.05, 0.1, 0.2, 1.0}', a.search_vector, query.query, 1) AS score "
            "  FROM articles a JOIN candidates c ON c.id = a.id, query "
            "  ORDER BY score DESC, a.id DESC LIMIT :limit OFFSET :offset) "
            "SELECT id, -score AS rank, ts_headline('english', left(content_text, 20000), query, "
            f"'StartSel={MARK_START},StopSel={MARK_END},MaxWords=40,MinWords=15,MaxFragments=1') AS snippet "
            "FROM hits ORDER BY score DESC, id DESC")
        params = {"q": _tsquery(q), "limit": limit, "offset": offset, "window": max(RANK_WINDOW, offset + limit)}
        return [dict(r._mapping) for r in conn.execute(sql, params)]

    def count(self, conn: Connection, q: SearchQuery, cap: int = COUNT_CAP) -> int:
        sql = text("SELECT count(*) FROM (SELECT 1 FROM articles a WHERE a.search_vector @@ "
                   "to_tsquery('english', :q) AND a.duplicate_of IS NULL LIMIT :cap) hits")
        return conn.execute(sql, {"q": _tsquery(q), "cap": cap}).scalar_one()
