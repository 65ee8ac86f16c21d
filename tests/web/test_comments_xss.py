"""Known XSS filter-evasion payloads as comments and usernames, read in a real headless Chromium: no dialog opens,
no script runs, and every comment shows its text literally.

The browser context ignores the Content-Security-Policy (``bypass_csp``), so these tests check our escaping on its
own rather than the CSP that backs it up.
"""
from __future__ import annotations


import httpx
import pytest

from broadsheet.comments.format import strip_controls
from broadsheet.store import Store
from broadsheet.web.auth import SESSION_COOKIE
from tests.support.forms import Forms

from tests.support.live_server import live_server
from .seeding import add_source, make_context, record, seed
from .test_browser import CHROMIUM, CHROMIUM_ARGS
from .xss_payloads import PAYLOADS

ALLOWED_TAGS = {"P", "BR", "EM", "CODE", "A"}


@pytest.fixture
def live(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'xss.db'}")
    [article_id] = seed(store, add_source(store), record("xss", title="A calm article"))
    ctx = make_context(store, signup="open", comment_rate_limit="1000/1m", signup_rate_limit="1000/1m")
    with live_server(ctx) as base:
        yield base, store, article_id
    ctx.close()


def _expected(payload: str) -> str:
    return " ".join(strip_controls(payload).split())


def _watch(page) -> list[str]:
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def _assert_nothing_ran(page, dialogs) -> None:
    page.wait_for_timeout(300)  # let onload/onerror/autofocus handlers fire, if any got through
    assert dialogs == []
    assert page.evaluate("() => window.__xss === undefined && !document.querySelector('iframe, object, embed')")


def test_comment_payloads_show_as_text_and_never_run(live):
    from playwright.sync_api import sync_playwright

    base, store, article_id = live
    page_path = f"/articles/{article_id}"
    with httpx.Client(base_url=base) as http:
        forms = Forms(http)
        assert forms.sign_up("writer").status_code == 303
        for payload in PAYLOADS:
            assert forms.comment(page_path, "article", article_id, payload).status_code == 303, payload
        session = http.cookies.get(SESSION_COOKIE)
    assert len(store.comments.thread("article", article_id)) == len(PAYLOADS)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for signed_in in (False, True):  # the author also gets every payload back inside edit <textarea>s
                context = browser.new_context(bypass_csp=True)
                if signed_in:
                    context.add_cookies([{"name": SESSION_COOKIE, "value": session, "url": base}])
                page = context.new_page()
                dialogs = _watch(page)
                page.goto(base + page_path)
                _assert_nothing_ran(page, dialogs)
                bodies = page.locator(".comment__body")
                assert bodies.count() == len(PAYLOADS)
                tags = set(page.eval_on_selector_all(".comment__body *", "els => els.map(e => e.tagName)"))
                assert tags <= ALLOWED_TAGS, tags
                handlers = page.eval_on_selector_all(
                    "#comments *", "els => els.flatMap(e => [...e.attributes].map(a => a.name))"
                                   ".filter(n => n.startsWith('on'))")
                assert handlers == []
                hrefs = page.eval_on_selector_all(".comment__body a", "els => els.map(a => a.href)")
                assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
                for i, payload in enumerate(PAYLOADS):
                    if "*" in payload or "`" in payload:  # the formatting subset turns these into <em>/<code>
                        continue
                    assert " ".join(bodies.nth(i).inner_text().split()) == _expected(payload)
                if signed_in:
                    edits = page.locator(".comment__edit textarea")
                    assert edits.count() == len(PAYLOADS)
                    for i, payload in enumerate(PAYLOADS):
                        assert edits.nth(i).input_value() == strip_controls(payload).strip()
                context.close()
        finally:
            browser.close()


def test_username_payloads_are_refused_and_echoed_as_text(live):
    from playwright.sync_api import sync_playwright

    base, store, _article_id = live
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(bypass_csp=True).new_page()
            dialogs = _watch(page)
            for payload in PAYLOADS:
                typed = payload.replace("\x00", "")
                page.goto(base + "/signup")
                page.evaluate("""() => { const f = document.querySelector('form[action="/signup"]');
                    f.noValidate = true;
                    f.querySelectorAll('input').forEach(i => { i.removeAttribute('maxlength');
                                                               i.removeAttribute('pattern'); }); }""")
                page.fill("#signup-username", typed)
                page.fill("#signup-password", "a good password")
                page.fill("#signup-password2", "a good password")
                with page.expect_navigation():
                    page.click("form[action='/signup'] button[type=submit]")
                assert "invalid_username" in page.locator("#form-error").inner_text(), payload
                assert page.input_value("#signup-username") == typed
                _assert_nothing_ran(page, dialogs)
        finally:
            browser.close()
    assert store.users.count() == 0
