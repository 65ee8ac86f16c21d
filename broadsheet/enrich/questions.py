"""Questions over the store: ``ask(ctx, question, article_id=, story_id=)`` finds the articles to answer from (the
article's story, the story, or the articles nearest in meaning to the question) and answers with cited sentences
(``ask.answer``, offline). With ``BROADSHEET_LLM_URL`` set, an OpenAI-compatible model writes the answer from the
cited sentences (``ask.answer_with_llm``); when it fails, the cited sentences are the answer and ``llm_error``
says why."""
from __future__ import annotations

import logging

from sqlalchemy import select

from ..store.schema import articles, sources
from .ask import LLMError, answer, answer_with_llm
from .service import semantic_search

log = logging.getLogger(__name__)
CANDIDATES = 10  # articles nearest in meaning to an unscoped question that are searched for an answer
MAX_STORY_ARTICLES = 40
_COLUMNS = [articles.c.id, articles.c.title, articles.c.url, articles.c.published_at, articles.c.content_text,
            articles.c.source_id, sources.c.title.label("source_title")]


def _rows(store, ids: list[int]) -> list[dict]:
    if not ids:
        return []
    q = (select(*_COLUMNS).join(sources, sources.c.id == articles.c.source_id).where(articles.c.id.in_(ids)))
    with store.db.read() as conn:
        found = {r.id: r._asdict() for r in conn.execute(q)}
    return [found[i] for i in ids if i in found]


def _story_ids(store, story_id: int) -> list[int]:
    return [a["id"] for a in store.stories.articles(story_id) if a["duplicate_of"] is None][:MAX_STORY_ARTICLES]


def passages_for(ctx, question: str, article_id: int | None = None, story_id: int | None = None
                 ) -> tuple[dict, list[dict]]:
    """(the scope asked about, the article rows to answer from). Unknown ids raise NotFound."""
    store = ctx.store
    if article_id is not None:
        article = store.articles.get(article_id)
        if article["story_id"]:
            ids = _story_ids(store, article["story_id"])
            ids = [article_id] + [i for i in ids if i != article_id]
        else:
            ids = [article_id]
        return {"kind": "article", "id": article_id, "title": article["title"]}, _rows(store, ids)
    if story_id is not None:
        story = store.stories.get(story_id)
        return {"kind": "story", "id": story_id, "title": story["title"]}, _rows(store, _story_ids(store, story_id))
    hits, _more = semantic_search(ctx, question, CANDIDATES)
    return {"kind": "all", "id": None, "title": None}, _rows(store, [h["id"] for h in hits])


def ask(ctx, question: str, article_id: int | None = None, story_id: int | None = None, k: int = 3) -> dict:
    """{"question", "scope", "found", "answer" (the model's text or None), "llm_error", "citations": [{"article_id",
    "title", "url", "source_id", "source_title", "published_at", "text", "start", "end", "score"}]}."""
    scope, rows = passages_for(ctx, question, article_id, story_id)
    passages = [(r["id"], r["content_text"]) for r in rows if r["content_text"]]
    settings, llm_error = ctx.settings, None
    result = None
    if settings.llm_url and passages:
        try:
            result = answer_with_llm(question, passages, settings.llm_url, k=k, model=settings.llm_model,
                                     api_key=settings.llm_api_key or None, timeout=settings.llm_timeout)
        except LLMError as e:
            log.warning("ask: %s", e)
            llm_error = str(e)
    if result is None:
        result = answer(question, passages, k)
    by_id = {r["id"]: r for r in rows}
    citations = [{"article_id": c.doc_id, "title": by_id[c.doc_id]["title"], "url": by_id[c.doc_id]["url"],
                  "source_id": by_id[c.doc_id]["source_id"], "source_title": by_id[c.doc_id]["source_title"],
                  "published_at": by_id[c.doc_id]["published_at"], "text": c.text, "start": c.start, "end": c.end,
                  "score": c.score} for c in result.citations]
    return {"question": question, "scope": scope, "found": result.found, "answer": result.text,
            "llm_error": llm_error, "citations": citations}
