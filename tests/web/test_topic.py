"""Topic pages (/topics/{slug}) for categories and keyword topics, paginated, and the topics index. Both databases."""
from __future__ import annotations

from fastapi.testclient import TestClient

from broadsheet.web.app import create_app

from .enriched import build, world  # noqa: F401
from .html import main_of, text_of


def titles(res):  # the topic's articles (story cards left out)
    return [text_of(a) for a in main_of(res).xpath(".//section[@aria-labelledby='topic-articles-title']//h2/a")]


def test_topics_index_lists_categories_and_shared_keywords(world):  # noqa: F811
    main = main_of(world.client.get("/topics"))
    categories = {text_of(a): a.get("href") for a in main.xpath(".//section[@aria-labelledby='categories-title']//a")}
    assert categories["Politics"] == "/topics/politics"
    keywords = {text_of(a): a.get("href") for a in main.xpath(".//section[@aria-labelledby='keywords-title']//a")}
    assert keywords["Kestrel Harbour"] == "/topics/kestrel-harbour"
    assert "torchlight" not in keywords  # a phrase of a single article is not listed as a topic


def test_category_topic_shows_its_stories_and_articles(world):  # noqa: F811
    res = world.client.get("/topics/politics")
    main = main_of(res)
    assert text_of(main.find(".//h1")) == "Politics"
    assert [text_of(a) for a in main.xpath(".//ol[@class='story-list']//h2/a")] == \
        ["Aldana wins Marivia presidential run-off"]
    assert "Aldana wins Marivia presidential run-off" in titles(res)
    assert world.client.get("/topics/Politics").status_code == 200


def test_keyword_topic_is_paginated(world):  # noqa: F811
    first = world.client.get("/topics/kestrel-harbour")  # page size 5 in these tests
    assert first.status_code == 200 and text_of(main_of(first).find(".//h1")) == "Kestrel Harbour"
    got = titles(first)
    assert got and all("Kestrel" in t for t in got)
    aldana = world.client.get("/topics/aldana")
    assert sorted(titles(aldana)) == ["Aldana wins Marivia presidential run-off",
                                      "Markets rally after Aldana victory in Marivia",
                                      "Ostrov concedes as Aldana takes Marivia presidency"]
    assert 'rel="next"' not in aldana.text


def test_topic_pages_of_two(store):
    ctx, _ids, _sources = build(store, page_size=2)
    with TestClient(create_app(ctx, page_cache=False)) as client:
        first, second = client.get("/topics/aldana"), client.get("/topics/aldana?page=2")
        one, two = titles(first), titles(second)
        assert len(one) == 2 and len(two) == 1 and len(set(one + two)) == 3
        assert 'rel="next"' in first.text and 'rel="prev"' in second.text and 'rel="next"' not in second.text
    ctx.pipeline.close()


def test_unknown_topic_is_404(world):  # noqa: F811
    for slug in ("no-such-topic", "x%25y", "a_b"):
        res = world.client.get(f"/topics/{slug}", headers={"Accept": "application/json"})
        assert res.status_code == 404 and res.json()["error"]["code"] == "topic_not_found", slug
