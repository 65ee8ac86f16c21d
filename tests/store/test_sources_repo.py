from datetime import timedelta

import pytest

from broadsheet.errors import Conflict, FetchError, NotFound
from broadsheet.model import ArticleRecord
from broadsheet.store.clock import utcnow


def test_add_twice_is_a_conflict(store):
    store.sources.add("https://ledger.test/feed", "feed", title="Ledger")
    with pytest.raises(Conflict):
        store.sources.add("https://ledger.test/feed", "feed")
    assert store.sources.count() == 1


def test_errors_are_recorded_and_back_off(store):
    src = store.sources.add("https://ledger.test/feed", "feed")
    hour = timedelta(hours=1)
    first = store.sources.record_error(src["id"], FetchError("HTTP 503 Service Unavailable"), hour)
    second = store.sources.record_error(src["id"], FetchError("HTTP 503 Service Unavailable"), hour)
    assert second["error_count"] == 2 and second["last_error"] == "HTTP 503 Service Unavailable"
    assert second["last_error_code"] == "fetch_failed"
    assert second["next_fetch_at"] - second["last_fetched_at"] == 2 * hour
    assert first["next_fetch_at"] - first["last_fetched_at"] == hour
    assert store.sources.due() == []
    store.sources.record_success(src["id"], hour)
    healed = store.sources.get(src["id"])
    assert healed["error_count"] == 0 and healed["last_error"] is None


def test_due_skips_paused_and_future(store):
    a = store.sources.add("https://a.test/feed", "feed")
    b = store.sources.add("https://b.test/feed", "feed")
    c = store.sources.add("https://c.test/feed", "feed")
    store.sources.update(b["id"], paused=True)
    store.sources.update(c["id"], next_fetch_at=utcnow() + timedelta(hours=2))
    assert [s["id"] for s in store.sources.due()] == [a["id"]]


def test_delete_removes_its_articles_only(store):
    a = store.sources.add("https://a.test/feed", "feed")
    b = store.sources.add("https://b.test/feed", "feed")
    for src in (a, b):
        url = f"{src['url']}/1"
        store.articles.save(src["id"], [ArticleRecord(url=url, canonical_url=url, title="t", published_at=utcnow())])
    store.sources.delete(a["id"])
    assert store.articles.count() == 1
    with pytest.raises(NotFound):
        store.sources.get(a["id"])
    assert [s["id"] for s in store.sources.list()] == [b["id"]]
    assert store.sources.list()[0]["article_count"] == 1
