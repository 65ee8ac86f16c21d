"""BROADSHEET_MAX_REQUEST_BYTES: oversized bodies get 413 in the one error shape and change nothing."""
from .accounts_fixtures import app_client, signed_in
from .seeding import add_source, record, seed


def test_oversized_api_payload_is_refused_with_413_json(store):
    with app_client(store, max_request_bytes=1000) as (client, _ctx):
        res = client.post("/api/v1/sources", content=b'{"url": "' + b"x" * 2000 + b'"}',
                          headers={"Content-Type": "application/json"})
        assert res.status_code == 413
        assert res.json() == {"error": {"code": "too_large", "status": 413, "detail": {"max_bytes": 1000},
                                        "message": "The request is too large: at most 1,000 bytes are accepted."}}
        assert store.sources.count() == 0


def test_oversized_body_without_a_length_is_counted_as_it_arrives(store):
    with app_client(store, max_request_bytes=1000) as (client, _ctx):
        def chunks():
            for _ in range(5):
                yield b"x" * 400
        res = client.post("/api/v1/sources", content=chunks(), headers={"Content-Type": "application/json"})
        assert res.status_code == 413 and res.json()["error"]["code"] == "too_large"


def test_oversized_comment_form_is_refused_with_a_page(store):
    [article_id] = seed(store, add_source(store), record("a"))
    with app_client(store, max_request_bytes=4096) as (client, _ctx):
        _ada, forms = signed_in(client, store, "ada")
        res = forms.comment(f"/articles/{article_id}", "article", article_id, "y" * 5000)
        assert res.status_code == 413 and res.headers["content-type"].startswith("text/html")
        assert "at most 4,096 bytes" in res.text
        assert store.comments.thread("article", article_id) == []
        assert forms.comment(f"/articles/{article_id}", "article", article_id, "small").status_code == 303
