"""The Google Reader API: ClientLogin, long and short item ids, continuation, xt/it/ot/nt filters, edit-tag,
unread counts, subscriptions, and bad input (wrong credentials, another user's ids, malformed and oversized
requests) changing nothing. Under both /api/greader.php and the root, on both databases."""
import pytest

from broadsheet.api.greader.ids import long_id

BASE = "/api/greader.php"
API = f"{BASE}/reader/api/0"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"


def login(client, reader, base=BASE) -> dict:
    r = client.post(f"{base}/accounts/ClientLogin", data={"Email": reader.user["username"], "Passwd": reader.key})
    assert r.status_code == 200
    auth = dict(line.split("=", 1) for line in r.text.strip().splitlines())["Auth"]
    return {"Authorization": f"GoogleLogin auth={auth}"}


def _titles(body):
    return [i["title"] for i in body["items"]]


def test_client_login_and_user_info_at_both_addresses(client, reader):
    ann, _ = reader
    for base in (BASE, ""):
        auth = login(client, ann, base)
        info = client.get(f"{base}/reader/api/0/user-info", headers=auth).json()
        assert info["userName"] == "ann" and info["userId"] == str(ann.user["id"])


@pytest.mark.parametrize("form", [
    {"Email": "ann", "Passwd": "a good password"},  # the account password is not an API key
    {"Email": "ann", "Passwd": "wrong"}, {"Email": "ben", "Passwd": "KEY"}, {"Email": "", "Passwd": ""}, {}])
def test_client_login_refuses_wrong_credentials(client, reader, form):
    ann, _ = reader
    form = {k: (ann.key if v == "KEY" else v) for k, v in form.items()}
    r = client.post(f"{BASE}/accounts/ClientLogin", data=form)
    assert r.status_code == 401 and "BadAuthentication" in r.text


@pytest.mark.parametrize("header", [None, "GoogleLogin auth=ann/nope", "GoogleLogin auth=", "Bearer x",
                                    "GoogleLogin auth=ben/KEY"])
def test_api_calls_without_a_valid_auth_are_401(client, reader, header):
    ann, _ = reader
    headers = {"Authorization": header.replace("KEY", ann.key)} if header else {}
    r = client.get(f"{API}/stream/contents/user/-/state/com.google/reading-list", headers=headers)
    assert r.status_code == 401 and r.text.startswith("Unauthorized")


def test_subscriptions_tags_and_unread_counts(client, reader):
    ann, _ = reader
    auth = login(client, ann)
    subs = client.get(f"{API}/subscription/list?output=json", headers=auth).json()["subscriptions"]
    by_id = {s["id"]: s for s in subs}
    s1, s2 = (f"feed/{s['id']}" for s in ann.sources)
    assert set(by_id) == {s1, s2}
    assert by_id[s1]["categories"] == [{"id": "user/-/label/News", "label": "News"}]
    assert by_id[s2]["categories"] == [] and by_id[s1]["url"] == ann.sources[0]["url"]
    tags = client.get(f"{API}/tag/list?output=json", headers=auth).json()["tags"]
    assert {"id": "user/-/label/News", "type": "folder"} in tags
    counts = {c["id"]: c["count"] for c in client.get(f"{API}/unread-count?output=json",
                                                          headers=auth).json()["unreadcounts"]}
    assert counts == {s1: 3, s2: 2, "user/-/label/News": 3, "user/-/state/com.google/reading-list": 5}


def test_stream_contents_shape_continuation_and_order(client, reader):
    ann, _ = reader
    auth = login(client, ann)
    first = client.get(f"{API}/stream/contents/user/-/state/com.google/reading-list?n=2&output=json",
                       headers=auth).json()
    assert _titles(first) == ["Story b2", "Story b1"]
    item = first["items"][0]
    assert item["id"] == long_id(ann.ids["b2"]) and item["origin"]["streamId"] == f"feed/{ann.sources[1]['id']}"
    assert item["alternate"][0]["href"].endswith("/b2") and "<p>" in item["summary"]["content"]
    assert "user/-/state/com.google/reading-list" in item["categories"] and READ not in item["categories"]
    assert int(item["timestampUsec"]) // 1_000_000 == item["published"]
    second = client.get(f"{API}/stream/contents?n=2&c={first['continuation']}", headers=auth).json()
    assert _titles(second) == ["Story a3", "Story a2"]
    last = client.get(f"{API}/stream/contents?n=2&c={second['continuation']}", headers=auth).json()
    assert _titles(last) == ["Story a1"] and "continuation" not in last
    oldest = client.get(f"{API}/stream/contents?n=2&r=o", headers=auth).json()
    assert _titles(oldest) == ["Story a1", "Story a2"]
    feed = client.get(f"{API}/stream/contents/feed%2F{ann.sources[0]['id']}", headers=auth).json()
    assert _titles(feed) == ["Story a3", "Story a2", "Story a1"]
    label = client.get(f"{API}/stream/contents/user/-/label/News", headers=auth).json()
    assert len(label["items"]) == 3


def test_xt_it_ot_nt_filters_and_item_ids(client, ctx, reader):
    ann, _ = reader
    auth = login(client, ann)
    ctx.store.states.mark(ann.user["id"], [ann.ids["a3"]], read=True)
    ctx.store.states.mark(ann.user["id"], [ann.ids["a1"]], saved=True)
    unread = client.get(f"{API}/stream/contents?xt={READ}&n=50", headers=auth).json()
    assert "Story a3" not in _titles(unread) and len(unread["items"]) == 4
    starred = client.get(f"{API}/stream/contents/{STARRED}", headers=auth).json()
    assert _titles(starred) == ["Story a1"] and STARRED in starred["items"][0]["categories"]
    refs = client.get(f"{API}/stream/items/ids?s={STARRED}&n=1000", headers=auth).json()["itemRefs"]
    assert refs == [{"id": str(ann.ids["a1"]), "directStreamIds": [], "timestampUsec": refs[0]["timestampUsec"]}]
    read_ids = client.get(f"{API}/stream/items/ids?s=user/-/state/com.google/reading-list&it={READ}",
                          headers=auth).json()["itemRefs"]
    assert [r["id"] for r in read_ids] == [str(ann.ids["a3"])]
    items = client.get(f"{API}/stream/contents?n=50", headers=auth).json()["items"]
    published = {i["title"]: i["published"] for i in items}
    ot = client.get(f"{API}/stream/contents?ot={published['Story b1']}", headers=auth).json()
    assert _titles(ot) == ["Story b2", "Story b1"]
    nt = client.get(f"{API}/stream/contents?nt={published['Story a2']}", headers=auth).json()
    assert _titles(nt) == ["Story a2", "Story a1"]


def test_items_contents_take_long_and_short_ids(client, reader):
    ann, ben = reader
    auth = login(client, ann)
    a1, b1 = ann.ids["a1"], ann.ids["b1"]
    form = {"i": [long_id(a1), str(b1), str(ben.ids["c1"])]}  # ben's item is not ann's: left out
    body = client.post(f"{API}/stream/items/contents", data=form, headers=auth).json()
    assert sorted(i["id"] for i in body["items"]) == sorted([long_id(a1), long_id(b1)])
    signed = str(a1 - 2**64)  # some clients send ids as signed 64-bit numbers
    assert client.post(f"{API}/stream/items/contents", data={"i": signed}, headers=auth).json()["items"][0]["id"] \
        == long_id(a1)


def test_edit_tag_read_unread_star_with_token(client, ctx, reader):
    ann, _ = reader
    auth = login(client, ann)
    token = client.get(f"{API}/token", headers=auth).text.strip()
    a1, a2 = ann.ids["a1"], ann.ids["a2"]
    r = client.post(f"{API}/edit-tag", data={"i": [long_id(a1), str(a2)], "a": READ, "T": token},
                    headers=auth)
    assert r.status_code == 200 and r.text == "OK"
    marks = ctx.store.states.marks(ann.user["id"], [a1, a2])
    assert marks[a1]["read"] and marks[a2]["read"]
    client.post(f"{API}/edit-tag", data={"i": str(a1), "r": READ, "a": STARRED}, headers=auth)
    marks = ctx.store.states.marks(ann.user["id"], [a1])
    assert marks[a1]["read"] is False and marks[a1]["saved"] is True
    counts = client.get(f"{API}/unread-count", headers=auth).json()
    assert {c["id"]: c["count"] for c in counts["unreadcounts"]}["user/-/state/com.google/reading-list"] == 4


def test_mark_all_as_read_by_feed_label_and_time(client, ctx, reader):
    ann, _ = reader
    auth = login(client, ann)
    s1, s2 = ann.sources
    assert client.post(f"{API}/mark-all-as-read", data={"s": f"feed/{s2['id']}"}, headers=auth).text == "OK"
    assert ctx.store.states.unread_counts(ann.user["id"]) == {s1["id"]: 3}
    items = client.get(f"{API}/stream/contents/feed/{s1['id']}", headers=auth).json()["items"]
    a2_usec = [i for i in items if i["title"] == "Story a2"][0]["timestampUsec"]
    client.post(f"{API}/mark-all-as-read", data={"s": "user/-/label/News", "ts": a2_usec}, headers=auth)
    assert ctx.store.states.unread_counts(ann.user["id"]) == {s1["id"]: 1}  # a3 is newer than ts


def test_another_users_feeds_and_items_are_untouched(client, ctx, reader):
    ann, ben = reader
    auth = login(client, ann)
    c1, ben_feed = ben.ids["c1"], f"feed/{ben.sources[0]['id']}"
    assert client.get(f"{API}/stream/contents/{ben_feed}", headers=auth).status_code == 404
    assert client.post(f"{API}/edit-tag", data={"i": str(c1), "a": READ}, headers=auth).text == "OK"
    assert ctx.store.states.marks(ann.user["id"], [c1]) == {} and ctx.store.states.marks(ben.user["id"], [c1]) == {}
    assert client.post(f"{API}/mark-all-as-read", data={"s": ben_feed}, headers=auth).status_code == 404
    r = client.post(f"{API}/subscription/edit", data={"ac": "unsubscribe", "s": ben_feed}, headers=auth)
    assert r.status_code == 404
    assert [s["source_id"] for s in ctx.store.subscriptions.list(ben.user["id"])] == [ben.sources[0]["id"]]
    assert ctx.store.states.unread_counts(ben.user["id"]) == {ben.sources[0]["id"]: 2}


@pytest.mark.parametrize("form", [
    {"i": "tag:google.com,2005:reader/item/xyz", "a": READ}, {"i": "12abc", "a": READ}, {"a": READ},
    {"i": "1"}, {"i": "0", "a": READ}, {"i": "1", "a": "something/else"}, {"i": "1", "a": READ, "T": "forged"}])
def test_malformed_edit_tag_is_refused_and_changes_nothing(client, ctx, reader, form):
    ann, _ = reader
    auth = login(client, ann)
    form = {k: (str(ann.ids["a1"]) if v == "1" else v) for k, v in form.items()}
    r = client.post(f"{API}/edit-tag", data=form, headers=auth)
    assert r.status_code in (400, 401) and r.text != "OK"
    assert ctx.store.states.marks(ann.user["id"], ann.ids.values()) == {}


def test_oversized_requests_are_413_and_change_nothing(client, ctx, reader):
    ann, _ = reader
    auth = login(client, ann)
    many = {"i": [str(ann.ids["a1"])] * 1001, "a": READ}
    assert client.post(f"{API}/edit-tag", data=many, headers=auth).status_code == 413
    huge = "i=" + "1" * 300_000 + "&a=" + READ
    r = client.post(f"{API}/edit-tag", content=huge, headers={**auth, "Content-Type":
                                                                "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert ctx.store.states.marks(ann.user["id"], ann.ids.values()) == {}


@pytest.mark.parametrize("query", ["c=garbage", "r=x", "n=lots", "ot=yesterday", "xt=user/-/label/News",
                                   "s=nonsense"])
def test_bad_stream_parameters_are_400(client, reader, query):
    ann, _ = reader
    r = client.get(f"{API}/stream/contents?{query}", headers=login(client, ann))
    assert r.status_code == 400


def test_subscription_edit_rename_move_and_unsubscribe(client, ctx, reader):
    ann, _ = reader
    auth = login(client, ann)
    s2 = f"feed/{ann.sources[1]['id']}"
    r = client.post(f"{API}/subscription/edit", data={"ac": "edit", "s": s2, "t": "Renamed",
                                                      "a": "user/-/label/Later"}, headers=auth)
    assert r.text == "OK"
    sub = ctx.store.subscriptions.get(ann.user["id"], ann.sources[1]["id"])
    assert sub["title"] == "Renamed" and sub["category_title"] == "Later"
    client.post(f"{API}/subscription/edit", data={"ac": "unsubscribe", "s": s2}, headers=auth)
    assert [s["source_id"] for s in ctx.store.subscriptions.list(ann.user["id"])] == [ann.sources[0]["id"]]
    client.post(f"{API}/subscription/edit", data={"ac": "subscribe", "s": s2}, headers=auth)
    assert len(ctx.store.subscriptions.list(ann.user["id"])) == 2
    assert client.post(f"{API}/subscription/edit", data={"ac": "explode", "s": s2}, headers=auth).status_code == 400


def test_continuation_walks_ties_without_gaps_or_repeats(client, ctx, reader):
    from datetime import datetime

    from broadsheet.model import ArticleRecord
    from tests.web.seeding import add_source, seed
    ann, _ = reader
    source = add_source(ctx.store, 9)
    same = datetime(2026, 1, 2, 3, 4, 5, 123457)  # equal times: only the id orders them
    records = [ArticleRecord(url=f"https://tie.example/{n}", canonical_url=f"https://tie.example/{n}",
                             title=f"Tie {n}", published_at=same, content_text=f"tie {n}", content_hash=f"tie{n}")
               for n in range(4)]
    ids = seed(ctx.store, source, *records)
    ctx.store.subscriptions.subscribe(ann.user["id"], source["id"])
    auth, seen, token = login(client, ann), [], ""
    for _ in range(10):
        page = client.get(f"{API}/stream/contents/feed/{source['id']}?n=1&c={token}", headers=auth).json()
        seen += [i["id"] for i in page["items"]]
        token = page.get("continuation")
        if not token:
            break
    assert seen == [long_id(i) for i in sorted(ids, reverse=True)]
