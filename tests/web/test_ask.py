"""The ask page (/ask?q=): answers made of cited sentences from the articles, scoped to a story or an article or
not; says so when nothing answers; with BROADSHEET_LLM_URL, a model's answer over the same citations (a small
local server speaking the OpenAI protocol); when that server fails, the citations alone. Both databases."""
from __future__ import annotations

from fastapi.testclient import TestClient

from broadsheet.web.app import create_app
from tests.enrich.corpus import ITEMS
from tests.enrich.test_ask import _completion, llm  # noqa: F401  (an OpenAI-compatible server)

from .enriched import build, world  # noqa: F401
from .html import main_of, text_of

ALL_TEXT = "\n".join("\n".join(i.paragraphs) for i in ITEMS)


def citations(res):
    return main_of(res).xpath(".//li[@class='citation']")


def test_question_about_a_story_is_answered_with_cited_sentences(world):  # noqa: F811
    story_id = world.story_of("velmora-quake")
    res = world.client.get("/ask", params={"q": "What did the mayor say?", "story": story_id})
    assert res.status_code == 200
    cites = citations(res)
    assert cites and "Ilse Brandt said" in text_of(cites[0])
    for li in cites:
        quote = text_of(li.find(".//blockquote")).strip("“”")
        assert quote in ALL_TEXT
        assert li.find(".//a").get("href").startswith("/articles/")
    assert "Magnitude 6.1 earthquake shakes Velmora" in text_of(main_of(res).find(".//form"))


def test_question_without_scope_searches_by_meaning(world):  # noqa: F811
    res = world.client.get("/ask", params={"q": "What did Ostrov say?"})
    cites = citations(res)
    assert cites and "Ostrov said he would hand over power" in text_of(cites[0])
    assert "Valley Courier" in text_of(cites[0])


def test_article_scope_and_nothing_answers(world):  # noqa: F811
    res = world.client.get("/ask", params={"q": "Who won the cup final in extra time?",
                                           "article": world.ids["velmora-quake"]})
    assert res.status_code == 200 and not citations(res)
    assert main_of(res).xpath(".//*[@data-no-answer]")


def test_bad_questions(world):  # noqa: F811
    assert "Ask a question" in world.client.get("/ask").text
    assert world.client.get("/ask", params={"q": "x" * 201}).status_code == 422
    assert world.client.get("/ask", params={"q": "why", "story": 99999}).status_code == 404
    res = world.client.get("/api/v1/ask", params={"q": "why", "article": 99999})
    assert res.status_code == 404 and res.json()["error"]["code"] == "article_not_found"
    assert world.client.get("/api/v1/ask", params={"q": "  "}).json()["error"]["code"] == "invalid_input"


def test_language_model_answer_keeps_the_citations(llm, store):  # noqa: F811
    llm.reply = lambda body: (200, _completion("Ostrov conceded and promised an orderly handover [1]."))
    ctx, _ids, _sources = build(store, llm_url=llm.url + "/v1", llm_model="tiny", llm_timeout=5)
    with TestClient(create_app(ctx, page_cache=False)) as client:
        body = client.get("/api/v1/ask", params={"q": "What did Ostrov say?"}).json()
        assert body["answer"].startswith("Ostrov conceded") and body["llm_error"] is None
        assert body["citations"] and "hand over power" in body["citations"][0]["text"]
        sent = llm.requests[0]
        assert sent["path"] == "/v1/chat/completions" and sent["body"]["model"] == "tiny"
        assert "hand over power" in sent["body"]["messages"][1]["content"]
        html = client.get("/ask", params={"q": "What did Ostrov say?"})
        assert "Ostrov conceded and promised an orderly handover [1]." in text_of(main_of(html))
        assert citations(html)
    ctx.pipeline.close()


def test_a_failing_language_model_falls_back_to_the_citations(llm, store):  # noqa: F811
    llm.reply = lambda body: (500, {"error": "overloaded"})
    ctx, _ids, _sources = build(store, llm_url=llm.url, llm_timeout=5)
    with TestClient(create_app(ctx, page_cache=False)) as client:
        body = client.get("/api/v1/ask", params={"q": "What did Ostrov say?"}).json()
        assert body["found"] and body["answer"] is None and "language model" in body["llm_error"]
        assert "hand over power" in body["citations"][0]["text"]
        assert "gave no answer" in client.get("/ask", params={"q": "What did Ostrov say?"}).text
    ctx.pipeline.close()


def test_search_page_offers_the_question(world):  # noqa: F811
    main = main_of(world.client.get("/search", params={"q": "What did Ostrov say?"}))
    link = main.xpath(".//p[contains(@class,'ask-link')]/a")[0]
    assert link.get("href") == "/ask?q=What+did+Ostrov+say%3F"
    assert "Ostrov said he would hand over power" in text_of(main_of(world.client.get(link.get("href"))))
