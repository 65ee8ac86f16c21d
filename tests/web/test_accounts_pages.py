"""Sign-up (open, invite, closed), sign-in and out, wrong passwords, rate limits, password changes, CSRF."""
from datetime import timedelta

import pytest

from broadsheet.accounts.users import authenticate, create_user
from tests.support.forms import PASSWORD, Forms

from .accounts_fixtures import app_client, signed_in
from .html import main_of, text_of

DAY = timedelta(days=1)


def _error(res) -> str:
    return text_of(main_of(res).xpath(".//*[@id='form-error']")[0])


def test_open_signup_creates_the_account_and_signs_in(store):
    with app_client(store, signup="open") as (client, _ctx):
        res = Forms(client).sign_up("ada")
        assert res.status_code == 303 and res.headers["location"] == "/account?done=welcome"
        page = client.get("/account")
        assert page.status_code == 200 and "Signed in as ada" in text_of(main_of(page))
        user = store.users.by_username("ada")
        assert user["role"] == "reader" and user["password_hash"].startswith("$argon2id$")
        assert "httponly" in res.headers["set-cookie"].lower() and "samesite=lax" in res.headers["set-cookie"].lower()


@pytest.mark.parametrize("name, code", [("a", "invalid_username"), ("<script>x</script>", "invalid_username"),
                                        ("x" * 33, "invalid_username"), ("has space", "invalid_username"),
                                        ("-dash", "invalid_username"), ("null\x00byte", "invalid_username")])
def test_bad_usernames_are_refused_with_a_clear_error(store, name, code):
    with app_client(store, signup="open") as (client, _ctx):
        res = Forms(client).sign_up(name)
        assert res.status_code == 400 and code in _error(res) and "2 to 32 characters" in _error(res)
        assert store.users.count() == 0


def test_signup_errors_name_taken_weak_password_mismatch(store):
    create_user(store, "Grace", PASSWORD)
    with app_client(store, signup="open") as (client, _ctx):
        forms = Forms(client)
        assert forms.sign_up("grace").status_code == 409  # names are unique without regard to case
        res = forms.sign_up("henry", "short")
        assert res.status_code == 400 and "at least 8" in _error(res)
        res = forms.sign_up("henry", password2="another password")
        assert res.status_code == 400 and "not the same" in _error(res)
        assert store.users.count() == 1


def test_invite_only_signup_spends_the_code_once(store):
    admin = create_user(store, "root", PASSWORD, "admin")
    code = store.invites.create(admin["id"])
    with app_client(store, signup="invite") as (client, _ctx):
        forms = Forms(client)
        page = client.get(f"/signup?invite={code}")
        assert main_of(page).xpath(".//input[@name='invite']/@value") == [code]
        res = forms.sign_up("nocode")
        assert res.status_code == 403 and "invite code" in _error(res)
        res = forms.sign_up("wrongcode", invite="not-a-code")
        assert res.status_code == 403 and "not valid" in _error(res)
        assert forms.sign_up("ivy", invite=code).status_code == 303
        client.cookies.clear()
        res = Forms(client).sign_up("jack", invite=code)
        assert res.status_code == 403 and "already been used" in _error(res)
        assert [u["username"] for u in store.users.list()] == ["ivy", "root"]
        assert store.invites.list()[0]["used_by_name"] == "ivy"


def test_a_taken_name_does_not_spend_the_invite(store):
    admin = create_user(store, "root", PASSWORD, "admin")
    code = store.invites.create(admin["id"])
    with app_client(store, signup="invite") as (client, _ctx):
        assert Forms(client).sign_up("root", invite=code).status_code == 409
        assert Forms(client).sign_up("kim", invite=code).status_code == 303


def test_closed_signup_refuses(store):
    with app_client(store, signup="closed") as (client, _ctx):
        page = client.get("/signup")
        assert page.status_code == 403 and "Sign-up is closed" in page.text
        token = client.cookies.get("broadsheet_csrf") or "x"
        client.cookies.set("broadsheet_csrf", token)
        res = client.post("/signup", data={"csrf_token": token, "username": "zed", "password": PASSWORD,
                                           "password2": PASSWORD})
        assert res.status_code == 403 and store.users.count() == 0


def test_login_logout_and_wrong_password(store):
    create_user(store, "ada", PASSWORD)
    with app_client(store) as (client, _ctx):
        forms = Forms(client)
        res = forms.log_in("ada", "not the password")
        assert res.status_code == 401 and "do not match" in _error(res)
        assert forms.log_in("nobody").status_code == 401
        assert forms.log_in("ada\x00").status_code == 401  # a NUL byte is just a wrong name (PostgreSQL too)
        assert "Sign in" in client.get("/").text
        res = forms.log_in("ADA", next="/sources")
        assert res.status_code == 303 and res.headers["location"] == "/sources"
        assert ">ada</a>" in client.get("/sources").text
        res = forms.log_out()
        assert res.status_code == 303
        assert "Sign in" in client.get("/sources").text
        assert client.get("/account", follow_redirects=False).headers["location"].startswith("/login")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example"])
def test_login_never_redirects_off_site(store, target):
    create_user(store, "ada", PASSWORD)
    with app_client(store) as (client, _ctx):
        assert Forms(client).log_in("ada", next=target).headers["location"] == "/"


def test_login_rate_limit_per_address_and_per_username(store):
    create_user(store, "ada", PASSWORD)
    with app_client(store, login_rate_limit="3/15m") as (client, _ctx):
        forms = Forms(client)
        for _ in range(3):
            assert forms.log_in("ada", "wrong password").status_code == 401
        res = forms.log_in("ada")  # even the right password, once the limit is hit
        assert res.status_code == 429 and "Too many sign-in attempts" in _error(res)
        assert "Sign in" in client.get("/").text


def test_signup_rate_limit(store):
    with app_client(store, signup="open", signup_rate_limit="2/1h") as (client, _ctx):
        assert Forms(client).sign_up("x").status_code == 400
        assert Forms(client).sign_up("y").status_code == 400
        res = Forms(client).sign_up("goodname")
        assert res.status_code == 429 and store.users.count() == 0


def test_bad_rate_limit_setting_is_a_clear_error(store):
    with app_client(store, login_rate_limit="lots") as (client, _ctx):
        res = Forms(client).log_in("ada")
        assert res.status_code == 400 and "BROADSHEET_LOGIN_RATE_LIMIT" in _error(res)


def test_change_password_signs_out_other_sessions(store):
    with app_client(store) as (client, _ctx):
        user, forms = signed_in(client, store, "ada")
        other_session, _csrf = store.sessions.create(user["id"], DAY)
        res = forms.post("/account", "/account/password", current="wrong one!", new="new password 1",
                         new2="new password 1")
        assert res.status_code == 403 and "not right" in _error(res)
        res = forms.post("/account", "/account/password", current=PASSWORD, new="new password 1",
                         new2="new password 2")
        assert res.status_code == 400
        assert authenticate(store, "ada", PASSWORD) is not None
        res = forms.post("/account", "/account/password", current=PASSWORD, new="new password 1",
                         new2="new password 1", follow=True)
        assert res.status_code == 200 and "Password changed" in res.text and ">ada</a>" in res.text
        assert authenticate(store, "ada", PASSWORD) is None and authenticate(store, "ada", "new password 1")
        assert store.sessions.lookup(other_session, DAY) is None


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_forms_without_the_right_csrf_token_are_refused_and_change_nothing(store, token):
    create_user(store, "ada", PASSWORD)
    with app_client(store, signup="open") as (client, _ctx):
        data = {} if token is None else {"csrf_token": token}
        Forms(client).token("/login")  # the visitor has a CSRF cookie; the form carries another value (or none)
        res = client.post("/login", data={**data, "username": "ada", "password": PASSWORD}, follow_redirects=False)
        assert res.status_code == 403 and "csrf_failed" in res.text
        res = client.post("/signup", data={**data, "username": "bob", "password": PASSWORD, "password2": PASSWORD})
        assert res.status_code == 403 and store.users.count() == 1
        user, _forms = signed_in(client, store, "ada")
        res = client.post("/account/password", data={**data, "current": PASSWORD, "new": "new password 1",
                                                      "new2": "new password 1"})
        assert res.status_code == 403 and authenticate(store, "ada", PASSWORD) is not None
        assert client.post("/logout", data=data).status_code == 403
        assert ">ada</a>" in client.get("/sources").text  # still signed in
