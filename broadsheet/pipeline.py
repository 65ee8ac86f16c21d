"""The orchestrator. One source refresh runs simple stages in order:

    fetch → parse → (fetch page → extract when the feed has only a summary) → sanitise → fingerprint → store

Search indexing happens in the store (FTS5 triggers / generated tsvector). Errors stop only the source they belong to:
they are stored on the source row, logged with context, and the next source goes on.

Threads do the I/O (fetching) and the store writes; the CPU-bound stages (parsing, sanitising, extracting) go
through ``self.cpu`` (``jobs/cpu.py``), worker processes started when a refresh has enough work for them
(``BROADSHEET_WORKERS``), so that ingestion uses every core.
"""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from .config import Settings
from .errors import BroadsheetError
from .fetch.client import Fetcher
from .extract.records import build_records, read_feed
from .jobs.cpu import CpuPool
from .sources.resolve import classify_and_parse, resolve_new_source
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class RefreshResult:
    source_id: int
    inserted: int = 0
    updated: int = 0
    not_modified: bool = False
    error: str | None = None
    item_errors: list[str] = field(default_factory=list)


class Pipeline:
    def __init__(self, settings: Settings, store: Store, fetcher: Fetcher | None = None, cpu: CpuPool | None = None):
        """``cpu``: a worker pool to share (it is then left running by ``close()``); by default the pipeline has its
        own, of ``settings.workers`` processes, started only when a refresh has enough work for it."""
        self.settings = settings
        self.store = store
        self.fetcher = fetcher or Fetcher(settings)
        self.cpu = cpu or CpuPool(settings.workers)
        self._owns_cpu = cpu is None
        self.refresh_every = timedelta(minutes=settings.refresh_minutes)
        self._busy: set[int] = set()
        self._busy_lock = threading.Lock()
        self.on_stored = None  # called with a source id after a refresh stored new articles (queues enrichment)

    def add(self, url: str, folder: str | None = None, title: str | None = None) -> dict:
        """Add a feed, a sitemap, a site (feed autodiscovery) or a single article page, and ingest it once."""
        found = resolve_new_source(self.fetcher, url)
        existing = self.store.sources.find_by_url(found.url)
        if existing:
            from .errors import Conflict
            raise Conflict(f"{found.url} is already a source", code="source_exists", detail={"id": existing["id"]})
        source = self.store.sources.add(found.url, found.kind, title=title or found.title, site_url=found.site_url,
                                        folder=folder)
        self.refresh(source["id"], prefetched=found.result)
        return self.store.sources.get(source["id"])

    def refresh(self, source_id: int, prefetched=None) -> RefreshResult:
        """Refresh one source; a source already being refreshed (scheduler and a click at once) is left alone."""
        with self._busy_lock:
            if source_id in self._busy:
                return RefreshResult(source_id, error=None, not_modified=True)
            self._busy.add(source_id)
        try:
            return self._refresh(source_id, prefetched)
        finally:
            with self._busy_lock:
                self._busy.discard(source_id)

    def _refresh(self, source_id: int, prefetched=None) -> RefreshResult:
        source = self.store.sources.get(source_id)
        result = RefreshResult(source_id)
        try:
            fetched = prefetched or self.fetcher.fetch(source["url"], etag=source["etag"],
                                                       last_modified=source["last_modified"])
            if fetched.not_modified:
                result.not_modified = True
                self.store.sources.record_success(source_id, self.refresh_every)
                return result
            prepared = None
            if source["kind"] == "feed":  # parse_feed, and the records of entries the feed carries in full
                parsed, prepared = self.cpu.run(read_feed, fetched.content, fetched.url, fetched.content_type,
                                                self.settings.fetch_full_text)
            else:
                parsed = classify_and_parse(self.fetcher, source, fetched)
            records, result.item_errors = build_records(self.settings, self.fetcher, self.store, source, parsed,
                                                        prefetched={fetched.url: fetched}, cpu=self.cpu,
                                                        prepared=prepared)
            meta = {"etag": fetched.etag, "last_modified": fetched.last_modified}
            if parsed.title and not source["title"]:
                meta["title"] = parsed.title
            if parsed.site_url and not source["site_url"]:
                meta["site_url"] = parsed.site_url
            # the articles and the source's success in one transaction (one commit per refresh)
            result.inserted, result.updated = self.store.articles.save(
                source_id, records, source_update=self.store.sources.success_values(self.refresh_every, **meta))
            if result.inserted and self.on_stored is not None:
                self._stored(source_id)
        except BroadsheetError as e:
            log.warning("source %s (%s) failed: %s", source_id, source["url"], e)
            self.store.sources.record_error(source_id, e, self.refresh_every)
            result.error = str(e)
        except Exception as e:  # a bug or a store hiccup: still recorded on the source, never fatal to the others
            log.exception("source %s (%s) failed unexpectedly", source_id, source["url"])
            err = BroadsheetError(f"Internal error while refreshing: {e.__class__.__name__}: {e}", code="internal")
            try:
                self.store.sources.record_error(source_id, err, self.refresh_every)
            except Exception:
                log.exception("could not record the error on source %s", source_id)
            result.error = str(err)
        return result

    def _stored(self, source_id: int) -> None:
        try:
            self.on_stored(source_id)
        except Exception:  # the articles are stored; enrichment can catch up later (`broadsheet enrich`)
            log.exception("could not queue enrichment after refreshing source %s", source_id)

    def refresh_due(self, progress=None, workers: int = 8) -> list[RefreshResult]:
        due = self.store.sources.due()
        results: list[RefreshResult] = []
        if len(due) > 1:
            self.cpu.start()  # in the background: the first sources are parsed in-thread until workers are up
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(due)))) as pool:
            for res in pool.map(self.refresh, [s["id"] for s in due]):
                results.append(res)
                if progress:
                    progress(res)
        return results

    def close(self) -> None:
        if self._owns_cpu:
            self.cpu.close()
        self.fetcher.close()


def import_opml(store: Store, content: bytes) -> tuple[int, int]:
    """Add every feed of an OPML file as a source (folders kept). Returns (added, already there)."""
    from .sources.opml import parse_opml
    from .sources.resolve import check_url

    added = skipped = 0
    for outline in parse_opml(content):
        url = check_url(outline.url)
        if store.sources.find_by_url(url):
            skipped += 1
            continue
        store.sources.add(url, "feed", title=outline.title, site_url=outline.site_url, folder=outline.folder)
        added += 1
    return added, skipped


def export_opml(store: Store) -> str:
    from .model import OpmlOutline
    from .sources.opml import render_opml

    return render_opml([OpmlOutline(url=s["url"], title=s["title"], site_url=s["site_url"], folder=s["folder"])
                        for s in store.sources.list() if s["kind"] in ("feed", "sitemap")])
