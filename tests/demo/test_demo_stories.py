"""`broadsheet demo`'s home page leads with stories: the demo outlets ingested through the normal path (as the demo
does), enriched with the TF-IDF embedder, then the home page read in-process."""
from __future__ import annotations

from fastapi.testclient import TestClient

from broadsheet.config import Settings
from broadsheet.context import build_context
from broadsheet.demo import DemoSite
from broadsheet.demo.run import add_demo_sources
from broadsheet.enrich.service import enrich_service
from broadsheet.web.app import create_app
from tests.web.html import page, text_of


def test_demo_home_page_lists_stories_covered_by_several_outlets(tmp_path):
    settings = Settings.load(database_url=f"sqlite:///{tmp_path / 'demo.db'}", allow_private_networks=True,
                             per_host_delay=0, embedder="tfidf", workers=0)
    with DemoSite() as site:
        ctx = build_context(settings, with_queue=False)
        try:
            add_demo_sources(ctx, site, progress=lambda _line: None)
            assert enrich_service(settings, ctx.store).enrich_pending().failed == 0
            with TestClient(create_app(ctx, page_cache=False)) as client:
                html = page(client.get("/"))
                cards = html.xpath(".//section[@class='front-stories']//article")
                assert len(cards) >= 5
                counts = [int(text_of(c.find(".//*[@class='story-card__outlets']")).split()[0]) for c in cards]
                assert min(counts) >= 2 and max(counts) >= 3
                story = client.get(cards[0].find(".//h2/a").get("href"))
                assert story.status_code == 200 and len(page(story).xpath(".//ul[@class='outlets']/li")) >= 2
        finally:
            ctx.close()
