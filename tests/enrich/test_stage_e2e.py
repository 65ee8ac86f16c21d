"""The enrich stage end to end: our fictional outlets (tests/enrich/corpus.py) served as RSS by a real local HTTP
server, ingested through the pipeline, enriched by the job the in-process queue runs after each refresh, then
read back through the store, the web pages and the API. Both databases; the TF-IDF embedder (fast)."""
from __future__ import annotations

import json
import time
from datetime import timedelta, timezone
from email.utils import format_datetime
from html import escape

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from broadsheet.config import Settings
from broadsheet.context import build_context
from broadsheet.enrich.service import enrich_service
from broadsheet.store.clock import utcnow
from broadsheet.store.schema import (article_entities, article_vectors, articles, entities, stories,
                                     timeline_events)
from broadsheet.web.app import create_app

from .corpus import ITEMS, OUTLETS

FAIL_TITLE = "Mill Lane bakery to open an hour earlier"


def feed(base: str, outlet: str) -> str:
    items = []
    for it in (i for i in ITEMS if i.outlet == outlet):
        body = "".join(f"<p>{escape(p)}</p>" for p in it.paragraphs)
        published = format_datetime((utcnow() - timedelta(hours=it.hours_ago)).replace(tzinfo=timezone.utc), usegmt=True)
        items.append(f"<item><title>{escape(it.title)}</title><link>{base}/{outlet}/{it.slug}</link>"
                     f"<guid isPermaLink='false'>{outlet}-{it.slug}</guid><pubDate>{published}</pubDate>"
                     f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{OUTLETS[outlet]}</title>'
            f"<link>{base}/{outlet}/</link><description>News</description>{''.join(items)}</channel></rss>")


def failing_step(row, _analysis):
    """A fault in one article's enrichment (the stage runs extra steps after the analysis)."""
    if row["title"] == FAIL_TITLE:
        raise RuntimeError("simulated fault in this article")


def wait_for_queue(queue, timeout=120.0):
    deadline = time.monotonic() + timeout
    while queue.status()["pending"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not queue.status()["pending"], "enrich jobs did not finish"


@pytest.fixture
def world(http_server, store, tmp_path):
    """Every outlet added through the pipeline of a running context; enrichment runs as queued jobs."""
    for outlet in OUTLETS:
        http_server.route(f"/{outlet}/feed.xml", body=feed(http_server.base_url, outlet),
                          headers={"Content-Type": "application/rss+xml"})
    settings = Settings.load(database_url=store.db.url, allow_private_networks=True, per_host_delay=0,
                             fetch_full_text=False, embedder="tfidf", workers=0, page_size=20)
    ctx = build_context(settings, with_queue=True, scheduler=False)
    enrich_service(settings, ctx.store, steps=(failing_step,))
    try:
        for outlet in OUTLETS:
            ctx.pipeline.add(http_server.url(f"/{outlet}/feed.xml"))
        wait_for_queue(ctx.queue)
        yield ctx
    finally:
        ctx.close()


def rows(ctx, *cols, where=None):
    q = select(*cols)
    if where is not None:
        q = q.where(where)
    with ctx.store.db.read() as conn:
        return [r._asdict() for r in conn.execute(q)]


def ids_by_slug(ctx) -> dict[str, int]:
    return {r["url"].rsplit("/", 1)[1]: r["id"] for r in rows(ctx, articles.c.id, articles.c.url)}


def groups(ctx) -> dict[frozenset, dict]:
    """Story rows keyed by the set of article slugs in them."""
    slugs = {v: k for k, v in ids_by_slug(ctx).items()}
    members: dict[int, set] = {}
    for r in rows(ctx, articles.c.id, articles.c.story_id):
        if r["story_id"] is not None:
            members.setdefault(r["story_id"], set()).add(slugs[r["id"]])
    return {frozenset(members.get(s["id"], ())): s for s in rows(ctx, stories)}


def snapshot(ctx) -> dict:
    """Everything enrichment writes, in a comparable form."""
    cols = [articles.c.id, articles.c.story_id, articles.c.duplicate_of, articles.c.duplicate_score,
            articles.c.category, articles.c.keywords, articles.c.ai_json, articles.c.enrich_error]
    return {"articles": sorted(map(str, rows(ctx, *cols))),
            "stories": sorted(str({k: v for k, v in s.items() if k != "updated_at"}) for s in rows(ctx, stories)),
            "entities": sorted(map(str, rows(ctx, entities))),
            "article_entities": sorted(map(str, rows(ctx, article_entities))),
            "timeline": sorted(str({k: v for k, v in t.items() if k != "id"}) for t in rows(ctx, timeline_events)),
            "vectors": sorted((r["article_id"], r["model"], r["vector"]) for r in rows(ctx, article_vectors))}


VELMORA = frozenset({"velmora-quake", "velmora-counts-damage", "velmora-aftershocks"})
KESTREL = frozenset({"kestrel-harbour-quake", "kestrel-quake-wall", "kestrel-harbour-boats-sunk"})
MARIVIA = frozenset({"aldana-wins", "ostrov-concedes", "marivia-markets", "ostrov-concedes-copy"})


def check_groupings(ctx):
    found = groups(ctx)
    assert VELMORA in found and found[VELMORA]["source_count"] == 3 and found[VELMORA]["article_count"] == 3
    assert KESTREL in found, "the other quake of the week is a story of its own"
    assert found[KESTREL]["source_count"] == 3 and found[KESTREL]["article_count"] == 2  # the copy is coverage
    assert MARIVIA in found and found[MARIVIA]["source_count"] == 4
    assert frozenset({"tidal-turbines"}) in found
    velmora = found[VELMORA]
    by_slug = ids_by_slug(ctx)
    assert velmora["lead_article_id"] == by_slug["velmora-quake"]  # first published
    assert velmora["title"] == "Magnitude 6.1 earthquake shakes Velmora"
    assert velmora["first_published_at"] < velmora["last_published_at"]
    assert velmora["category"]


def test_enrich_end_to_end(world):
    ctx = world
    by_slug = ids_by_slug(ctx)
    check_groupings(ctx)

    # near-duplicate across outlets; the exact copy found at storage is kept, scored 1.0
    arts = {r["id"]: r for r in rows(ctx, articles)}
    copy, wire = arts[by_slug["kestrel-harbour-boats-sunk"]], by_slug["kestrel-quake-wall"]
    assert copy["duplicate_of"] == wire and 0.65 <= copy["duplicate_score"] < 1.0
    exact = arts[by_slug["ostrov-concedes-copy"]]
    assert exact["duplicate_of"] == by_slug["ostrov-concedes"] and exact["duplicate_score"] == 1.0
    assert all(a["duplicate_of"] is None for a in arts.values()
               if a["id"] not in (copy["id"], exact["id"]))
    assert not [r for r in rows(ctx, article_vectors.c.article_id) if r["article_id"] in (copy["id"], exact["id"])]

    # one failing article: its error is stored, the others are enriched
    failed = arts[by_slug["mill-lane-bakery"]]
    assert failed["enriched_at"] is None and "simulated fault" in failed["enrich_error"]
    assert failed["story_id"] is None
    assert all(a["enriched_at"] and a["enrich_error"] is None for a in arts.values() if a["id"] != failed["id"])

    # ai_json: 3 summary sentences and 3-5 key points, each exactly content_text[start:end]
    for a in arts.values():
        if a["id"] == failed["id"]:
            continue
        ai = json.loads(a["ai_json"])
        assert len(ai["summary"]) == 3 and 3 <= len(ai["key_points"]) <= 5, a["title"]
        for s in ai["summary"] + ai["key_points"]:
            assert a["content_text"][s["start"]:s["end"]] == s["text"] and set(s) == {"index", "text", "start", "end"}
        assert a["category"] and a["keywords"] and "," in a["keywords"]

    # entities with mentions, and dated timeline events pointing into the text
    brandt = rows(ctx, entities, where=entities.c.key == "person:Ilse Brandt")
    assert brandt and brandt[0]["kind"] == "person"
    named = {r["article_id"]: r["mentions"] for r in rows(ctx, article_entities,
                                                          where=article_entities.c.entity_id == brandt[0]["id"])}
    assert set(named) == {by_slug[s] for s in VELMORA} and min(named.values()) >= 1
    events = rows(ctx, timeline_events, where=timeline_events.c.article_id == by_slug["velmora-quake"])
    years = {e["event_date"].year for e in events}
    assert {1902, 1987} <= years
    text = arts[by_slug["velmora-quake"]]["content_text"]
    for e in events:
        assert text[e["start"]:e["end"]] == e["sentence"]

    with TestClient(create_app(ctx, page_cache=False)) as client:
        # copies are hidden from the home list; the original says who else published it
        home = client.get("/").text
        assert "Boats sunk as quake cracks Kestrel Harbour wall" not in home
        assert "Kestrel Harbour wall cracked by 5.4 quake" in home
        page = client.get(f"/articles/{wire}").text
        assert "Also published by" in page and "Aggregate Now" in page

        # related: same event first, never the article, its copies or what it copies
        velmora_lead = by_slug["velmora-quake"]
        related = client.get(f"/api/v1/articles/{velmora_lead}/related").json()
        got = [r["id"] for r in related["items"]]
        assert set(got[:2]) == {by_slug["velmora-counts-damage"], by_slug["velmora-aftershocks"]}
        assert related["embedder"]["name"] == "tfidf"
        for article_id, banned in ((wire, {wire, copy["id"]}), (copy["id"], {wire, copy["id"]}),
                                   (by_slug["ostrov-concedes"], {by_slug["ostrov-concedes"], exact["id"]})):
            got = [r["id"] for r in client.get(f"/api/v1/articles/{article_id}/related").json()["items"]]
            assert got and not banned & set(got), (article_id, got)
        page = client.get(f"/articles/{velmora_lead}").text
        assert "Related articles" in page and "Velmora counts the damage after strong quake" in page
        assert client.get("/api/v1/articles/999999/related").status_code == 404

        # semantic search next to full-text search
        hits = client.get("/api/v1/search", params={"q": "fishing boats sunk in the harbour", "mode": "semantic"})
        assert hits.status_code == 200
        body = hits.json()
        assert body["embedder"]["name"] == "tfidf" and body["mode"] == "semantic"
        top = [h["id"] for h in body["items"][:2]]
        assert set(top) <= {by_slug["kestrel-harbour-quake"], wire}
        assert copy["id"] not in [h["id"] for h in body["items"]]
        html = client.get("/search", params={"q": "fishing boats sunk in the harbour", "mode": "semantic"}).text
        assert "TF-IDF fallback" in html and "Kestrel Harbour wall cracked by 5.4 quake" in html
        text_hits = client.get("/api/v1/search", params={"q": "Velmora"}).json()
        assert "mode" not in text_hits and text_hits["total"] == 3  # full-text search unchanged (copies hidden)


def test_enrich_all_is_stable(world):
    ctx = world
    svc = enrich_service(ctx.settings, ctx.store)
    first = svc.enrich_all()
    assert first.failed == 1 and first.enriched == len(ITEMS) - 1
    check_groupings(ctx)
    once = snapshot(ctx)
    svc.enrich_all()
    assert snapshot(ctx) == once
    with ctx.store.db.read() as conn:  # no duplicate rows
        assert conn.execute(select(func.count()).select_from(article_vectors)).scalar_one() == len(ITEMS) - 3
