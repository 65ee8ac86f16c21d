"""Entity pages (/entities/{id}) and the entities index: articles and stories naming a person, their timeline and
who is named with them; unknown ids get a 404 in the one error shape. Both databases."""
from __future__ import annotations

from .enriched import VELMORA, world  # noqa: F401
from .html import main_of, text_of
from tests.enrich.corpus import by_slug


def entity_id(world, name):  # noqa: F811
    return next(e["id"] for e in world.ctx.store.entities.index(100) if e["name"] == name)


def test_entity_page_lists_its_articles_stories_and_timeline(world):  # noqa: F811
    brandt = entity_id(world, "Ilse Brandt")
    res = world.client.get(f"/entities/{brandt}")
    assert res.status_code == 200
    main = main_of(res)
    assert text_of(main.find(".//h1")) == "#Ilse Brandt" and "Person" in text_of(main.find(".//header"))
    listed = [text_of(a) for a in main.xpath(".//section[@aria-labelledby='entity-articles-title']//h2/a")]
    assert listed == [by_slug(s).title for s in reversed(VELMORA)]  # newest first
    story_links = [a.get("href") for a in main.xpath(".//ol[@class='story-list']//h2/a")]
    assert story_links == [f"/stories/{world.story_of('velmora-quake')}"]
    timeline = main.xpath(".//ol[@class='timeline']/li")
    assert text_of(timeline[0]).startswith("1902")
    assert timeline[0].find(".//a").get("href").startswith(f"/articles/{world.ids['velmora-quake']}#:~:text=")


def test_co_mentioned_entities_show_who_engages_with_whom(world):  # noqa: F811
    aldana = entity_id(world, "Lucia Aldana")
    main = main_of(world.client.get(f"/entities/{aldana}"))
    assert "#Pavel Ostrov" in [text_of(a) for a in main.xpath(".//section[@aria-labelledby='co-title']//a")]


def test_entities_index_most_named_first_and_by_kind(world):  # noqa: F811
    main = main_of(world.client.get("/entities"))
    names = [text_of(a) for a in main.xpath(".//ul[contains(@class,'tag-list')]//a")]
    assert names[0] == "#Lucia Aldana" and "#Ilse Brandt" in names
    assert "4 articles" in text_of(main)
    people = main_of(world.client.get("/entities?kind=person"))
    assert "#Tomas Reyes" in text_of(people)
    assert "No countries found" in text_of(main_of(world.client.get("/entities?kind=country")))
    assert world.client.get("/entities?kind=planet").status_code == 422


def test_unknown_entity_is_404_in_both_shapes(world):  # noqa: F811
    assert world.client.get("/entities/424242").status_code == 404
    res = world.client.get("/api/v1/entities/424242")
    assert res.status_code == 404
    assert res.json() == {"error": {"code": "entity_not_found", "message": "No entity with id 424242", "status": 404,
                                    "detail": None}}
