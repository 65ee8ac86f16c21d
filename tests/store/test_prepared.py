"""Prepared reads (database.Prepared via Database.rows): the same rows as SQLAlchemy's own execution, on both
databases, and never a stale view of what has been written."""
from datetime import datetime, timedelta

from sqlalchemy import select

from broadsheet.dedupe.fingerprint import content_hash
from broadsheet.model import ArticleRecord
from broadsheet.store import articles_repo, sources_repo
from broadsheet.store.schema import articles


def rec(i, text=None, **values):
    text = text or f"Story number {i} about the harbour, the ferry and the union, told in full."
    url = f"https://ledger.test/news/{i}"
    return ArticleRecord(url=url, canonical_url=url, guid=f"g{i}", title=f"Story {i} – “quoted” é",
                         published_at=datetime(2026, 3, 1, 8, 30, 15) + timedelta(hours=i), content_text=text,
                         content_html=f"<p>{text}</p>", content_hash=content_hash(text), word_count=len(text.split()),
                         **values)


def _via_sqlalchemy(store, prepared, **params):
    with store.db.read() as conn:
        return [dict(r) for r in conn.execute(prepared.stmt, params).mappings()]


def _seed(store):
    one = store.sources.add("https://ledger.test/feed", "feed", title="Ledger", site_url="https://ledger.test/")
    two = store.sources.add("https://other.test/feed", "feed")  # no title, no site: NULLs come back as None
    store.sources.update(two["id"], paused=True)
    shared = "One agency story printed word for word by two papers, with the same text in both of them. " * 3
    store.articles.save(one["id"], [rec(1, authors=["Ann", "Bo"], image_url="https://img.test/1.jpg"),
                                    rec(2, text=shared), rec(3)])
    store.articles.save(two["id"], [rec(4, text=shared), rec(5, extraction_error="Timed out")])
    return one, two


def test_prepared_reads_match_sqlalchemy(store):
    one, two = _seed(store)
    ids = [r["id"] for r in _via_sqlalchemy(store, articles_repo.LATEST[False, True], limit=10, offset=0)]
    assert len(ids) == 5
    for article_id in ids:
        for prepared in (articles_repo.GET, articles_repo.GET_WITH_COPIES_FLAG, articles_repo.COPIES):
            assert store.db.rows(prepared, id=article_id) == _via_sqlalchemy(store, prepared, id=article_id)
    for (by_source, dups), prepared in articles_repo.LATEST.items():
        for limit, offset in ((10, 0), (2, 1), (3, 10)):
            params = {"limit": limit, "offset": offset, **({"source_id": one["id"]} if by_source else {})}
            assert store.db.rows(prepared, **params) == _via_sqlalchemy(store, prepared, **params)
    for some in (ids, ids[1:3], [ids[0], 424242], []):  # IN (…): one placeholder per value
        assert store.db.rows(articles_repo.BY_IDS, ids=some) == _via_sqlalchemy(store, articles_repo.BY_IDS, ids=some)
    for source in (one, two):
        assert store.db.rows(sources_repo.GET, id=source["id"]) == _via_sqlalchemy(store, sources_repo.GET,
                                                                                  id=source["id"])
    row = store.articles.get(ids[0])
    assert isinstance(row["published_at"], datetime) and isinstance(row["fetched_at"], datetime)
    assert store.sources.get(two["id"])["paused"] is True and store.sources.get(one["id"])["paused"] is False


def test_article_with_the_other_copies_of_its_text(store):
    one, two = _seed(store)
    first, copy = (r["id"] for r in sorted(store.articles.latest(10, include_duplicates=True),
                                           key=lambda r: r["id"]) if r["title"].startswith(("Story 2 ", "Story 4 ")))
    article, others = store.articles.get_with_others(first)
    assert "has_copies" not in article and article == store.articles.get(first)
    assert [o["id"] for o in others] == [copy]
    article, others = store.articles.get_with_others(copy)
    assert article["duplicate_of"] == first and [o["id"] for o in others] == [first]
    lone = next(r["id"] for r in store.articles.latest(10) if r["title"].startswith("Story 3 "))
    assert store.articles.get_with_others(lone)[1] == []


def test_prepared_reads_see_each_commit_at_once(store):
    one, _ = _seed(store)
    before = store.articles.latest(10)
    store.articles.save(one["id"], [rec(50)])
    assert len(store.articles.latest(10)) == len(before) + 1
    with store.db.write() as conn:
        conn.execute(articles.delete().where(articles.c.id.in_(select(articles.c.id).where(
            articles.c.canonical_url == "https://ledger.test/news/50"))))
    assert store.articles.latest(10) == before


def test_missing_rows_and_closing(store):
    assert store.db.first(articles_repo.GET, id=424242) is None
    _seed(store)
    assert store.articles.latest(1)
    store.close()  # closes the driver connections kept for prepared reads too
    assert store.db._idle == []
