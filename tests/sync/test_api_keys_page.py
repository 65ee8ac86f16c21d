"""/account/api-keys: create (shown once), list, revoke; CSRF on every form; another user's key is not found;
the key made here signs an app in to both sync APIs and stops working once revoked. Both databases."""
import re
from datetime import timedelta

import pytest

from broadsheet.web.auth import SESSION_COOKIE

PAGE = "/account/api-keys"


def _sign_in(client, ctx, reader):
    token, csrf = ctx.store.sessions.create(reader.user["id"], timedelta(days=1))
    client.cookies.set(SESSION_COOKIE, token)
    return csrf


def _new_key(html: str) -> str:
    return re.search(r'id="new-key">([^<]+)<', html).group(1)


def test_create_show_once_use_and_revoke(client, ctx, reader):
    ann, _ = reader
    csrf = _sign_in(client, ctx, ann)
    page = client.get(PAGE)
    assert page.status_code == 200 and "phone" in page.text and f'value="{csrf}"' in page.text
    assert "/api/greader.php" in page.text and page.headers["cache-control"] == "no-store"
    r = client.post(PAGE, data={"label": "Reeder", "csrf_token": csrf})
    assert r.status_code == 201
    key = _new_key(r.text)
    assert client.get("/v1/me", headers={"X-Auth-Token": key}).json()["username"] == "ann"
    used = [k for k in ctx.store.api_keys.list(ann.user["id"]) if k["name"] == "Reeder"][0]
    assert used["last_used_at"] is not None  # shown as "last used" on the page
    login = client.post("/accounts/ClientLogin", data={"Email": "ann", "Passwd": key})
    assert login.status_code == 200 and "Auth=ann/" in login.text
    again = client.get(PAGE).text
    assert "Reeder" in again and key not in again  # shown once only
    key_id = [k["id"] for k in ctx.store.api_keys.list(ann.user["id"]) if k["name"] == "Reeder"][0]
    r = client.post(f"{PAGE}/{key_id}/revoke", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert "revoked" in client.get(r.headers["location"]).text
    assert client.get("/v1/me", headers={"X-Auth-Token": key}).status_code == 401
    assert [k["name"] for k in ctx.store.api_keys.list(ann.user["id"])] == ["phone"]


@pytest.mark.parametrize("csrf", [None, "", "forged"])
def test_forged_or_missing_csrf_changes_nothing(client, ctx, reader, csrf):
    ann, _ = reader
    _sign_in(client, ctx, ann)
    form = {"label": "Sneaky"} | ({"csrf_token": csrf} if csrf is not None else {})
    assert client.post(PAGE, data=form).status_code == 403
    key_id = ctx.store.api_keys.list(ann.user["id"])[0]["id"]
    assert client.post(f"{PAGE}/{key_id}/revoke", data=form).status_code == 403
    assert [k["name"] for k in ctx.store.api_keys.list(ann.user["id"])] == ["phone"]


def test_another_users_key_is_not_found_and_stays(client, ctx, reader):
    ann, ben = reader
    csrf = _sign_in(client, ctx, ann)
    ben_key = ctx.store.api_keys.list(ben.user["id"])[0]["id"]
    assert client.post(f"{PAGE}/{ben_key}/revoke", data={"csrf_token": csrf}).status_code == 404
    assert client.get("/v1/me", headers=ben.token).status_code == 200


@pytest.mark.parametrize("label", ["", "   ", "x" * 101])
def test_bad_labels_are_refused(client, ctx, reader, label):
    ann, _ = reader
    csrf = _sign_in(client, ctx, ann)
    r = client.post(PAGE, data={"label": label, "csrf_token": csrf})
    assert r.status_code == 400 and 'role="alert"' in r.text
    assert len(ctx.store.api_keys.list(ann.user["id"])) == 1


def test_labels_are_shown_as_text(client, ctx, reader):
    ann, _ = reader
    csrf = _sign_in(client, ctx, ann)
    client.post(PAGE, data={"label": '<script>alert(1)</script><img src=x onerror=alert(2)>', "csrf_token": csrf})
    html = client.get(PAGE).text
    assert "<script>alert(1)" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_signed_out_visitors_are_refused(client, reader):
    assert client.get(PAGE).status_code == 401
    assert client.post(PAGE, data={"label": "x"}).status_code == 401
