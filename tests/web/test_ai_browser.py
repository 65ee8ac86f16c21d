"""A real headless Chromium on an enriched Broadsheet served by uvicorn: an article's AI panel quotes the source,
its "Covered by N outlets" link leads to the story page listing several outlets, and the question box answers
with a cited sentence."""
from __future__ import annotations


import pytest

from broadsheet.store import Store
from tests.enrich.corpus import by_slug

from tests.support.live_server import live_server
from .enriched import VELMORA, build
from .test_browser import CHROMIUM, CHROMIUM_ARGS

SCREENSHOT = "/tmp/broadsheet-story.png"


@pytest.fixture
def enriched_site(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'ai-browser.db'}")
    ctx, ids, _sources = build(store)
    with live_server(ctx) as base:
        yield base, ids
    ctx.close()


def test_ai_panel_story_page_and_question_box_in_a_real_browser(enriched_site):
    from playwright.sync_api import sync_playwright

    site, ids = enriched_site
    source_text = "\n".join(by_slug("velmora-quake").paragraphs)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{site}/articles/{ids['velmora-quake']}")
            panel = page.locator("[data-ai-panel]")
            assert panel.is_visible() and panel.locator("h2").inner_text().lower() == "ai features"
            point = panel.locator(".key-point").first
            quote = point.locator("blockquote").inner_text().strip().strip("“”")
            assert quote and quote in source_text
            assert point.locator("a").inner_text() == "Harbour Ledger"
            assert "#:~:text=" in point.locator("a").get_attribute("href")
            assert panel.get_by_role("link", name="#Ilse Brandt").is_visible()

            panel.get_by_role("link", name="Covered by 3 outlets").click()
            page.wait_for_url(f"{site}/stories/*")
            assert page.locator("h1").inner_text() == "Magnitude 6.1 earthquake shakes Velmora"
            outlets = page.locator("ul.outlets > li > a").all_inner_texts()
            assert outlets == ["Harbour Ledger", "Valley Courier", "Meridian Wire"]
            assert page.locator(".coverage__item").count() == 3
            assert page.locator("[data-ai-panel] .key-point").count() >= 3
            page.screenshot(path=SCREENSHOT, full_page=True)

            page.get_by_label("Ask about this story").fill("What did the mayor say?")
            page.get_by_role("button", name="Ask").click()
            page.wait_for_url(f"{site}/ask?*")
            first = page.locator(".citation").first
            assert "Ilse Brandt said" in first.locator("blockquote").inner_text()
            first.locator("a").click()
            page.wait_for_url(f"{site}/articles/*")
            assert page.locator("h1").inner_text() in {by_slug(s).title for s in VELMORA}
        finally:
            browser.close()
