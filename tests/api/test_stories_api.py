"""GET /api/v1/stories and /stories/{id}: stories newest first (paged), one story's articles, outlets, cited
summary and key points, timeline and entities; errors in the one shape. Both databases."""
from __future__ import annotations

from tests.enrich.corpus import ITEMS
from tests.web.enriched import VELMORA, world  # noqa: F401

TEXTS = {i.slug: "\n\n".join(i.paragraphs) for i in ITEMS}


def test_stories_are_listed_newest_development_first_and_paged(world):  # noqa: F811
    body = world.client.get("/api/v1/stories", params={"min_sources": 2}).json()
    titles = [s["title"] for s in body["items"]]
    assert titles == ["Earthquake hits Kestrel Harbour, fishing fleet damaged",
                      "Aldana wins Marivia presidential run-off", "Magnitude 6.1 earthquake shakes Velmora"]
    first = body["items"][0]
    assert first["source_count"] == 3 and first["article_count"] == 2 and first["lead_source_title"] == "Harbour Ledger"
    assert first["last_published_at"].endswith("Z") and body["next_offset"] is None
    page = world.client.get("/api/v1/stories", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2
    rest = world.client.get("/api/v1/stories", params={"limit": 2, "offset": 2}).json()
    everything = [s["id"] for s in page["items"] + rest["items"]]
    assert len(everything) == len(set(everything)) >= 4  # single-outlet stories too, without min_sources


def test_one_story_with_cited_sentences(world):  # noqa: F811
    story_id = world.story_of("velmora-quake")
    body = world.client.get(f"/api/v1/stories/{story_id}").json()
    assert body["title"] == "Magnitude 6.1 earthquake shakes Velmora" and body["source_count"] == 3
    assert [a["id"] for a in body["articles"]] == [world.ids[s] for s in VELMORA]
    assert [o["title"] for o in body["outlets"]] == ["Harbour Ledger", "Valley Courier", "Meridian Wire"]
    slug_of = {v: k for k, v in world.ids.items()}
    assert len(body["summary"]) == 3 and body["key_points"]
    for c in body["summary"] + body["key_points"]:
        assert TEXTS[slug_of[c["article_id"]]][c["start"]:c["end"]] == c["text"]
    assert body["timeline"][0]["date"] == "1902-01-01" and body["timeline"][0]["precision"] == "year"
    assert body["entities"][0]["name"] == "Ilse Brandt" and body["entities"][0]["kind"] == "person"


def test_story_errors(world):  # noqa: F811
    res = world.client.get("/api/v1/stories/31337")
    assert res.status_code == 404
    assert res.json() == {"error": {"code": "story_not_found", "message": "No story with id 31337", "status": 404,
                                    "detail": None}}
    bad = world.client.get("/api/v1/stories", params={"limit": 0})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_input"
    assert world.client.get("/api/v1/stories/x").json()["error"]["code"] == "invalid_input"


def test_an_article_says_its_story_category_keywords_and_quoted_points(world):  # noqa: F811
    body = world.client.get(f"/api/v1/articles/{world.ids['velmora-quake']}").json()
    assert body["story_id"] == world.story_of("velmora-quake") and body["category"]
    assert "clock tower" in body["keywords"]
    assert len(body["ai"]["summary"]) == 3 and 3 <= len(body["ai"]["key_points"]) <= 5
    for s in body["ai"]["summary"] + body["ai"]["key_points"]:
        assert body["content_text"][s["start"]:s["end"]] == s["text"]


def test_an_article_not_enriched_has_no_ai_fields(client, store):
    from tests.web.seeding import add_source, record, seed
    [article_id] = seed(store, add_source(store), record("plain"))
    body = client.get(f"/api/v1/articles/{article_id}").json()
    assert body["story_id"] is None and body["keywords"] == [] and body["ai"] is None
