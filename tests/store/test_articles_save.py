"""ArticleRepo.save: one lookup query for URLs, guids and content hashes; the source's success in the same
transaction. Both databases (the ``store`` fixture)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from broadsheet.dedupe.fingerprint import content_hash
from broadsheet.errors import NotFound
from broadsheet.model import ArticleRecord

TEXT = ("The ferry company said on Monday that the winter timetable would start a week early because of repairs "
        "to the northern slipway, and that the late crossing would not run until the end of March.")


def rec(i: int, text: str = TEXT, guid: str | None = None, url: str | None = None) -> ArticleRecord:
    url = url or f"https://quay.test/news/{i}"
    return ArticleRecord(url=url, canonical_url=url, guid=guid, title=f"Item {i}",
                         published_at=datetime(2026, 3, 1) + timedelta(hours=i), content_text=text,
                         content_html=f"<p>{text}</p>", content_hash=content_hash(text), word_count=len(text.split()))


def selects(store):
    """A list that collects the SELECT statements run on the store's engine."""
    seen: list[str] = []
    event.listen(store.db.engine, "before_cursor_execute",
                 lambda conn, cursor, sql, *a: seen.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)
    return seen


def test_one_lookup_query_for_a_feed(store):
    src = store.sources.add("https://quay.test/feed", "feed")
    store.articles.save(src["id"], [rec(i, text=f"{TEXT} Note {i}.", guid=f"g{i}") for i in range(40)])
    seen = selects(store)
    again = [rec(i, text=f"{TEXT} Note {i}.", guid=f"g{i}") for i in range(40)]
    assert store.articles.save(src["id"], again) == (0, 0)
    assert len([s for s in seen if "FROM articles" in s]) == 1
    assert store.articles.count() == 40


def test_guids_match_within_their_source_only(store):
    a = store.sources.add("https://quay.test/feed", "feed")
    b = store.sources.add("https://harbour.test/feed", "feed")
    store.articles.save(a["id"], [rec(1, guid="item-1")])
    other = rec(2, guid="item-1", url="https://harbour.test/news/1", text=TEXT + " Elsewhere, a different story.")
    assert store.articles.save(b["id"], [other]) == (1, 0)
    assert store.articles.count() == 2


def test_copies_point_at_the_first_copy_even_when_found_by_url(store):
    a = store.sources.add("https://quay.test/feed", "feed")
    b = store.sources.add("https://harbour.test/feed", "feed")
    store.articles.save(a["id"], [rec(1)])
    first = store.articles.latest(1)[0]["id"]
    copy = rec(2, url="https://harbour.test/r/2")
    assert store.articles.save(b["id"], [copy, rec(3, url="https://harbour.test/r/3")]) == (2, 0)
    # saving again: the copies are found by URL (a duplicate row) and by hash (the first copy) in one query
    assert store.articles.save(b["id"], [copy, rec(4, url="https://harbour.test/r/4")]) == (1, 0)
    rows = store.articles.latest(10, include_duplicates=True)
    assert {r["url"]: r["duplicate_of"] for r in rows} == {
        "https://quay.test/news/1": None, "https://harbour.test/r/2": first, "https://harbour.test/r/3": first,
        "https://harbour.test/r/4": first}


def test_source_success_is_saved_with_the_articles(store):
    src = store.sources.add("https://quay.test/feed", "feed")
    store.sources.record_error(src["id"], NotFound("gone for a while"), timedelta(hours=1))
    values = store.sources.success_values(timedelta(hours=1), etag='"v2"', title="Quay News")
    assert store.articles.save(src["id"], [rec(1)], source_update=values) == (1, 0)
    row = store.sources.get(src["id"])
    assert row["etag"] == '"v2"' and row["title"] == "Quay News"
    assert row["error_count"] == 0 and row["last_error"] is None and row["last_success_at"]


def test_a_vanished_source_stores_nothing(store):
    src = store.sources.add("https://quay.test/feed", "feed")
    store.sources.delete(src["id"])
    with pytest.raises(Exception):  # the foreign key, or the source update finding no row: all rolled back
        store.articles.save(src["id"], [rec(1)], source_update=store.sources.success_values(timedelta(hours=1)))
    assert store.articles.count() == 0
