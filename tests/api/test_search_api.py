from tests.web.seeding import add_source, record, seed


def test_search_returns_ranked_hits_with_html_snippets_and_a_total(client, store):
    source = add_source(store)
    seed(store, source, record("t", title="Volcano erupts", text="Lava reached the village overnight " * 5),
         *[record(f"b{i}", title=f"Roundup {i}", text=f"Item {i}: a volcano was mentioned once in passing here")
           for i in range(3)], record("x", text="Nothing relevant at all in this one " * 4))
    res = client.get("/api/v1/search", params={"q": "volcano", "limit": 2})
    assert res.status_code == 200
    body = res.json()
    assert body["query"] == "volcano" and body["total"] == 4 and body["next_offset"] == 2
    assert body["items"][0]["title"] == "Volcano erupts" and len(body["items"]) == 2
    assert "<mark>volcano</mark>" in body["items"][1]["snippet"].lower()
    rest = client.get("/api/v1/search", params={"q": "volcano", "limit": 2, "offset": 2}).json()
    assert len(rest["items"]) == 2 and rest["next_offset"] is None


def test_search_needs_a_query(client):
    res = client.get("/api/v1/search")
    assert res.status_code == 422 and res.json()["error"]["detail"][0]["field"] == "q"
    assert client.get("/api/v1/search", params={"q": "!!!"}).json() == {
        "query": "!!!", "total": 0, "total_exact": True, "items": [], "next_offset": None}
