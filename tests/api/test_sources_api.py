from tests.web.seeding import RecordingQueue, add_source, make_context, record, seed


def test_list_and_read_sources_with_health(client, store):
    source = add_source(store, title="Harbour Herald", folder="Local")
    seed(store, source, record("a"), record("b"))
    listed = client.get("/api/v1/sources").json()["items"]
    assert [(s["id"], s["title"], s["folder"], s["article_count"]) for s in listed] == \
        [(source["id"], "Harbour Herald", "Local", 2)]
    one = client.get(f"/api/v1/sources/{source['id']}").json()
    assert one["article_count"] == 2 and one["paused"] is False and one["error_count"] == 0
    assert one["created_at"].endswith("Z") and one["last_error"] is None


def test_patch_pauses_renames_and_moves(client, store):
    source = add_source(store)
    res = client.patch(f"/api/v1/sources/{source['id']}", json={"paused": True})
    assert res.status_code == 200 and res.json()["paused"] is True
    assert store.sources.get(source["id"])["paused"] is True
    res = client.patch(f"/api/v1/sources/{source['id']}", json={"title": "New name", "folder": "", "paused": False})
    assert (res.json()["title"], res.json()["folder"], res.json()["paused"]) == ("New name", None, False)
    assert client.patch(f"/api/v1/sources/{source['id']}", json={"paused": None}).status_code == 400
    assert client.patch("/api/v1/sources/999", json={"paused": True}).status_code == 404


def test_delete_removes_the_source_and_its_articles(client, store):
    source = add_source(store)
    seed(store, source, record("a"))
    res = client.delete(f"/api/v1/sources/{source['id']}")
    assert res.status_code == 204 and res.content == b""
    assert store.sources.count() == 0 and store.articles.count() == 0
    assert client.delete(f"/api/v1/sources/{source['id']}").status_code == 404


def test_refresh_is_queued_when_a_queue_runs(store):
    from fastapi.testclient import TestClient

    from broadsheet.web.app import create_app

    source = add_source(store)
    ctx = make_context(store, queue=RecordingQueue())
    with TestClient(create_app(ctx)) as client:
        res = client.post(f"/api/v1/sources/{source['id']}/refresh")
        assert res.status_code == 202 and res.json()["queued"] is True
        assert client.post("/api/v1/sources/999/refresh").status_code == 404
    ctx.pipeline.close()
    assert ctx.queue.jobs == [("refresh_source", {"source_id": source["id"]})]


def test_refresh_runs_at_once_without_a_queue(client, store):
    source = add_source(store, url="http://127.0.0.1:9/feed.xml")  # refused: private address
    res = client.post(f"/api/v1/sources/{source['id']}/refresh")
    assert res.status_code == 200
    body = res.json()
    assert body["queued"] is False and body["error"] and body["inserted"] == 0
    assert store.sources.get(source["id"])["error_count"] == 1
