"""The enrich stage: runs after storage on the new articles, batch by batch, oldest first.

For each article: near-duplicate check across outlets (the exact content-hash copies found at storage are kept as
they are), analysis (entities, timeline, category, keywords, summary and key points: ``analyse.py``), an embedding
for originals (stored in ``article_vectors`` and added to the ANN index), then the batch's originals go through
the online story clusterer, and the stories they touched are written (``story_rows.py``).

A failure on one article is logged with its id and URL and stored in its ``enrich_error``; the others go on.
Not thread-safe: the service (``service.py``) runs one enrichment at a time.
"""
from __future__ import annotations

import heapq
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Callable

from sqlalchemy import select, update

from ..dedupe.near import NearDuplicateIndex
from ..store.clock import utcnow
from ..store.schema import articles
from . import article_rows, embedders, restore, story_rows
from .analyse import Analysis, analyse
from .cluster import Doc, StoryClusterer
from .embed import doc_text
from .vector_store import VectorStore

log = logging.getLogger(__name__)
BATCH = 32
Step = Callable[[dict, Analysis], None]  # an extra check run on each article after its analysis; may raise


@dataclass
class EnrichReport:
    enriched: int = 0
    failed: int = 0
    errors: dict[int, str] = field(default_factory=dict)
    stories: set[int] = field(default_factory=set)  # stories written


@dataclass
class _Item:
    row: dict
    analysis: Analysis
    duplicate_of: int | None
    score: float | None
    vector: object = None


class Enricher:
    def __init__(self, settings, store, vectors: VectorStore, fresh: bool = False, steps: tuple[Step, ...] = ()):
        """``fresh``: start from nothing (a full re-run); otherwise read the open stories, the near-duplicate index
        and the TF-IDF frequencies back from the store (``restore.py``)."""
        self.settings, self.store, self.vectors, self.steps = settings, store, vectors, tuple(steps)
        self.model = vectors.model
        self.window = timedelta(days=settings.story_window_days)
        self.embedder = embedders.load(settings, fresh_tfidf=True) if self.model == "tfidf" else None
        if fresh:
            self.clusterer = StoryClusterer(self.model, window_days=settings.story_window_days)
            self.near = NearDuplicateIndex()
        else:
            next_id = story_rows.next_id(store)
            self.clusterer = restore.clusterer(store, self.model, settings.story_window_days, self.model, next_id)
            self.near = restore.near_index(store, settings.story_window_days)
            if self.embedder is not None:
                self.embedder.learn(restore.tfidf_texts(store))
        self._near_times: list = []  # (published, id) heap: originals to drop from the near-duplicate index
        self._older: list[tuple[int, int, float]] = []  # (original enriched earlier, older text, score): see _duplicate
        self._newest = None

    def run(self, ids: list[int], progress: Callable[[int], None] | None = None) -> EnrichReport:
        report = EnrichReport()
        for i in range(0, len(ids), BATCH):
            chunk = ids[i:i + BATCH]
            self._batch(article_rows.load(self.store, chunk), report)
            if progress:
                progress(len(chunk))
        return report

    # ------------------------------------------------------------------ one batch
    def _batch(self, rows: list[dict], report: EnrichReport) -> None:
        items: list[_Item] = []
        for row in rows:
            try:
                dup, score = self._duplicate(row)
                analysis = analyse(row)
                for step in self.steps:
                    step(row, analysis)
                items.append(_Item(row, analysis, dup, score))
            except Exception as e:
                self._fail(row, e, report)
        items = self._embed(items, report)
        now = utcnow()
        written = []
        for it in items:
            try:
                with self.store.db.write() as conn:
                    article_rows.write(conn, it.row["id"], it.analysis, it.duplicate_of, it.score, it.vector,
                                       self.model, now)
                    if it.duplicate_of is not None:
                        article_rows.repoint_copies(conn, it.row["id"], it.duplicate_of)
                written.append(it)
            except Exception as e:
                self._fail(it.row, e, report)
        originals = [it for it in written if it.duplicate_of is None]
        self.vectors.remove([it.row["id"] for it in written if it.duplicate_of is not None])
        self.vectors.add([it.row["id"] for it in originals], [it.vector for it in originals])
        report.enriched += len(written)
        try:
            demoted, left = self._demote({it.row["id"] for it in written})
            self._cluster(written, report, demoted, left)
        except Exception as e:  # a bug in clustering: every article of the batch says so
            for it in written:
                self._fail(it.row, e, report, enriched=True)
        self._forget()

    def _duplicate(self, row: dict) -> tuple[int | None, float | None]:
        """(original id, score) when the article is a copy, else (None, None) and it joins the index. The original
        is the first published: an original enriched earlier but published later than this text becomes its copy
        once this one is stored (``_demote``)."""
        text, site = restore.body(row), restore.site_of(row["url"])
        if row["duplicate_of"] and row["content_hash"] and row["content_hash"] == row["original_hash"]:
            found = [(row["duplicate_of"], 1.0)]  # the same text, found at storage
        else:
            found = [(i, s) for i, s in self.near.duplicates(text, site) if i != row["id"]] if text else []
        if found and article_rows.published_at(self.store, found[0][0]) > row["published_at"]:
            self._older.append((found[0][0], row["id"], found[0][1]))
        elif found:
            self.near.remove(row["id"])
            return found[0]
        if text:
            self.near.add(row["id"], text, site)
            heapq.heappush(self._near_times, (row["published_at"], row["id"]))
        return None, None

    def _demote(self, written: set[int]) -> tuple[list[int], set[int]]:
        """Originals that turned out to copy an older text enriched after them (feeds refreshed in another order)
        become its copies: out of the index, the vectors and their stories. Returns (their ids, their stories)."""
        todo, self._older = [t for t in self._older if t[1] in written], []
        if not todo:
            return [], set()
        with self.store.db.write() as conn:
            for copy, original, score in todo:
                article_rows.demote(conn, copy, original, score)
        self.vectors.remove([copy for copy, _, _ in todo])
        for copy, _, _ in todo:
            self.near.remove(copy)
        left = {self.clusterer.remove(copy) for copy, _, _ in todo}
        return [copy for copy, _, _ in todo], left - {None}

    def _embed(self, items: list[_Item], report: EnrichReport) -> list[_Item]:
        originals = [it for it in items if it.duplicate_of is None]
        if not originals:
            return items
        texts = [doc_text(it.row["title"], restore.body(it.row)) for it in originals]
        try:
            if self.embedder is None:
                self.embedder = embedders.load(self.settings)
            for it, v in zip(originals, self.embedder.encode(texts)):
                it.vector = v
            return items
        except Exception as e:
            for it in originals:
                self._fail(it.row, e, report)
            return [it for it in items if it.duplicate_of is not None]

    def _cluster(self, written: list[_Item], report: EnrichReport, demoted: list[int], left: set[int]) -> None:
        docs = [Doc(it.row["id"], it.vector, it.row["title"] or "", restore.body(it.row), it.row["published_at"],
                    it.analysis.entity_keys) for it in written if it.duplicate_of is None]
        changes = self.clusterer.add_batch(docs) if docs else {"moved": [], "merged": []}
        labels = self.clusterer.story_of
        touched = {labels[d.id] for d in docs if d.id in labels}
        touched |= {s for _, a, b in changes["moved"] for s in (a, b)} | {s for pair in changes["merged"] for s in pair}
        touched |= left
        copies = [it.row["id"] for it in written if it.duplicate_of is not None] + list(demoted)
        original, now = articles.alias("original"), utcnow()
        with self.store.db.write() as conn:
            for sid in sorted(touched):
                if sid in self.clusterer.stories:
                    story_rows.assign(conn, sid, self.clusterer.members(sid), now)
            if copies:  # a copy belongs to its original's story, wherever that was placed
                conn.execute(update(articles).where(articles.c.id.in_(copies)).values(
                    story_id=select(original.c.story_id).where(original.c.id == articles.c.duplicate_of)
                    .scalar_subquery()))
                touched |= set(conn.execute(select(articles.c.story_id).where(articles.c.id.in_(copies))
                                            .where(articles.c.story_id.isnot(None))).scalars())
            story_rows.refresh(conn, touched, now)
            story_rows.sync_sequence(conn)
        report.stories |= touched
        for d in docs:
            self._newest = max(self._newest or d.published, d.published)

    def _forget(self) -> None:
        """Bound memory: close stories quiet for a window; drop originals two windows old from the index."""
        if self._newest is None:
            return
        self.clusterer.forget(self._newest - self.window)
        cutoff = self._newest - restore.NEAR_WINDOW_FACTOR * self.window
        while self._near_times and self._near_times[0][0] < cutoff:
            self.near.remove(heapq.heappop(self._near_times)[1])

    def _fail(self, row: dict, error: Exception, report: EnrichReport, enriched: bool = False) -> None:
        message = f"{error.__class__.__name__}: {error}"
        log.warning("enrich: article %s (%s) failed: %s", row["id"], row.get("url"), message, exc_info=True)
        report.errors[row["id"]] = message
        report.failed += 1
        report.enriched -= 1 if enriched else 0
        try:
            article_rows.record_error(self.store, row["id"], message)
        except Exception:
            log.exception("enrich: could not record the error on article %s", row["id"])
