"""Reading in a real headless Chromium: keyboard shortcuts (j/k move between articles, o opens the original, s saves,
m marks read, ? opens the help dialog), and follow → read → save → read offline through the service worker (a
saved article still reads with the network cut; a page never opened shows the offline page)."""
from __future__ import annotations

import pytest

from broadsheet.store import Store
from broadsheet.web.auth import SESSION_COOKIE

from tests.support.live_server import live_server
from .reading_support import Reader
from .seeding import BODY_HTML, add_source, make_context, record, seed
from .test_browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture
def reading_site(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'reading.db'}")
    source = add_source(store, title="Harbour Ledger")
    ids = seed(store, source,
               record("quay", hours_ago=1, title="New quay opens on the harbour", content_html=BODY_HTML),
               record("ferry", hours_ago=2, title="Ferry link returns"),
               record("museum", hours_ago=3, title="Museum returns a ship's log"))
    ctx = make_context(store)
    reader = Reader(ctx, "ann")
    with live_server(ctx) as base:
        yield base, ctx, reader, ids
    ctx.close()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _signed_in_context(browser, base, reader):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.add_cookies([{"name": SESSION_COOKIE, "value": reader.token, "url": base}])
    return context


def test_keyboard_shortcuts(reading_site, browser):
    base, ctx, reader, (quay, ferry, museum) = reading_site
    context = _signed_in_context(browser, base, reader)
    page = context.new_page()
    page.goto(base + "/")
    cards = page.locator(".article-list .card")
    assert cards.count() == 3

    page.keyboard.press("j")
    assert cards.nth(0).evaluate("el => document.activeElement === el")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert cards.nth(2).evaluate("el => document.activeElement === el && el.classList.contains('is-current')")
    page.keyboard.press("k")
    assert cards.nth(1).evaluate("el => document.activeElement === el")

    page.keyboard.press("s")  # saves the current one (Ferry), in place
    page.wait_for_function("() => document.querySelectorAll('.card')[1].querySelector('button')"
                           ".textContent.includes('Unsave')")
    assert ctx.store.states.marks(reader.id, [ferry])[ferry]["saved"] is True
    page.keyboard.press("m")
    page.wait_for_function("() => !document.querySelectorAll('.card')[1].classList.contains('card--unread')")
    assert ctx.store.states.marks(reader.id, [ferry])[ferry]["read"] is True

    context.route("https://news.example/**", lambda route: route.fulfill(body="the original"))
    with context.expect_page() as opened:
        page.keyboard.press("o")  # the original of the current article, in a new tab
    assert opened.value.url == "https://news.example/ferry"
    opened.value.close()

    page.keyboard.press("?")  # the help: a modal dialog, labelled, listing the keys
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    dialog.wait_for()
    text = dialog.inner_text()
    for key, words in (("j", "Next"), ("k", "Previous"), ("o", "original"), ("s", "Save"), ("m", "read")):
        assert key in text and words in text
    page.keyboard.press("Escape")
    assert not dialog.is_visible()

    page.locator("#site-search-q").focus()  # typing in a field is typing, not shortcuts
    page.keyboard.type("jk?")
    assert page.locator("#site-search-q").input_value() == "jk?"
    assert page.locator("dialog[open]").count() == 0
    context.close()


def test_saved_article_reads_offline(reading_site, browser):
    base, ctx, reader, (quay, ferry, museum) = reading_site
    context = _signed_in_context(browser, base, reader)
    page = context.new_page()
    source_id = ctx.store.articles.get(quay)["source_id"]
    page.goto(f"{base}/sources/{source_id}")  # follow the source (a plain form post), then read it in For you
    page.get_by_role("button", name="Follow").click()
    page.get_by_role("button", name="Following · Unfollow").wait_for()
    page.goto(base + "/for-you")
    assert page.locator(".card--unread").count() == 3
    page.get_by_role("link", name="New quay opens on the harbour").click()
    page.wait_for_url(f"{base}/articles/{quay}")
    assert ctx.store.states.marks(reader.id, [quay])[quay]["read"] is True
    page.get_by_role("button", name="Save").click()
    page.wait_for_function("() => document.querySelector('form[data-action=save] button')"
                           ".textContent.includes('Unsave')")
    assert ctx.store.states.marks(reader.id, [quay])[quay]["saved"] is True
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    page.wait_for_function(f"() => caches.match('/articles/{quay}').then(r => !!r)", timeout=15000, polling=200)
    page.goto(base + "/saved")  # online: the list and its articles are kept too
    page.wait_for_function("() => caches.match('/saved').then(r => !!r)", timeout=15000, polling=200)

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Saved articles"
    page.goto(f"{base}/articles/{quay}")
    assert page.locator("h1").inner_text() == "New quay opens on the harbour"
    assert "The council met on Thursday" in page.locator(".story__body").inner_text()
    page.goto(f"{base}/articles/{museum}")  # never opened: the offline page
    assert page.locator("h1").inner_text() == "You are offline"
    context.set_offline(False)
    page.goto(base + "/for-you")
    assert page.locator(".card--unread").count() == 2  # the article read is no longer marked unread

    context.clear_cookies()  # signed out: the pages kept for the reader are forgotten
    page.goto(base + "/")
    page.wait_for_function(f"() => caches.match('/articles/{quay}').then(r => !r)", timeout=15000, polling=200)
    assert page.evaluate("() => caches.match('/saved').then(r => !r)")
    context.close()
