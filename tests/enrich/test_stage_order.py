"""The original of republished copies is the first published text, whichever outlet's feed was refreshed and
enriched first: an aggregator read before the wire it copies does not become "the" source."""
from __future__ import annotations

from sqlalchemy import select

from broadsheet.enrich.service import enrich_service
from broadsheet.store.schema import article_vectors, articles, stories

from .test_stage_e2e import KESTREL, MARIVIA, check_groupings, groups, ids_by_slug
from .test_stage_restart import _Ctx, ingest, serve_outlets, settings_for


def _rows(store, table, key):
    with store.db.read() as conn:
        return {r[key]: r for r in conn.execute(select(table)).mappings()}


def test_the_first_published_text_is_the_original_whatever_order_feeds_come_in(http_server, store):
    serve_outlets(http_server)
    settings = settings_for(store.db.url)
    service = enrich_service(settings, store)
    ingest(settings, store, http_server, ["aggregator"])  # the copies are read and enriched first
    assert service.enrich_pending().failed == 0
    ingest(settings, store, http_server, ["ledger", "courier", "wire"])
    report = service.enrich_pending()
    assert report.failed == 0 and report.enriched == 10

    slug = ids_by_slug(_Ctx(store))
    arts = _rows(store, articles, "id")
    near_copy, wire = arts[slug["kestrel-harbour-boats-sunk"]], arts[slug["kestrel-quake-wall"]]
    assert wire["duplicate_of"] is None
    assert near_copy["duplicate_of"] == wire["id"] and 0.65 <= near_copy["duplicate_score"] < 1.0
    exact, first = arts[slug["ostrov-concedes-copy"]], arts[slug["ostrov-concedes"]]
    assert first["duplicate_of"] is None and exact["duplicate_of"] == first["id"] and exact["duplicate_score"] == 1.0

    # the copies left the vector index and follow their originals' stories; the stories lead with the originals
    vectors = _rows(store, article_vectors, "article_id")
    assert wire["id"] in vectors and first["id"] in vectors
    assert near_copy["id"] not in vectors and exact["id"] not in vectors
    assert near_copy["story_id"] == wire["story_id"] and exact["story_id"] == first["story_id"]
    check_groupings(_Ctx(store))  # the same stories as when the feeds come in publication order
    found = groups(_Ctx(store))
    assert found[KESTREL]["lead_article_id"] == slug["kestrel-harbour-quake"]
    assert found[MARIVIA]["lead_article_id"] == slug["aldana-wins"]
    with store.db.read() as conn:  # no story is left behind by the copies that moved
        assert not conn.execute(select(stories.c.id).where(stories.c.article_count == 0)).first()
        in_stories = set(conn.execute(select(articles.c.story_id).where(articles.c.story_id.isnot(None))).scalars())
        assert in_stories == set(conn.execute(select(stories.c.id)).scalars())
