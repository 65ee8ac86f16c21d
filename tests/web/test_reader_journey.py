"""A new reader's whole first visit in headless Chromium, through the pages only (no cookies set by the test):
sign up → sign out → log in → follow a source → read it from For you → comment → reply → save → read the saved
article, with its comments, offline (service worker). The store is checked at each step."""
from __future__ import annotations

import pytest

from broadsheet.store import Store

from tests.support.live_server import live_server
from .seeding import BODY_HTML, add_source, make_context, record, seed
from .test_reading_browser import browser  # noqa: F401  (headless Debian Chromium)

HEADLINE = "New quay opens on the harbour"


@pytest.fixture
def site(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'journey.db'}")
    source = add_source(store, title="Harbour Ledger")
    ids = seed(store, source, record("quay", hours_ago=1, title=HEADLINE, content_html=BODY_HTML),
               record("ferry", hours_ago=2, title="Ferry link returns"))
    ctx = make_context(store, signup="open")
    with live_server(ctx) as base:
        yield base, ctx, source["id"], ids[0]
    ctx.close()


def test_sign_up_follow_read_comment_reply_save_then_read_offline(site, browser):  # noqa: F811
    base, ctx, source_id, quay = site
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page.goto(base + "/signup")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password", exact=True).fill("correct horse battery")
    page.get_by_label("Password again").fill("correct horse battery")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()
    user = ctx.store.users.by_username("maria")
    assert user is not None and user["role"] == "reader"
    assert "maria" in page.locator("header").inner_text()  # signed in straight away

    page.goto(base + "/account")
    assert page.get_by_role("link", name="API keys for reader apps").get_attribute("href") == "/account/api-keys"
    assert page.get_by_role("link", name="Reading: muted keywords, subscriptions, OPML").get_attribute("href") \
        == "/account/reading"
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert "maria" not in page.locator("header").inner_text()
    page.goto(base + "/login")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert "maria" in page.locator("header").inner_text()

    page.goto(f"{base}/sources/{source_id}")
    page.get_by_role("button", name="Follow").click()
    page.get_by_role("button", name="Following · Unfollow").wait_for()
    page.goto(base + "/for-you")
    page.get_by_role("link", name=HEADLINE).click()
    page.wait_for_url(f"{base}/articles/{quay}*")
    assert page.locator("h1").inner_text() == HEADLINE
    assert page.locator(".comments__empty").inner_text().startswith("No comments yet")

    page.get_by_label("Add a comment").fill("Good news for the *harbour* at last.")
    page.get_by_role("button", name="Post comment").click()
    page.locator(".comment__body").first.wait_for()
    assert "Good news for the harbour at last." in page.locator(".comment__body").first.inner_text()
    assert page.locator(".comment__body em").first.inner_text() == "harbour"  # the formatting subset

    page.locator(".comment__reply").first.click()
    page.get_by_label("Reply to maria").fill("Agreed: the old quay was falling apart.")
    page.get_by_role("button", name="Post reply").click()
    page.locator(".comment--depth-1").wait_for()
    assert "the old quay was falling apart" in page.locator(".comment--depth-1").inner_text()
    assert ctx.store.articles.get(quay)["comment_count"] == 2
    first, reply = ctx.store.comments.thread("article", quay)
    assert first["parent_id"] is None and reply["parent_id"] == first["id"]

    page.goto(f"{base}/articles/{quay}")
    page.locator("form[data-action=save] button").click()
    page.wait_for_function("() => document.querySelector('form[data-action=save] button')"
                           ".textContent.includes('Unsave')")
    assert ctx.store.states.marks(user["id"], [quay])[quay]["saved"] is True
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    page.wait_for_function(f"() => caches.match('/articles/{quay}').then(r => !!r)", timeout=15000, polling=200)

    context.set_offline(True)
    page.goto(f"{base}/articles/{quay}")
    assert page.locator("h1").inner_text() == HEADLINE
    assert "The council met on Thursday" in page.locator(".story__body").inner_text()
    assert "the old quay was falling apart" in page.locator(".comments").inner_text()
    context.set_offline(False)
    assert dialogs == []
    context.close()
