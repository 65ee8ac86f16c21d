"""A story's full coverage, as the story page and ``GET /api/v1/stories/{id}`` show it: its articles by time, the
outlets in the order they first published, a summary and key points quoted from the articles (each with its
article), the dated events they mention, the entities they name, and the stories naming the same entities."""
from __future__ import annotations

import logging
from collections import OrderedDict

from .service import related
from .summarize import summarize_many

log = logging.getLogger(__name__)
_chosen: OrderedDict = OrderedDict()  # ((article id, hash of its text), ...) → [(article id, text, start, end)]
SUMMARY_SENTENCES, KEY_POINTS = 3, 4
MAX_SUMMARISED = 30  # articles the summary is drawn from (the first published)
CACHED_STORIES = 512  # stories whose chosen sentences are kept (ids and offsets only)
RELATED_ARTICLES = 10  # articles related in meaning whose stories are related stories


def cited_points(articles: list[dict]) -> list[dict]:
    """Summary sentences then key points, quoted from the story's articles (copies left out), best first: each
    {"text", "start", "end", "article": the article row}. The choice is kept for the next reader of the same
    articles (same ids and texts), in this process."""
    originals = [a for a in articles if a["duplicate_of"] is None and a["content_text"]][:MAX_SUMMARISED]
    by_id = {a["id"]: a for a in originals}
    key = tuple((a["id"], hash(a["content_text"])) for a in originals)
    cites = _chosen.get(key)
    if cites is None:
        try:
            cites = [(c.doc_id, c.text, c.start, c.end) for c in summarize_many(
                [(a["id"], a["content_text"]) for a in originals], SUMMARY_SENTENCES + KEY_POINTS)]
        except Exception:  # the page shows without them; the error is logged
            log.exception("summary of a story failed")
            return []
        _chosen[key] = cites
        while len(_chosen) > CACHED_STORIES:
            _chosen.popitem(last=False)
    return [{"text": text, "start": start, "end": end, "article": by_id[doc_id]}
            for doc_id, text, start, end in cites if doc_id in by_id]


def outlets_of(articles: list[dict]) -> list[dict]:
    """Each outlet once, in the order they first published, with how many of the articles are theirs."""
    outlets: dict[int, dict] = {}
    for a in articles:
        outlets.setdefault(a["source_id"], {"source_id": a["source_id"], "title": a["source_title"],
                                            "first_article_id": a["id"], "first_published_at": a["published_at"],
                                            "articles": 0})["articles"] += 1
    return list(outlets.values())


def story_coverage(ctx, story_id: int) -> dict:
    """Everything the story page shows (NotFound for an unknown story)."""
    store = ctx.store
    story = store.stories.get(story_id)
    articles = store.stories.articles(story_id)
    entities = store.stories.entities(story_id)
    points = cited_points(articles)
    return {"story": story, "articles": articles, "outlets": outlets_of(articles), "entities": entities,
            "summary": points[:SUMMARY_SENTENCES], "key_points": points[SUMMARY_SENTENCES:],
            "timeline": store.stories.timeline(story_id),
            "related": store.stories.related(story_id, [e["id"] for e in entities], _related_article_ids(ctx, story))}


def _related_article_ids(ctx, story: dict) -> list[int]:
    """Articles related in meaning to the story's first one (stored vectors: no model is loaded)."""
    if story["lead_article_id"] is None:
        return []
    return [r["id"] for r in related(ctx, story["lead_article_id"], k=RELATED_ARTICLES)]
