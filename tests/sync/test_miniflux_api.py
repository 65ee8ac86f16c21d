"""The Miniflux REST subset: the shapes Miniflux apps read, auth (token and Basic), filters, read state, stars,
and bad input (another user's ids, malformed and oversized payloads) changing nothing. Both databases."""
import base64

import pytest

ENTRY_KEYS = {"id", "user_id", "feed_id", "status", "hash", "title", "url", "comments_url", "published_at",
              "created_at", "content", "author", "starred", "reading_time", "enclosures", "feed"}


def _titles(body):
    return [e["title"] for e in body["entries"]]


def test_me_with_token_and_with_basic_auth(client, reader):
    ann, _ = reader
    for headers in (ann.token, ann.basic):
        r = client.get("/v1/me", headers=headers)
        assert r.status_code == 200
        assert r.json()["username"] == "ann" and r.json()["id"] == ann.user["id"]
        assert r.json()["is_admin"] is False


@pytest.mark.parametrize("headers", [
    {}, {"X-Auth-Token": "not-a-key"}, {"X-Auth-Token": ""},
    {"Authorization": "Basic " + base64.b64encode(b"ann:wrong password").decode()},
    {"Authorization": "Basic " + base64.b64encode(b"nobody:a good password").decode()},
    {"Authorization": "Basic %%%not-base64"}, {"Authorization": "Bearer x"}])
def test_wrong_credentials_are_401_in_miniflux_shape(client, reader, headers):
    r = client.get("/v1/entries", headers=headers)
    assert r.status_code == 401
    assert r.json() == {"error_message": "Access Unauthorized"}


def test_disabled_user_and_revoked_key_are_refused(client, ctx, reader):
    ann, ben = reader
    ctx.store.api_keys.delete(ann.user["id"], ctx.store.api_keys.list(ann.user["id"])[0]["id"])
    assert client.get("/v1/me", headers=ann.token).status_code == 401
    assert client.get("/v1/me", headers=ben.basic).status_code == 200
    ctx.store.users.update(ben.user["id"], disabled=True)
    assert client.get("/v1/me", headers=ben.basic).status_code == 401  # even though the check was remembered
    assert client.get("/v1/me", headers=ben.token).status_code == 401


def test_categories_and_feeds(client, reader):
    ann, _ = reader
    cats = client.get("/v1/categories", headers=ann.token).json()
    assert sorted(c["title"] for c in cats) == ["All", "News"]
    assert all(set(c) >= {"id", "title", "user_id"} and c["user_id"] == ann.user["id"] for c in cats)
    feeds = client.get("/v1/feeds", headers=ann.token).json()
    by_id = {f["id"]: f for f in feeds}
    assert set(by_id) == {s["id"] for s in ann.sources}
    first = by_id[ann.sources[0]["id"]]
    assert first["feed_url"] == ann.sources[0]["url"] and first["title"] == "Outlet 1"
    assert first["category"]["title"] == "News" and first["category"]["id"] == ann.categories["News"]["id"]
    assert by_id[ann.sources[1]["id"]]["category"]["title"] == "All"
    counted = client.get("/v1/categories?counts=true", headers=ann.token).json()
    assert {c["title"]: (c["feed_count"], c["total_unread"]) for c in counted} == {"News": (1, 3), "All": (1, 2)}


def test_entries_shape_order_and_paging(client, reader):
    ann, _ = reader
    body = client.get("/v1/entries?limit=2", headers=ann.token).json()
    assert body["total"] == 5
    assert _titles(body) == ["Story b2", "Story b1"]  # newest first
    entry = body["entries"][0]
    assert set(entry) >= ENTRY_KEYS
    assert entry["status"] == "unread" and entry["starred"] is False and entry["user_id"] == ann.user["id"]
    assert entry["feed_id"] == ann.sources[1]["id"] and entry["feed"]["id"] == ann.sources[1]["id"]
    assert entry["published_at"].endswith("Z") and "<p>" in entry["content"]
    page2 = client.get("/v1/entries?limit=2&offset=2", headers=ann.token).json()
    assert _titles(page2) == ["Story a3", "Story a2"] and page2["total"] == 5
    asc = client.get("/v1/entries?order=published_at&direction=asc&limit=1", headers=ann.token).json()
    assert _titles(asc) == ["Story a1"]
    after = client.get(f"/v1/entries?after_entry_id={ann.ids['a3']}&order=id&direction=asc", headers=ann.token)
    assert _titles(after.json()) == ["Story b1", "Story b2"]


def test_feed_and_category_entries(client, reader):
    ann, ben = reader
    r = client.get(f"/v1/feeds/{ann.sources[0]['id']}/entries?order=published_at&direction=desc&limit=50",
                   headers=ann.token)
    assert _titles(r.json()) == ["Story a3", "Story a2", "Story a1"] and r.json()["total"] == 3
    news = ann.categories["News"]["id"]
    assert len(client.get(f"/v1/categories/{news}/entries", headers=ann.token).json()["entries"]) == 3
    assert len(client.get(f"/v1/entries?category_id={news}", headers=ann.token).json()["entries"]) == 3
    # another user's feed and category: not found, in Miniflux's shape
    r = client.get(f"/v1/feeds/{ben.sources[0]['id']}/entries", headers=ann.token)
    assert r.status_code == 404 and "error_message" in r.json()
    assert client.get(f"/v1/categories/{news}/entries", headers=ben.token).status_code == 404
    assert client.get(f"/v1/entries/{ben.ids['c1']}", headers=ann.token).status_code == 404
    assert client.get(f"/v1/feeds/{ben.sources[0]['id']}", headers=ann.token).status_code == 404


def test_mark_read_and_unread_and_status_filter(client, ctx, reader):
    ann, _ = reader
    ids = [ann.ids["a1"], ann.ids["b2"]]
    r = client.put("/v1/entries", json={"entry_ids": ids, "status": "read"}, headers=ann.token)
    assert r.status_code == 204 and r.content == b""
    marks = ctx.store.states.marks(ann.user["id"], ids)
    assert all(marks[i]["read"] for i in ids)
    unread = client.get("/v1/entries?status=unread", headers=ann.token).json()
    assert unread["total"] == 3 and "Story a1" not in _titles(unread)
    read = client.get("/v1/entries?status=read", headers=ann.token).json()
    assert sorted(_titles(read)) == ["Story a1", "Story b2"]
    assert {e["status"] for e in read["entries"]} == {"read"}
    counters = client.get("/v1/feeds/counters", headers=ann.token).json()
    assert counters["unreads"] == {str(ann.sources[0]["id"]): 2, str(ann.sources[1]["id"]): 1}
    assert counters["reads"] == {str(ann.sources[0]["id"]): 1, str(ann.sources[1]["id"]): 1}
    client.put("/v1/entries", json={"entry_ids": [ann.ids["a1"]], "status": "unread"}, headers=ann.basic)
    assert ctx.store.states.marks(ann.user["id"], [ann.ids["a1"]])[ann.ids["a1"]]["read"] is False


def test_bookmark_toggles_star(client, ctx, reader):
    ann, _ = reader
    a2 = ann.ids["a2"]
    assert client.put(f"/v1/entries/{a2}/bookmark", headers=ann.token).status_code == 204
    assert client.get(f"/v1/entries/{a2}", headers=ann.token).json()["starred"] is True
    starred = client.get("/v1/entries?starred=true", headers=ann.token).json()
    assert _titles(starred) == ["Story a2"] and starred["total"] == 1
    client.put(f"/v1/entries/{a2}/bookmark", headers=ann.token)
    assert ctx.store.states.marks(ann.user["id"], [a2])[a2]["saved"] is False


def test_another_users_entries_are_left_unchanged(client, ctx, reader):
    ann, ben = reader
    c1 = ben.ids["c1"]
    r = client.put("/v1/entries", json={"entry_ids": [c1, ann.ids["a1"]], "status": "read"}, headers=ann.token)
    assert r.status_code == 204
    assert ctx.store.states.marks(ann.user["id"], [c1]) == {}  # not ann's: untouched
    assert ctx.store.states.marks(ben.user["id"], [c1]) == {}
    assert client.put(f"/v1/entries/{c1}/bookmark", headers=ann.token).status_code == 404
    assert ctx.store.states.marks(ann.user["id"], [c1]) == {}


@pytest.mark.parametrize("body", [
    b"not json", b"[1, 2]", b'{"entry_ids": [], "status": "read"}', b'{"entry_ids": [1], "status": "gone"}',
    b'{"entry_ids": ["1"], "status": "read"}', b'{"entry_ids": [true], "status": "read"}',
    b'{"entry_ids": [-4], "status": "read"}', b'{"status": "read"}', b'{"entry_ids": 5, "status": "read"}'])
def test_malformed_payloads_are_400_and_change_nothing(client, ctx, reader, body):
    ann, _ = reader
    r = client.put("/v1/entries", content=body, headers={**ann.token, "Content-Type": "application/json"})
    assert r.status_code == 400 and set(r.json()) == {"error_message"}
    assert ctx.store.states.marks(ann.user["id"], ann.ids.values()) == {}


def test_oversized_payloads_are_413_and_change_nothing(client, ctx, reader):
    ann, _ = reader
    many = {"entry_ids": [ann.ids["a1"]] * 1001, "status": "read"}
    assert client.put("/v1/entries", json=many, headers=ann.token).status_code == 413
    huge = b'{"entry_ids": [' + b"1, " * 200_000 + b'1], "status": "read"}'
    assert client.put("/v1/entries", content=huge, headers=ann.token).status_code == 413
    assert ctx.store.states.marks(ann.user["id"], ann.ids.values()) == {}


@pytest.mark.parametrize("query", ["limit=0", "limit=abc", "limit=5000", "offset=-1", "direction=up",
                                   "order=title", "status=maybe", "starred=perhaps", "after=yesterday"])
def test_bad_query_parameters_are_400(client, reader, query):
    ann, _ = reader
    r = client.get(f"/v1/entries?{query}", headers=ann.token)
    assert r.status_code == 400 and "error_message" in r.json()


def test_unknown_paths_answer_in_each_protocols_shape(client, reader):
    ann, _ = reader
    r = client.get("/v1/nothing-here", headers=ann.token)
    assert r.status_code == 404 and "error_message" in r.json()
    r = client.get("/api/greader.php/reader/api/0/nothing-here")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/plain")


def test_basic_auth_takes_an_api_key_as_password_and_doubled_slashes(client, reader):
    ann, ben = reader
    as_key = {"Authorization": "Basic " + base64.b64encode(f"ann:{ann.key}".encode()).decode()}
    assert client.get("/v1/me", headers=as_key).json()["username"] == "ann"
    wrong_user = {"Authorization": "Basic " + base64.b64encode(f"ben:{ann.key}".encode()).decode()}
    assert client.get("/v1/me", headers=wrong_user).status_code == 401
    # the server address given as https://host/ (httpx needs the full URL to send a path starting with //)
    assert client.get("http://testserver//v1/me", headers=ann.token).json()["username"] == "ann"
    r = client.post("/api/greader.php//accounts/ClientLogin", data={"Email": "ann", "Passwd": ann.key})
    assert r.status_code == 200 and "Auth=ann/" in r.text
