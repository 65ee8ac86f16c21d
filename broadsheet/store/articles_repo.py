"""Articles: idempotent saving (canonical URL, feed guid and content hash), listing, reading and search."""
from __future__ import annotations

from sqlalchemy import and_, bindparam, exists, func, or_, select

from ..errors import NotFound
from ..model import ArticleRecord
from .clock import utcnow
from .database import Database, Prepared
from .schema import articles, sources
from .search_text import COUNT_CAP, SearchQuery, snippet_markup

LIST_COLUMNS = [articles.c.id, articles.c.source_id, articles.c.url, articles.c.canonical_url, articles.c.title,
                articles.c.authors, articles.c.published_at, articles.c.summary, articles.c.image_url,
                articles.c.site_name, articles.c.word_count, articles.c.duplicate_of, articles.c.comment_count,
                sources.c.title.label("source_title"), sources.c.site_url.label("source_site_url")]

# The reader's hot reads, built once (see database.Prepared).
_ARTICLE_COLUMNS = [articles, sources.c.title.label("source_title"), sources.c.site_url.label("source_site_url"),
                    sources.c.url.label("source_url")]
_copy = articles.alias("copy")
_HAS_COPIES = exists().where(_copy.c.duplicate_of == articles.c.id).label("has_copies")  # the partial index


def _article(*extra):
    return Prepared(select(*_ARTICLE_COLUMNS, *extra).join(sources, sources.c.id == articles.c.source_id)
                    .where(articles.c.id == bindparam("id")))


def _latest(by_source: bool, include_duplicates: bool) -> Prepared:
    q = select(*LIST_COLUMNS).join(sources, sources.c.id == articles.c.source_id)
    if by_source:
        q = q.where(articles.c.source_id == bindparam("source_id"))
    if not include_duplicates:
        q = q.where(articles.c.duplicate_of.is_(None))
    return Prepared(q.order_by(articles.c.published_at.desc(), articles.c.id.desc())
                    .limit(bindparam("limit")).offset(bindparam("offset")))


GET = _article()
GET_WITH_COPIES_FLAG = _article(_HAS_COPIES)
LATEST = {(by_source, dups): _latest(by_source, dups) for by_source in (False, True) for dups in (False, True)}
COPIES = Prepared(select(*LIST_COLUMNS).join(sources, sources.c.id == articles.c.source_id)
                  .where(articles.c.duplicate_of == bindparam("id")).order_by(articles.c.published_at))
BY_IDS = Prepared(select(*LIST_COLUMNS).join(sources, sources.c.id == articles.c.source_id)
                  .where(articles.c.id.in_(bindparam("ids", expanding=True))))


class ArticleRepo:
    def __init__(self, db: Database):
        self.db = db

    def known(self, source_id: int, canonical_urls: list[str], guids: list[str]) -> set[str]:
        """Which of these canonical URLs or guids are stored and complete (their pages need no fetching again).

        Articles whose page could not be read last time (``extraction_error``) are not counted, so they are retried.
        """
        found: set[str] = set()
        with self.db.read() as conn:
            for chunk in _chunks(list(set(canonical_urls))):
                found.update(conn.execute(select(articles.c.canonical_url)
                                          .where(articles.c.canonical_url.in_(chunk))
                                          .where(articles.c.extraction_error.is_(None))).scalars())
            for chunk in _chunks([g for g in set(guids) if g]):
                found.update(conn.execute(select(articles.c.guid).where(articles.c.source_id == source_id)
                                          .where(articles.c.guid.in_(chunk))
                                          .where(articles.c.extraction_error.is_(None))).scalars())
        return found

    def save(self, source_id: int, records: list[ArticleRecord],
             source_update: dict | None = None) -> tuple[int, int]:
        """Insert new articles and refresh changed ones in one transaction. Returns (inserted, updated).

        An article is the same when its canonical URL matches, or its guid matches within the source. A different
        URL carrying the same text (content hash) is stored but marked ``duplicate_of`` the first copy.
        New rows are inserted in batches (one executemany), in the order given. ``source_update``: columns of the
        source row to set in the same transaction (``SourceRepo.success_values``: one commit per refresh).
        """
        inserted = updated = 0
        now = utcnow()
        with self.db.write() as conn:
            by_url, by_guid, by_hash = self._existing(conn, source_id, records)
            seen: set[str] = set()
            pending: list[dict] = []  # new rows not inserted yet
            first_of_hash: dict[str, str] = {}  # content hash → canonical URL of the new row that is its first copy

            def flush() -> None:
                if pending:
                    conn.execute(articles.insert(), pending)
                    pending.clear()

            for rec in records:
                if rec.canonical_url in seen:
                    continue
                seen.add(rec.canonical_url)
                values = _row(rec)
                old = by_url.get(rec.canonical_url) or (rec.guid and by_guid.get(rec.guid))
                if old:
                    if old["content_hash"] != rec.content_hash or old["title"] != rec.title:
                        values.pop("canonical_url") if old["canonical_url"] != rec.canonical_url else None
                        if old["content_hash"] != rec.content_hash:  # new text: enrich it again
                            values["enriched_at"] = None
                        conn.execute(articles.update().where(articles.c.id == old["id"]).values(**values))
                        updated += 1
                    continue
                first = by_hash.get(rec.content_hash) if rec.content_hash else None
                if first is None and rec.content_hash in first_of_hash:  # a copy of a row of this batch: its id
                    flush()
                    first = by_hash[rec.content_hash] = {"id": conn.execute(
                        select(articles.c.id).where(articles.c.canonical_url == first_of_hash[rec.content_hash])
                    ).scalar_one()}
                values.update(source_id=source_id, fetched_at=now, duplicate_of=first["id"] if first else None)
                pending.append(values)
                if rec.content_hash and not first:
                    first_of_hash[rec.content_hash] = rec.canonical_url
                inserted += 1
            flush()
            if source_update and not conn.execute(
                    sources.update().where(sources.c.id == source_id).values(**source_update)).rowcount:
                raise NotFound(f"No source with id {source_id}", code="source_not_found")  # rolls it all back
        return inserted, updated

    def _existing(self, conn, source_id, records):
        """The stored articles these records may be: by canonical URL, by guid within the source, and the first
        copy (lowest id) of each content hash. One query per chunk of records (each condition has its index)."""
        cols = [articles.c.id, articles.c.canonical_url, articles.c.guid, articles.c.content_hash, articles.c.title,
                articles.c.source_id, articles.c.duplicate_of]
        found: dict[int, dict] = {}
        for chunk in _chunks(records):
            urls = {r.canonical_url for r in chunk}
            guids = {r.guid for r in chunk if r.guid}
            hashes = {r.content_hash for r in chunk if r.content_hash}
            where = [articles.c.canonical_url.in_(urls)]
            if guids:
                where.append(and_(articles.c.source_id == source_id, articles.c.guid.in_(guids)))
            if hashes:
                where.append(and_(articles.c.content_hash.in_(hashes), articles.c.duplicate_of.is_(None)))
            for r in conn.execute(select(*cols).where(or_(*where))).mappings():
                found[r["id"]] = r
        urls = {r.canonical_url for r in records}
        guids = {r.guid for r in records if r.guid}
        hashes = {r.content_hash for r in records if r.content_hash}
        by_url, by_guid, by_hash = {}, {}, {}
        for _, r in sorted(found.items()):
            if r["canonical_url"] in urls:
                by_url[r["canonical_url"]] = r
            if r["guid"] in guids and r["source_id"] == source_id:
                by_guid[r["guid"]] = r
            if r["content_hash"] in hashes and r["duplicate_of"] is None:
                by_hash.setdefault(r["content_hash"], r)
        return by_url, by_guid, by_hash

    def get(self, article_id: int) -> dict:
        row = self.db.first(GET, id=article_id)
        if row is None:
            raise NotFound(f"No article with id {article_id}", code="article_not_found")
        return row

    def get_with_others(self, article_id: int) -> tuple[dict, list[dict]]:
        """An article and the other stored copies of its text ('also published by'), oldest first.

        One query when the article has no copies (the usual case): whether it has any comes with the article.
        For a later copy, the others are the first copy and the first copy's other copies.
        """
        row = self.db.first(GET_WITH_COPIES_FLAG, id=article_id)
        if row is None:
            raise NotFound(f"No article with id {article_id}", code="article_not_found")
        has_copies = row.pop("has_copies")
        if row["duplicate_of"]:
            first = self.db.first(GET, id=row["duplicate_of"])
            if first is None:  # removed in the meantime
                return row, []
            return row, [first] + [c for c in self.copies(first["id"]) if c["id"] != article_id]
        return row, self.copies(article_id) if has_copies else []

    def latest(self, limit: int, offset: int = 0, source_id: int | None = None,
               include_duplicates: bool = False) -> list[dict]:
        if source_id is None:
            return self.db.rows(LATEST[False, bool(include_duplicates)], limit=limit, offset=offset)
        return self.db.rows(LATEST[True, bool(include_duplicates)], limit=limit, offset=offset, source_id=source_id)

    def copies(self, article_id: int) -> list[dict]:
        """Other stored copies of the same text (``duplicate_of`` this article): 'also published by'."""
        return self.db.rows(COPIES, id=article_id)

    def count(self, source_id: int | None = None) -> int:
        q = select(func.count()).select_from(articles)
        if source_id is not None:
            q = q.where(articles.c.source_id == source_id)
        with self.db.read() as conn:
            return conn.execute(q).scalar_one()

    def search(self, query: str, limit: int, offset: int = 0) -> tuple[list[dict], int]:
        """Ranked full-text hits (best first), each with a highlighted ``snippet`` (safe Markup), and the total.

        Counting stops at ``COUNT_CAP`` (or just past the requested page), so a total of COUNT_CAP means "at least".
        """
        q = SearchQuery.parse(query)
        if not q:
            return [], 0
        with self.db.read() as conn:
            hits = self.db.search.search(conn, q, limit, offset)
            total = self.db.search.count(conn, q, cap=max(COUNT_CAP, offset + limit + 1))
        if not hits:
            return [], total
        rows = {r["id"]: r for r in self.db.rows(BY_IDS, ids=[h["id"] for h in hits])}
        out = []
        for h in hits:
            row = rows.get(h["id"])
            if row is None:  # removed since the search read the index
                continue
            row["snippet"] = snippet_markup(h["snippet"])
            row["rank"] = h["rank"]
            out.append(row)
        return out, total


def _row(rec: ArticleRecord) -> dict:
    d = dict(vars(rec))  # a shallow copy (asdict deep-copies): the one list, authors, is replaced below
    d["authors"] = ", ".join(a for a in rec.authors if a) or None
    return d


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]
