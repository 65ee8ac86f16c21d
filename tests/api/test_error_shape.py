"""The one JSON error shape, pinned: {"error": {"code", "message", "status", "detail"}}."""
from fastapi.testclient import TestClient

from broadsheet.web.app import create_app
from tests.web.seeding import add_source, make_context

from .feed_server import serving_feed


def _error(res, status: int) -> dict:
    assert res.status_code == status, res.text
    assert res.headers["content-type"] == "application/json"
    body = res.json()
    assert list(body) == ["error"] and list(body["error"]) == ["code", "message", "status", "detail"]
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_not_found(client):
    assert _error(client.get("/api/v1/articles/12345"), 404) == {
        "code": "article_not_found", "message": "No article with id 12345", "status": 404, "detail": None}
    assert _error(client.get("/api/v1/sources/777"), 404)["code"] == "source_not_found"
    assert _error(client.get("/api/v1/no-such-thing"), 404)["code"] == "not_found"
    assert _error(client.delete("/api/v1/articles/1"), 405)["code"] == "method_not_allowed"


def test_validation_errors_name_the_fields(client):
    error = _error(client.get("/api/v1/articles", params={"limit": 1000, "offset": -1}), 422)
    assert error["code"] == "invalid_input"
    assert {(d["in"], d["field"]) for d in error["detail"]} == {("query", "limit"), ("query", "offset")}
    assert all(d["message"] and d["type"] for d in error["detail"])
    assert _error(client.get("/api/v1/articles/abc"), 422)["detail"][0]["field"] == "article_id"
    missing = _error(client.post("/api/v1/sources", json={"folder": "x"}), 422)
    assert missing["detail"][0]["field"] == "url" and missing["detail"][0]["type"] == "missing"
    assert _error(client.post("/api/v1/sources", content=b"{not json", headers={"Content-Type": "application/json"}),
                  422)["code"] == "invalid_input"
    assert _error(client.post("/api/v1/sources", json={"url": "x", "colour": "red"}), 422)["detail"][0]["field"] \
        == "colour"


def test_bad_input_from_the_pipeline_is_400(client, store):
    error = _error(client.post("/api/v1/sources", json={"url": "ftp://example.com/feed"}), 400)
    assert error["code"] == "bad_url" and "Not a web address" in error["message"]
    assert store.sources.count() == 0
    source = add_source(store)
    assert _error(client.patch(f"/api/v1/sources/{source['id']}", json={}), 400)["code"] == "invalid_input"


def test_adding_a_source_twice_is_a_409(store):
    ctx = make_context(store, allow_private_networks=True)  # the feed is served from 127.0.0.1
    with serving_feed() as url, TestClient(create_app(ctx)) as client:
        res = client.post("/api/v1/sources", json={"url": url, "folder": " Local "})
        assert res.status_code == 201, res.text
        source = res.json()
        assert source["url"] == url and source["title"] == "Harbour Herald" and source["folder"] == "Local"
        assert source["article_count"] == 2 and res.headers["location"] == f"/api/v1/sources/{source['id']}"
        error = _error(client.post("/api/v1/sources", json={"url": url}), 409)
    ctx.pipeline.close()
    assert error["code"] == "source_exists" and error["detail"] == {"id": source["id"]}
    assert store.sources.count() == 1


def test_unexpected_errors_keep_the_shape(client, ctx, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("internal detail")

    monkeypatch.setattr(ctx.store.articles, "latest", broken)
    error = _error(client.get("/api/v1/articles"), 500)
    assert error["code"] == "internal" and "internal detail" not in error["message"]


def test_cross_origin_changes_are_refused_in_the_shape(client, store):
    source = add_source(store)
    error = _error(client.patch(f"/api/v1/sources/{source['id']}", json={"paused": True},
                                headers={"Origin": "https://evil.example"}), 403)
    assert error["code"] == "cross_origin"
    assert store.sources.get(source["id"])["paused"] is False
    assert client.get("/api/v1/articles", headers={"Origin": "https://evil.example"}).status_code == 200  # reads pass
