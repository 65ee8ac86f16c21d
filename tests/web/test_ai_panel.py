"""The article page's "AI features" panel: summary and key points quoted from the article and linked to where they
stand at its outlet, entities and topics linked to their pages, the story's coverage, the timeline. Both databases."""
from __future__ import annotations

from urllib.parse import unquote

from tests.enrich.corpus import by_slug

from .enriched import world  # noqa: F401
from .html import main_of, text_of
from .seeding import add_source, record, seed


def test_panel_quotes_the_article_and_links_everything(world):  # noqa: F811
    article_id = world.ids["velmora-quake"]
    main = main_of(world.client.get(f"/articles/{article_id}"))
    [panel] = main.xpath(".//aside[@data-ai-panel]")
    text = "\n".join(by_slug("velmora-quake").paragraphs)
    points = panel.xpath(".//li[@class='key-point']")
    assert 3 <= len(points) <= 5
    for li in points:
        quote = text_of(li.find(".//blockquote")).strip("“”")
        assert quote in text
        link = li.find(".//a").get("href")
        assert link.startswith("https://ledger.example/velmora-quake#:~:text=")
        assert unquote(link.split("=", 1)[1].split(",")[0]) in quote  # the fragment finds the sentence
        assert text_of(li.find(".//a")) == "Harbour Ledger"
    summary = [text_of(a) for a in panel.xpath(".//p[@class='ai-summary']/a")]
    assert len(summary) == 3 and all(s in text for s in summary)

    story_link = panel.find(".//a[@data-story-link]")
    assert text_of(story_link) == "Covered by 3 outlets"
    assert story_link.get("href") == f"/stories/{world.story_of('velmora-quake')}"
    entity = panel.xpath(".//a[text()='#Ilse Brandt']")[0]
    assert world.client.get(entity.get("href")).status_code == 200
    topics = {text_of(a): a.get("href") for a in panel.xpath(".//section[h3='Topics']//a")}
    assert topics and all(h.startswith("/topics/") for h in topics.values())
    for href in topics.values():
        assert world.client.get(href).status_code == 200, href
    assert "1902 The clock tower" in text_of(panel.xpath(".//ol[@class='timeline']")[0])
    assert panel.xpath(".//form[@action='/ask']/input[@name='article']")[0].get("value") == str(article_id)


def test_an_article_not_enriched_has_no_panel(client, store):
    [article_id] = seed(store, add_source(store), record("fresh"))
    res = client.get(f"/articles/{article_id}")
    assert res.status_code == 200 and not main_of(res).xpath(".//aside[@data-ai-panel]")
