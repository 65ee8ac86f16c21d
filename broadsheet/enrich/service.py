"""Enrichment for a running Broadsheet: one ``EnrichService`` per store, shared by the job that enriches new
articles, the CLI, and the pages that read vectors (related articles, semantic search).

    from broadsheet.enrich.service import enrich_service
    svc = enrich_service(ctx.settings, ctx.store)
    svc.enrich(ids) / svc.enrich_pending() / svc.enrich_all(progress)   # the write side (one at a time)
    svc.related(article_id, k=5)              # list rows (as articles.latest gives them) + "score"
    svc.semantic_search(q, limit, offset)     # (rows + "score", more_exist)
    svc.embedder()                            # {"name": "minilm"|"tfidf", "label", "reason"}

Nothing here loads the embedding model on a page that only reads: related lists use stored vectors; only
``semantic_search`` (and enrichment) encode text, and the model is loaded on their first call.
"""
from __future__ import annotations

import logging
import threading
import weakref
from typing import Callable

from sqlalchemy import delete, select

from ..store.schema import article_entities, entities
from . import article_rows, embedders, story_rows
from .related import related_rows, semantic_rows
from .stage import EnrichReport, Enricher, Step
from .vector_store import VectorStore

log = logging.getLogger(__name__)
_services: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_services_lock = threading.Lock()


class EnrichService:
    def __init__(self, settings, store, steps: tuple[Step, ...] = ()):
        self.settings, self.store, self.steps = settings, store, tuple(steps)
        self.model = embedders.model_name(settings)
        self.vectors = VectorStore(store, self.model)
        self._enricher: Enricher | None = None
        self._lock = threading.Lock()  # one enrichment at a time (the clusterer has one writer)
        self._query_embedder = None

    # ------------------------------------------------------------------ the write side
    def enrich(self, article_ids: list[int] | None = None, progress: Callable[[int], None] | None = None
               ) -> EnrichReport:
        """Enrich these articles (default: every article not enriched yet, failed ones included)."""
        with self._lock:
            if self._enricher is None:
                self._enricher = Enricher(self.settings, self.store, self.vectors, steps=self.steps)
            ids = article_ids if article_ids is not None else article_rows.ids(self.store, pending_only=True)
            return self._enricher.run(list(ids), progress)

    def enrich_pending(self, progress=None) -> EnrichReport:
        return self.enrich(None, progress)

    def pending_count(self) -> int:
        return len(article_rows.ids(self.store, pending_only=True))

    def enrich_all(self, progress: Callable[[int], None] | None = None) -> EnrichReport:
        """Everything again, from nothing: stories, copies, vectors and the rest are rebuilt in publication order,
        so two runs over the same articles give the same result (same story ids, no duplicate rows)."""
        with self._lock:
            ids = article_rows.ids(self.store, pending_only=False)
            with self.store.db.write() as conn:
                story_rows.reset(conn)
                article_rows.reset_all(conn)
            self.vectors.reset()
            self.vectors.ensure()  # empty now: enrichment adds to it as it goes
            self._enricher = Enricher(self.settings, self.store, self.vectors, fresh=True, steps=self.steps)
            report = self._enricher.run(ids, progress)
            with self.store.db.write() as conn:  # entities no article names any more
                conn.execute(delete(entities).where(entities.c.id.not_in(select(article_entities.c.entity_id))))
            return report

    # ------------------------------------------------------------------ the read side
    def embedder(self) -> dict:
        return embedders.describe(self.settings)

    def related(self, article_id: int, k: int = 5) -> list[dict]:
        """Articles about the same thing, newest-leaning; never the article, its copies or what it copies.
        Empty while the vectors are still loading (a large store, just started): a page never waits."""
        if not self.vectors.ensure(wait=False) or len(self.vectors.index) == 0:  # nothing embedded yet: no query
            return []
        return related_rows(self.store, self.vectors, article_id, k, self.settings.story_window_days)

    def semantic_search(self, query: str, limit: int, offset: int = 0) -> tuple[list[dict], bool]:
        """Articles nearest in meaning to ``query``, best first (copies left out): (rows with "score", more exist).
        Loads the embedder on first use."""
        self.vectors.ensure(wait=True)
        vec = self._encode_query(query)
        return semantic_rows(self.store, self.vectors, vec, limit, offset, self.model)

    def _encode_query(self, query: str):
        if self._query_embedder is None:
            if self.model == "tfidf":  # a query embedder that knows the stored articles' word frequencies
                from . import restore
                emb = embedders.load(self.settings, fresh_tfidf=True)
                emb.learn(restore.tfidf_texts(self.store))
            else:
                emb = embedders.load(self.settings)
            self._query_embedder = emb
        return self._query_embedder.encode([query], learn=False)[0]


def enrich_service(settings, store, steps: tuple[Step, ...] = ()) -> EnrichService:
    """The service of this store (one per Store object, made on first use)."""
    with _services_lock:
        svc = _services.get(store)
        if svc is None or (steps and svc.steps != tuple(steps)):
            svc = _services[store] = EnrichService(settings, store, steps)
        return svc


def related(ctx, article_id: int, k: int = 5) -> list[dict]:
    """The related articles of an article page: never raises (the page shows without them, the error is logged)."""
    try:
        return enrich_service(ctx.settings, ctx.store).related(article_id, k)
    except Exception:
        log.exception("related articles of article %s failed", article_id)
        return []


def semantic_search(ctx, query: str, limit: int, offset: int = 0) -> tuple[list[dict], bool]:
    return enrich_service(ctx.settings, ctx.store).semantic_search(query, limit, offset)


def embedder_info(ctx) -> dict:
    return enrich_service(ctx.settings, ctx.store).embedder()
