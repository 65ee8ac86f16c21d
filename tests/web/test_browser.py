"""A real headless Chromium reading Broadsheet served by uvicorn: home page → article page."""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from broadsheet.store import Store

from tests.support.live_server import live_server
from .seeding import BODY_HTML, add_source, make_context, record, seed

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = Path("/tmp/broadsheet-article.png")
HEADLINE = "Russia recognises the Taliban: which other countries may follow?"
LEAD_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2b4c6f"/>
<stop offset="1" stop-color="#c9a66b"/></linearGradient></defs><rect width="1200" height="675" fill="url(#g)"/>
<circle cx="900" cy="200" r="90" fill="#f3e3b5" opacity=".85"/>
<path d="M0 520 L260 380 L480 500 L760 330 L1200 560 L1200 675 L0 675Z" fill="#1d2f45" opacity=".9"/></svg>"""

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: install the Debian chromium package", pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing (Debian package chromium); this test needs a real browser",
                allow_module_level=True)


class _Image(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "image/svg+xml")
        self.end_headers()
        self.wfile.write(LEAD_SVG)

    def log_message(self, *args):
        pass


@contextmanager
def _background(server_run, stop):
    thread = threading.Thread(target=server_run, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop()
        thread.join(timeout=10)


@pytest.fixture
def site(tmp_path):
    """Base URL of a seeded Broadsheet served by uvicorn on a free 127.0.0.1 port."""
    images = ThreadingHTTPServer(("127.0.0.1", 0), _Image)
    store = Store(f"sqlite:///{tmp_path / 'browser.db'}")
    source = add_source(store, title="Al Jazeera")
    seed(store, source,
         record("taliban", hours_ago=2, title=HEADLINE, authors=["Al Jazeera Staff"], word_count=1450,
                summary="Russia has become the first country to accept the Taliban government.",
                image_url=f"http://127.0.0.1:{images.server_address[1]}/lead.svg", content_html=BODY_HTML),
         record("medvedev", hours_ago=5, title="Medvedev issues warning as Moscow drops missile moratorium"))
    ctx = make_context(store)
    with _background(images.serve_forever, images.shutdown), live_server(ctx) as base:
        yield base
    images.server_close()
    ctx.close()


def test_reading_an_article_in_a_real_browser(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(site + "/")
            assert page.locator("main").count() == 1
            skip = page.locator("a.skip-link")
            assert skip.get_attribute("href") == "#main" and skip.inner_text() == "Skip to content"
            assert page.locator(".card").first.locator("time").inner_text() == "2 hours ago"

            page.get_by_role("link", name=HEADLINE).click()
            page.wait_for_url(f"{site}/articles/*")
            assert page.locator("h1").inner_text() == HEADLINE
            assert page.locator(".story__source a").inner_text().lower() == "al jazeera"
            assert "UTC" in page.locator(".story__dateline time").inner_text()
            assert "2 hours ago" in page.locator(".story__dateline").inner_text()
            body = page.locator(".story__body")
            assert "The council met on Thursday" in body.inner_text()
            assert body.locator("h2").inner_text() == "What was decided"
            assert page.get_by_role("button", name="Copy link").is_visible()  # the JS enhanced the fallback link
            assert page.locator(".story__image img").evaluate("img => img.naturalWidth") > 0
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()
