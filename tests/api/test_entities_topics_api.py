"""GET /api/v1/entities, /entities/{id}, /topics, /topics/{slug} and /ask: the enrich stage's entities, topics and
answers as JSON. Both databases."""
from __future__ import annotations

from tests.web.enriched import world  # noqa: F401


def test_entities_and_one_entity(world):  # noqa: F811
    body = world.client.get("/api/v1/entities").json()
    assert body["items"][0] == {"id": body["items"][0]["id"], "name": "Lucia Aldana", "kind": "person", "articles": 4}
    brandt = next(e for e in body["items"] if e["name"] == "Ilse Brandt")
    one = world.client.get(f"/api/v1/entities/{brandt['id']}", params={"limit": 2}).json()
    assert one["name"] == "Ilse Brandt" and len(one["articles"]) == 2 and one["next_offset"] == 2
    assert one["articles"][0]["title"] == "Aftershocks rattle Velmora a day after earthquake"
    assert [s["title"] for s in one["stories"]] == ["Magnitude 6.1 earthquake shakes Velmora"]
    assert {t["date"][:4] for t in one["timeline"]} >= {"1902", "1987"}
    assert world.client.get("/api/v1/entities", params={"kind": "country"}).json()["items"] == []
    assert world.client.get("/api/v1/entities", params={"kind": "x"}).status_code == 422


def test_topics_and_one_topic(world):  # noqa: F811
    body = world.client.get("/api/v1/topics").json()
    assert {"slug": "politics", "name": "Politics", "articles": 2} in body["categories"]
    assert any(k["slug"] == "kestrel-harbour" and k["articles"] == 2 for k in body["keywords"])
    topic = world.client.get("/api/v1/topics/politics").json()
    assert topic["kind"] == "category" and [s["title"] for s in topic["stories"]] == \
        ["Aldana wins Marivia presidential run-off"]
    assert {a["title"] for a in topic["articles"]} == {"Aldana wins Marivia presidential run-off",
                                                      "Ostrov concedes as Aldana takes Marivia presidency"}
    res = world.client.get("/api/v1/topics/nothing-here")
    assert res.status_code == 404 and res.json()["error"]["code"] == "topic_not_found"


def test_ask(world):  # noqa: F811
    story_id = world.story_of("velmora-quake")
    body = world.client.get("/api/v1/ask", params={"q": "What did the mayor say?", "story": story_id}).json()
    assert body["found"] and body["scope"] == {"kind": "story", "id": story_id,
                                               "title": "Magnitude 6.1 earthquake shakes Velmora"}
    assert body["answer"] is None and "Ilse Brandt said" in body["citations"][0]["text"]
    c = body["citations"][0]
    assert world.ctx.store.articles.get(c["article_id"])["content_text"][c["start"]:c["end"]] == c["text"]
    nothing = world.client.get("/api/v1/ask", params={"q": "Who won the snooker final?", "story": story_id}).json()
    assert nothing["found"] is False and nothing["citations"] == []
    assert world.client.get("/api/v1/ask").status_code == 422
