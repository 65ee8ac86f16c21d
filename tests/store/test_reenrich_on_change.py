"""An article whose text changes when it is fetched again is enriched again (its enriched_at is cleared), with
summary and key points from the new text; a refetch with the same text keeps its enrichment."""
import json

from broadsheet.config import Settings
from broadsheet.enrich.service import enrich_service

from .test_articles_repo import BODY, rec

CORRECTION = ("The harbour authority in Port Ellery corrected its statement on Wednesday: crane operators will "
              "return on Monday, not Thursday, after talks over night-shift pay resumed at the terminal.")


def test_changed_text_is_enriched_again(store):
    settings = Settings(database_url=store.db.url, embedder="tfidf")
    svc = enrich_service(settings, store)
    src = store.sources.add("https://ledger.test/feed", "feed")
    store.articles.save(src["id"], [rec(1, guid="g1")])
    [row] = store.articles.latest(10)
    assert svc.enrich_pending().enriched == 1
    first = store.articles.get(row["id"])
    assert first["enriched_at"] is not None and "crane operators would return" in first["ai_json"]

    assert store.articles.save(src["id"], [rec(1, guid="g1", title="Port strike ends")]) == (0, 1)
    assert store.articles.get(row["id"])["enriched_at"] == first["enriched_at"], "same text: still enriched"
    assert svc.pending_count() == 0

    assert store.articles.save(src["id"], [rec(1, text=CORRECTION, guid="g1")]) == (0, 1)
    assert store.articles.get(row["id"])["enriched_at"] is None
    assert svc.pending_count() == 1
    assert svc.enrich_pending().enriched == 1
    again = store.articles.get(row["id"])
    assert again["enriched_at"] is not None
    quoted = [s["text"] for s in json.loads(again["ai_json"])["summary"]]
    assert quoted and all(q in CORRECTION for q in quoted) and not any(q in BODY for q in quoted)


def test_a_story_member_with_new_text_is_enriched_again_in_its_story(store):
    from tests.enrich.corpus import by_slug
    from tests.web.enriched import build
    from tests.web.seeding import record

    ctx, ids, sources = build(store)
    item = by_slug("velmora-quake")
    before = store.articles.get(ids[item.slug])
    added = "Mayor Ilse Brandt said on Thursday that the market hall would reopen next week."
    text = "\n\n".join(item.paragraphs) + "\n\n" + added
    assert store.articles.save(sources["ledger"]["id"], [record(item.slug, hours_ago=item.hours_ago, title=item.title,
                                                                text=text, url=before["url"])]) == (0, 1)
    svc = enrich_service(ctx.settings, store)
    assert svc.pending_count() == 1 and svc.enrich_pending().enriched == 1
    after = store.articles.get(ids[item.slug])
    assert after["story_id"] == before["story_id"] and after["enriched_at"] is not None
    assert store.stories.get(after["story_id"])["source_count"] == 3
    ai = json.loads(after["ai_json"])
    assert all(text[s["start"]:s["end"]] == s["text"] for s in ai["summary"] + ai["key_points"])
    ctx.pipeline.close()
