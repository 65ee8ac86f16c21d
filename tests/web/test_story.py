"""The story page (/stories/{id}): full coverage of one event across outlets, with quoted, linked summary and key
points, a timeline, entities and related stories; the home page leads with stories. Both databases."""
from __future__ import annotations

from tests.enrich.corpus import by_slug

from .enriched import KESTREL, VELMORA, world  # noqa: F401
from .html import main_of, page, text_of


def test_story_page_shows_every_outlet_by_time_with_cited_points(world):  # noqa: F811
    story_id = world.story_of("velmora-quake")
    res = world.client.get(f"/stories/{story_id}")
    assert res.status_code == 200
    main = main_of(res)
    assert text_of(main.find(".//h1")) == "Magnitude 6.1 earthquake shakes Velmora"
    assert "3 outlets" in text_of(main)
    coverage = main.xpath(".//ol[@class='coverage']/li")
    assert [text_of(li.find(".//h3")) for li in coverage] == [by_slug(s).title for s in VELMORA]  # by time
    assert "Reported first" in text_of(coverage[0]) and "Harbour Ledger" in text_of(coverage[0])
    assert "Newest" in text_of(coverage[-1]) and "Meridian Wire" in text_of(coverage[-1])
    assert [a.get("href") for a in main.xpath(".//ol[@class='coverage']//h3/a")] == \
        [f"/articles/{world.ids[s]}" for s in VELMORA]
    outlets = [text_of(a) for a in main.xpath(".//ul[@class='outlets']/li/a")]
    assert outlets == ["Harbour Ledger", "Valley Courier", "Meridian Wire"]
    time = coverage[0].find(".//time")
    assert time.get("title").endswith("UTC") and time.get("datetime").endswith("Z")  # absolute date on hover

    points = main.xpath(".//li[@class='key-point']")
    assert len(points) >= 5  # 3 summary sentences and key points
    texts = {by_slug(s).outlet: "\n".join(by_slug(s).paragraphs) for s in VELMORA}
    names = {"ledger": "Harbour Ledger", "courier": "Valley Courier", "wire": "Meridian Wire"}
    for li in points:
        quote = text_of(li.find(".//blockquote")).strip("“”")
        link = li.find(".//a[@class='key-point__source']")
        article_id = int(link.get("href").split("#")[0].rsplit("/", 1)[1])
        slug = next(s for s in VELMORA if world.ids[s] == article_id)
        assert quote in texts[by_slug(slug).outlet], quote  # quoted word for word from the linked article
        assert text_of(link) == names[by_slug(slug).outlet]
        assert "#:~:text=" in link.get("href")
    assert {text_of(a) for a in main.xpath(".//li[@class='key-point']//a")} >= {"Harbour Ledger", "Valley Courier"}

    timeline = [text_of(li) for li in main.xpath(".//ol[@class='timeline']/li")]
    assert timeline[0].startswith("1902 The clock tower") and any(t.startswith("1987 Velmora last") for t in timeline)
    assert main.xpath(".//a[@href='/entities/%d']" % world.ctx.store.stories.entities(story_id)[0]["id"])
    assert "#Ilse Brandt" in text_of(main)


def test_a_republished_copy_counts_as_coverage(world):  # noqa: F811
    story_id = world.story_of("kestrel-harbour-quake")
    main = main_of(world.client.get(f"/stories/{story_id}"))
    assert "3 outlets" in text_of(main) and "2 articles" in text_of(main)
    assert "Aggregate Now" in [text_of(a) for a in main.xpath(".//ul[@class='outlets']/li/a")]
    assert "Republished" in text_of(main.xpath(".//ol[@class='coverage']/li")[-1])


def test_unknown_story_is_a_404_page_and_a_json_error(world):  # noqa: F811
    res = world.client.get("/stories/999999")
    assert res.status_code == 404 and "No story with id 999999" in res.text
    res = world.client.get("/stories/999999", headers={"Accept": "application/json"})
    assert res.status_code == 404 and res.json()["error"]["code"] == "story_not_found"
    assert world.client.get("/stories/abc").status_code == 422


def test_home_leads_with_stories_covered_by_several_outlets(world):  # noqa: F811
    res = world.client.get("/")
    html = page(res)
    cards = html.xpath(".//section[@class='front-stories']//article")
    titles = [text_of(c.find(".//h2")) for c in cards]
    assert titles == ["Earthquake hits Kestrel Harbour, fishing fleet damaged", "Aldana wins Marivia presidential "
                      "run-off", "Magnitude 6.1 earthquake shakes Velmora"]  # newest development first
    assert "3 outlets" in text_of(cards[0]) and "4 outlets" in text_of(cards[1])
    assert cards[0].find(".//h2/a").get("href") == f"/stories/{world.story_of('kestrel-harbour-quake')}"
    assert "Elmsworth" not in " ".join(titles)  # one outlet only: a loose article, listed below
    assert "Latest news" in text_of(main_of(res))
    assert not page(world.client.get("/?page=2")).xpath(".//section[@class='front-stories']")


def test_related_stories_are_other_events_of_the_kind(world):  # noqa: F811
    velmora, kestrel = world.story_of("velmora-quake"), world.story_of("kestrel-harbour-quake")
    main = main_of(world.client.get(f"/stories/{velmora}"))
    related = main.xpath(".//section[@aria-labelledby='related-stories-title']//h2/a")
    assert related and related[0].get("href") == f"/stories/{kestrel}"  # the other quake, not merged into this one
    assert f"/stories/{velmora}" not in [a.get("href") for a in related]
    body = world.client.get(f"/api/v1/stories/{velmora}").json()
    assert body["related"][0]["id"] == kestrel
