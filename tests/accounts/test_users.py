"""Users, passwords, sessions, API keys and rate limits, on SQLite and PostgreSQL."""
from datetime import timedelta

import pytest

from broadsheet.accounts.passwords import verify_password
from broadsheet.accounts.users import authenticate, change_password, create_user
from broadsheet.errors import Conflict, InvalidInput, NotFound
from broadsheet.store.rate_limits_repo import RateLimited

DAY = timedelta(days=1)


def test_create_hashes_the_password_and_names_are_unique_without_case(store):
    user = create_user(store, "Ada", "correct horse", "admin")
    assert user["role"] == "admin" and user["username"] == "Ada"
    assert user["password_hash"].startswith("$argon2id$") and "correct horse" not in user["password_hash"]
    assert verify_password(user["password_hash"], "correct horse")
    assert len(user["feed_token"]) >= 24
    with pytest.raises(Conflict) as e:
        create_user(store, "ada", "another password")
    assert e.value.code == "username_taken"
    assert store.users.count() == 1


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "a", "x" * 33, "bob smith", "\"onmouseover=x", ""])
def test_bad_usernames_are_refused(store, name):
    with pytest.raises(InvalidInput) as e:
        create_user(store, name, "long enough")
    assert e.value.code == "invalid_username"
    assert store.users.count() == 0


def test_weak_password_and_unknown_role_are_refused(store):
    with pytest.raises(InvalidInput, match="at least 8"):
        create_user(store, "bob", "short")
    with pytest.raises(InvalidInput, match="Unknown role"):
        create_user(store, "bob", "long enough", "root")
    assert store.users.count() == 0


def test_authenticate_and_change_password(store):
    user = create_user(store, "carol", "first password")
    assert authenticate(store, "CAROL", "first password")["id"] == user["id"]
    assert authenticate(store, "carol", "wrong password") is None
    assert authenticate(store, "nobody", "first password") is None
    with pytest.raises(InvalidInput) as e:
        change_password(store, user, "not it", "second password")
    assert e.value.status == 403
    change_password(store, store.users.get(user["id"]), "first password", "second password")
    assert authenticate(store, "carol", "first password") is None
    assert authenticate(store, "carol", "second password") is not None
    store.users.update(user["id"], disabled=True)
    assert authenticate(store, "carol", "second password") is None


def test_sessions_expire_and_end(store):
    user = create_user(store, "dan", "password one")
    token, csrf = store.sessions.create(user["id"], DAY)
    found = store.sessions.lookup(token, DAY)
    assert found["id"] == user["id"] and found["csrf_token"] == csrf
    assert store.sessions.lookup(token + "x", DAY) is None
    other, _ = store.sessions.create(user["id"], DAY)
    store.sessions.delete_for_user(user["id"], keep_token=token)
    assert store.sessions.lookup(other, DAY) is None and store.sessions.lookup(token, DAY) is not None
    store.sessions.delete(token)
    assert store.sessions.lookup(token, DAY) is None
    expired, _ = store.sessions.create(user["id"], timedelta(seconds=-1))
    assert store.sessions.lookup(expired, DAY) is None


def test_api_keys_belong_to_their_user(store):
    a = create_user(store, "erin", "password one")
    b = create_user(store, "frank", "password two")
    key = store.api_keys.create(a["id"], "phone")
    assert store.api_keys.lookup(key)["id"] == a["id"]
    assert store.api_keys.lookup(key, kind="greader") is None
    assert store.api_keys.lookup("made-up") is None
    key_id = store.api_keys.list(a["id"])[0]["id"]
    with pytest.raises(NotFound):
        store.api_keys.delete(b["id"], key_id)  # another user's key id changes nothing
    assert store.api_keys.lookup(key) is not None
    store.api_keys.delete(a["id"], key_id)
    assert store.api_keys.lookup(key) is None


def test_rate_limit_counts_hits_in_the_window(store):
    for _ in range(3):
        store.rate_limits.hit("login:ip:1", 3, timedelta(minutes=5), "sign-in attempts")
    with pytest.raises(RateLimited, match="at most 3 in 5 minutes") as e:
        store.rate_limits.hit("login:ip:1", 3, timedelta(minutes=5), "sign-in attempts")
    assert e.value.status == 429
    store.rate_limits.hit("login:ip:2", 3, timedelta(minutes=5))  # other buckets are not affected
    store.rate_limits.clear("login:ip:1")
    store.rate_limits.hit("login:ip:1", 3, timedelta(minutes=5))
