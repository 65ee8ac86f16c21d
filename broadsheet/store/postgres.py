"""PostgreSQL specifics: full-text search on the generated tsvector column, ts_rank_cd and ts_headline snippets."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from .search_text import MARK_END, MARK_START, SearchQuery


def _tsquery(q: SearchQuery) -> str:
    # each phrase becomes word <-> word; phrases are ANDed. Only \w+ words reach here (see SearchQuery.parse).
    return " & ".join("(" + " <-> ".join(p.split()) + ")" for p in q.phrases)


class PostgresSearch:
    def search(self, conn: Connection, q: SearchQuery, limit: int, offset: int) -> list[dict]:
        sql = text(
            "WITH hits AS (SELECT a.id, a.content_text, ts_rank_cd(a.search_vector, query) AS score, query "
            "FROM articles a, to_tsquery('english', :q) query "
            "WHERE a.search_vector @@ query AND a.duplicate_of IS NULL ORDER BY score DESC, a.id DESC "
            "LIMIT :limit OFFSET :offset) "
            "SELECT id, -score AS rank, ts_headline('english', left(content_text, 20000), query, "
            f"'StartSel={MARK_START},StopSel={MARK_END},MaxWords=40,MinWords=15,MaxFragments=1') AS snippet "
            "FROM hits ORDER BY score DESC, id DESC")
        return [dict(r._mapping) for r in conn.execute(sql, {"q": _tsquery(q), "limit": limit, "offset": offset})]

    def count(self, conn: Connection, q: SearchQuery) -> int:
        sql = text("SELECT count(*) FROM articles a WHERE a.search_vector @@ to_tsquery('english', :q) "
                   "AND a.duplicate_of IS NULL")
        return conn.execute(sql, {"q": _tsquery(q)}).scalar_one()
