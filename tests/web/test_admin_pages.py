"""Roles: /admin/users and /moderation are for admins (and moderators); source management once an admin exists."""
from datetime import timedelta

import pytest

from broadsheet.accounts.users import create_user
from tests.support.forms import PASSWORD

from .accounts_fixtures import app_client, signed_in
from .html import main_of, text_of
from .seeding import add_source

DAY = timedelta(days=1)


def test_admin_lists_users_sets_roles_disables_and_makes_invites(store):
    with app_client(store) as (client, _ctx):
        reader = create_user(store, "rita", PASSWORD)
        _admin, forms = signed_in(client, store, "root", "admin")
        page = main_of(client.get("/admin/users"))
        assert [text_of(th) for th in page.xpath(".//tbody/tr/th")] == ["rita", "root"]
        res = forms.post("/admin/users", f"/admin/users/{reader['id']}/role", role="moderator", follow=True)
        assert "Role changed" in res.text and store.users.get(reader["id"])["role"] == "moderator"
        res = forms.post("/admin/users", f"/admin/users/{reader['id']}/role", role="emperor")
        assert res.status_code == 400 and store.users.get(reader["id"])["role"] == "moderator"
        rita_session, _ = store.sessions.create(reader["id"], DAY)
        res = forms.post("/admin/users", f"/admin/users/{reader['id']}/disabled", disabled="true", follow=True)
        assert "Account disabled" in res.text and store.users.get(reader["id"])["disabled"] is True
        assert store.sessions.lookup(rita_session, DAY) is None
        forms.post("/admin/users", f"/admin/users/{reader['id']}/disabled", disabled="false")
        assert store.users.get(reader["id"])["disabled"] is False
        res = forms.post("/admin/users", "/admin/invites", follow=True)
        code = store.invites.list()[0]["code"]
        assert "Invite created" in res.text and f"/signup?invite={code}" in res.text


def test_admin_cannot_demote_or_disable_themselves(store):
    with app_client(store) as (client, _ctx):
        admin, forms = signed_in(client, store, "root", "admin")
        assert forms.post("/admin/users", f"/admin/users/{admin['id']}/role", role="reader").status_code == 409
        assert forms.post("/admin/users", f"/admin/users/{admin['id']}/disabled", disabled="true").status_code == 409
        assert store.users.get(admin["id"])["role"] == "admin" and not store.users.get(admin["id"])["disabled"]


@pytest.mark.parametrize("role", ["reader", "moderator"])
def test_admin_pages_are_forbidden_to_others(store, role):
    target = create_user(store, "target", PASSWORD)
    with app_client(store) as (client, _ctx):
        assert client.get("/admin/users").status_code == 401  # not signed in
        _user, forms = signed_in(client, store, "someone", role)
        assert client.get("/admin/users").status_code == 403
        token = forms.token("/account")
        res = client.post(f"/admin/users/{target['id']}/role", data={"csrf_token": token, "role": "admin"})
        assert res.status_code == 403 and store.users.get(target["id"])["role"] == "reader"
        assert client.post("/admin/invites", data={"csrf_token": token}).status_code == 403
        assert store.invites.list() == []
        assert client.get("/moderation").status_code == (200 if role == "moderator" else 403)


def test_admin_forms_need_the_csrf_token(store):
    target = create_user(store, "target", PASSWORD)
    with app_client(store) as (client, _ctx):
        signed_in(client, store, "root", "admin")
        res = client.post(f"/admin/users/{target['id']}/role", data={"csrf_token": "forged", "role": "admin"})
        assert res.status_code == 403 and store.users.get(target["id"])["role"] == "reader"


def test_sources_are_open_until_an_admin_exists_then_admin_only(store):
    source = add_source(store)
    with app_client(store) as (client, _ctx):
        assert client.post(f"/sources/{source['id']}/pause", follow_redirects=False).status_code == 303
        assert store.sources.get(source["id"])["paused"] is True
        create_user(store, "root", PASSWORD, "admin")
        assert client.post(f"/sources/{source['id']}/resume").status_code == 401
        _reader, forms = signed_in(client, store, "rita")
        token = forms.token("/account")
        assert client.post(f"/sources/{source['id']}/resume", data={"csrf_token": token}).status_code == 403
        assert client.post(f"/sources/{source['id']}/remove", data={"csrf_token": token}).status_code == 403
        assert client.patch(f"/api/v1/sources/{source['id']}", json={"paused": False}).status_code == 403
        assert store.sources.get(source["id"])["paused"] is True
        _admin, forms = signed_in(client, store, "root")
        assert client.post(f"/sources/{source['id']}/resume", data={"csrf_token": "forged"}).status_code == 403
        assert store.sources.get(source["id"])["paused"] is True
        res = forms.post("/sources", f"/sources/{source['id']}/resume", back_to="list")
        assert res.status_code == 303 and store.sources.get(source["id"])["paused"] is False
        sources_page = main_of(client.get("/sources"))
        assert sources_page.xpath(".//form[contains(@action,'/pause')]/input[@name='csrf_token']/@value")
        assert client.get("/sources").status_code == 200  # reading stays open


def test_source_api_takes_an_admin_api_key_or_session_with_csrf_header(store):
    source = add_source(store)
    admin = create_user(store, "root", PASSWORD, "admin")
    reader = create_user(store, "rita", PASSWORD)
    with app_client(store) as (client, _ctx):
        url = f"/api/v1/sources/{source['id']}"
        reader_key = store.api_keys.create(reader["id"], "phone")
        res = client.patch(url, json={"paused": True}, headers={"Authorization": f"Bearer {reader_key}"})
        assert res.status_code == 403 and res.json()["error"]["code"] == "forbidden"
        res = client.patch(url, json={"paused": True}, headers={"Authorization": "Bearer wrong"})
        assert res.status_code == 401 and res.json()["error"]["code"] == "invalid_api_key"
        key = store.api_keys.create(admin["id"], "script")
        assert client.patch(url, json={"paused": True}, headers={"X-Auth-Token": key}).status_code == 200
        assert store.sources.get(source["id"])["paused"] is True
        signed_in(client, store, "root")
        res = client.patch(url, json={"paused": False})
        assert res.status_code == 403 and res.json()["error"]["code"] == "csrf_failed"
        token = store.sessions.lookup(client.cookies.get("broadsheet_session"), DAY)["csrf_token"]
        assert client.patch(url, json={"paused": False}, headers={"X-CSRF-Token": token}).status_code == 200
        assert client.get(url).status_code == 200
