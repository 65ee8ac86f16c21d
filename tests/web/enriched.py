"""An enriched store for the story, entity, topic, ask and AI-panel tests: the fictional outlets of
tests/enrich/corpus.py saved straight into the parametrised store (no fetching), then enriched with the TF-IDF
embedder (fast, no model). Both databases, like every store test."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from broadsheet.enrich.service import enrich_service
from broadsheet.web.app import create_app
from tests.enrich.corpus import ITEMS, OUTLETS

from .seeding import add_source, make_context, record, seed

VELMORA = ("velmora-quake", "velmora-counts-damage", "velmora-aftershocks")
KESTREL = ("kestrel-harbour-quake", "kestrel-quake-wall", "kestrel-harbour-boats-sunk")


@dataclass
class World:
    ctx: object
    client: TestClient
    ids: dict[str, int]  # article id by slug
    sources: dict[str, dict]  # source row by outlet key

    def story_of(self, slug: str) -> int:
        return self.ctx.store.articles.get(self.ids[slug])["story_id"]


def build(store, **settings):
    """Save every corpus item for its outlet and enrich them all; returns (context, ids by slug, sources)."""
    ctx = make_context(store, embedder="tfidf", workers=0, **{"page_size": 5, **settings})
    sources, ids = {}, {}
    for n, (key, title) in enumerate(OUTLETS.items(), 1):
        sources[key] = add_source(store, n, title=title, url=f"https://{key}.example/feed.xml",
                                  site_url=f"https://{key}.example/")
        items = [i for i in ITEMS if i.outlet == key]
        recs = [record(i.slug, hours_ago=i.hours_ago, title=i.title, text="\n\n".join(i.paragraphs),
                       url=f"https://{key}.example/{i.slug}",
                       content_html="".join(f"<p>{p}</p>" for p in i.paragraphs)) for i in items]
        ids.update(zip([i.slug for i in items], seed(store, sources[key], *recs)))
    report = enrich_service(ctx.settings, store).enrich_pending()
    assert report.failed == 0, report
    return ctx, ids, sources


@pytest.fixture
def world(store):
    ctx, ids, sources = build(store)
    with TestClient(create_app(ctx, page_cache=False), raise_server_exceptions=False) as client:
        yield World(ctx, client, ids, sources)
    ctx.pipeline.close()
