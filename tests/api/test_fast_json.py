"""The article list is serialised without its response model (api/v1/fast_json.py): same JSON as the model."""
from datetime import datetime

import orjson

from broadsheet.api.v1.fast_json import json_response, summary
from broadsheet.api.v1.schemas import ArticlePage
from tests.web.seeding import add_source, record, seed


def test_the_same_json_as_the_response_model(store):
    source = add_source(store, title="Wire – “Ünïcode” <b>")
    seed(store, source, record("a", authors=["Ann", " Bo "], image_url="https://img.example/a.jpg",
                               summary="Short <summary> & more"),
         record("b", hours_ago=5, title="No authors, no summary"))
    rows = store.articles.latest(10, include_duplicates=True)
    rows.append({**rows[0], "id": 999, "published_at": datetime(2026, 1, 2, 3, 4, 5, 678901), "authors": None,
                 "source_title": None, "duplicate_of": rows[1]["id"]})
    for next_offset in (None, 30):
        ours = json_response({"items": [summary(r) for r in rows], "next_offset": next_offset})
        model = ArticlePage.model_validate({"items": rows, "next_offset": next_offset})
        assert ours.body == model.model_dump_json().encode()
        assert orjson.loads(ours.body) == model.model_dump(mode="json")
    assert ours.headers["content-type"] == "application/json"


def test_the_list_endpoint_answers_in_that_shape(client, store):
    seed(store, add_source(store, title="Wire"), record("a", authors=["Ann", "Bo"]))
    rows = store.articles.latest(10)
    expected = ArticlePage.model_validate({"items": rows, "next_offset": None}).model_dump(mode="json")
    res = client.get("/api/v1/articles")
    assert res.headers["content-type"] == "application/json" and res.json() == expected
