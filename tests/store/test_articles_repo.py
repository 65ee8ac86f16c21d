from datetime import datetime, timedelta

from broadsheet.dedupe.fingerprint import content_hash
from broadsheet.model import ArticleRecord

BODY = ("The harbour authority in Port Ellery confirmed on Tuesday that crane operators would return to work after "
        "a three-day stoppage over night-shift pay, ending the longest strike at the terminal since 2019.")


def rec(i, text=BODY, title=None, guid=None, url=None):
    url = url or f"https://ledger.test/news/{i}"
    return ArticleRecord(url=url, canonical_url=url, guid=guid, title=title or f"Story {i}",
                         published_at=datetime(2026, 3, 1) + timedelta(hours=i), content_text=text,
                         content_html=f"<p>{text}</p>", content_hash=content_hash(text), word_count=len(text.split()))


def test_saving_twice_stores_once(store):
    src = store.sources.add("https://ledger.test/feed", "feed")
    items = [rec(i, text=f"{BODY} Item {i}.") for i in range(5)]
    assert store.articles.save(src["id"], items) == (5, 0)
    assert store.articles.save(src["id"], items) == (0, 0)
    assert store.articles.count() == 5


def test_changed_article_is_updated_not_duplicated(store):
    src = store.sources.add("https://ledger.test/feed", "feed")
    store.articles.save(src["id"], [rec(1, guid="g1")])
    changed = rec(1, text=BODY + " Talks resume on Friday.", guid="g1")
    assert store.articles.save(src["id"], [changed]) == (0, 1)
    [only] = store.articles.latest(10)
    assert "Friday" in store.articles.get(only["id"])["content_text"]


def test_same_guid_with_new_url_is_the_same_article(store):
    src = store.sources.add("https://ledger.test/feed", "feed")
    store.articles.save(src["id"], [rec(1, guid="tag:ledger,1")])
    moved = rec(1, guid="tag:ledger,1", url="https://ledger.test/news/1-renamed", text=BODY + " Updated.")
    assert store.articles.save(src["id"], [moved]) == (0, 1)
    assert store.articles.count() == 1


def test_same_text_elsewhere_is_marked_duplicate_and_hidden_from_lists(store):
    a = store.sources.add("https://ledger.test/feed", "feed")
    b = store.sources.add("https://aggregate.test/feed", "feed")
    store.articles.save(a["id"], [rec(1)])
    store.articles.save(b["id"], [rec(2, url="https://aggregate.test/r/77")])
    listed = store.articles.latest(10)
    assert [r["url"] for r in listed] == ["https://ledger.test/news/1"]
    copies = store.articles.copies(listed[0]["id"])
    assert [c["url"] for c in copies] == ["https://aggregate.test/r/77"]


def test_search_ranks_and_highlights(store):
    src = store.sources.add("https://ledger.test/feed", "feed")
    store.articles.save(src["id"], [
        rec(1, title="Crane operators end strike", text=BODY),
        rec(2, title="Weather", text="Rain is expected across the valley with crane-free skies and mild winds "
                                     "over the weekend, forecasters said, before colder air arrives on Monday."),
        rec(3, title="Budget", text="The council approved its budget after a long debate about libraries, parks "
                                    "and road repairs in the northern districts of the city on Thursday night."),
    ])
    hits, total = store.articles.search("crane", 10)
    assert total == 2
    assert hits[0]["title"] == "Crane operators end strike"
    assert "<mark>" in str(hits[0]["snippet"]).lower()
    assert store.articles.search("libraries", 10)[1] == 1
    assert store.articles.search("", 10) == ([], 0)


def test_search_snippet_escapes_markup_from_text(store):
    src = store.sources.add("https://ledger.test/feed", "feed")
    text = BODY + " <script>alert(1)</script> harbour"
    store.articles.save(src["id"], [rec(1, text=text)])
    [hit], _ = store.articles.search("harbour", 10)
    assert "<script>" not in str(hit["snippet"])


def test_latest_paginates_newest_first(store):
    src = store.sources.add("https://ledger.test/feed", "feed")
    store.articles.save(src["id"], [rec(i, text=f"{BODY} Number {i}.") for i in range(7)])
    first = store.articles.latest(3)
    second = store.articles.latest(3, offset=3)
    assert [r["title"] for r in first] == ["Story 6", "Story 5", "Story 4"]
    assert [r["title"] for r in second] == ["Story 3", "Story 2", "Story 1"]
    assert first[0]["source_title"] is None and first[0]["source_id"] == src["id"]
