"""The session cookie: who is signed in shows on every page; a bad cookie signs no one in; CSRF tokens."""
from datetime import timedelta

import pytest
from starlette.requests import Request

from broadsheet.accounts.users import create_user
from broadsheet.web.auth import CSRF_COOKIE, SESSION_COOKIE, CsrfFailed, check_csrf, csrf_token


def _signed_in(client, ctx, name="grace"):
    user = create_user(ctx.store, name, "a good password")
    token, csrf = ctx.store.sessions.create(user["id"], timedelta(days=1))
    client.cookies.set(SESSION_COOKIE, token)
    return user, token, csrf


def test_pages_show_who_is_signed_in(client, ctx):
    assert "Sign in" in client.get("/").text
    _signed_in(client, ctx)
    page = client.get("/sources").text
    assert ">grace</a>" in page and "Sign in" not in page


@pytest.mark.parametrize("cookie", ["not-a-session", "", "a" * 500, '"; bad'])
def test_unknown_or_malformed_session_cookie_signs_no_one_in(client, ctx, cookie):
    create_user(ctx.store, "henry", "a good password")
    client.cookies.set(SESSION_COOKIE, cookie)
    r = client.get("/sources")
    assert r.status_code == 200 and "Sign in" in r.text and "henry" not in r.text


def test_disabled_user_is_signed_out(client, ctx):
    user, _, _ = _signed_in(client, ctx, "ivy")
    ctx.store.users.update(user["id"], disabled=True)
    assert "Sign in" in client.get("/sources").text


def _request(ctx, cookies: dict[str, str], user=None) -> Request:
    header = "; ".join(f"{k}={v}" for k, v in cookies.items()).encode()

    class _App:
        state = type("S", (), {"ctx": ctx})

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [(b"cookie", header)], "app": _App,
             "state": {"user": user}, "query_string": b""}
    return Request(scope)


def test_csrf_for_signed_in_users_is_the_sessions_token(ctx):
    user = create_user(ctx.store, "jack", "a good password")
    token, csrf = ctx.store.sessions.create(user["id"], timedelta(days=1))
    row = ctx.store.sessions.lookup(token, timedelta(days=1))
    req = _request(ctx, {}, row)
    assert csrf_token(req) == csrf
    check_csrf(req, csrf)
    for forged in (None, "", csrf[:-1] + "x", "other"):
        with pytest.raises(CsrfFailed) as e:
            check_csrf(req, forged)
        assert e.value.status == 403


def test_csrf_for_visitors_is_a_double_submitted_cookie(ctx):
    req = _request(ctx, {CSRF_COOKIE: "abc123"})
    assert csrf_token(req) == "abc123"
    check_csrf(req, "abc123")
    with pytest.raises(CsrfFailed):
        check_csrf(req, "abc124")
    with pytest.raises(CsrfFailed):
        check_csrf(_request(ctx, {}), "abc123")  # no cookie: nothing to compare with
