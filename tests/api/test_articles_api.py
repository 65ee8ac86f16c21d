from tests.web.seeding import BODY_HTML, add_source, record, seed


def test_articles_are_paged_by_offset_newest_first(client, store):
    one, two = add_source(store, 1), add_source(store, 2)
    ids = seed(store, one, *[record(f"a{i}", hours_ago=i) for i in range(5)])
    seed(store, two, record("b", hours_ago=10))
    first = client.get("/api/v1/articles", params={"limit": 2}).json()
    assert [a["id"] for a in first["items"]] == ids[:2] and first["next_offset"] == 2
    second = client.get("/api/v1/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in second["items"]] == ids[2:4] and second["next_offset"] == 4
    last = client.get("/api/v1/articles", params={"limit": 2, "offset": 4}).json()
    assert len(last["items"]) == 2 and last["next_offset"] is None
    only_one = client.get("/api/v1/articles", params={"source_id": one["id"], "limit": 100}).json()
    assert [a["id"] for a in only_one["items"]] == ids and only_one["next_offset"] is None
    assert client.get("/api/v1/articles", params={"limit": 101}).status_code == 422
    default = client.get("/api/v1/articles").json()  # the page size setting (5 in these tests)
    assert len(default["items"]) == 5 and default["next_offset"] == 5


def test_article_summary_and_full_article(client, store):
    source = add_source(store, title="Wire")
    [article_id] = seed(store, source, record("full", authors=["Ann", "Bo"], content_html=BODY_HTML,
                                              summary="Short summary"))
    item = client.get("/api/v1/articles").json()["items"][0]
    assert item["authors"] == ["Ann", "Bo"] and item["source_title"] == "Wire" and "content_html" not in item
    assert item["published_at"].endswith("Z") and item["summary"] == "Short summary"
    full = client.get(f"/api/v1/articles/{article_id}").json()
    assert full["content_html"] == BODY_HTML and full["content_text"] and full["extraction_error"] is None
    assert full["url"] == "https://news.example/full" and full["duplicate_of"] is None


def test_duplicates_are_left_out_unless_asked_for(client, store):
    text = "one agency story printed word for word by two different papers today " * 2
    seed(store, add_source(store, 1), record("first", hours_ago=2, text=text))
    seed(store, add_source(store, 2), record("copy", hours_ago=1, text=text))
    assert [a["title"] for a in client.get("/api/v1/articles").json()["items"]] == ["Story first"]
    both = client.get("/api/v1/articles", params={"include_duplicates": True}).json()["items"]
    assert [a["title"] for a in both] == ["Story copy", "Story first"] and both[0]["duplicate_of"] == both[1]["id"]
