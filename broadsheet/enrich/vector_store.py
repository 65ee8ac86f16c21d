"""The ANN index over one embedder's stored vectors (``article_vectors`` rows of that model), kept in memory.

The database is the record (SQLite or PostgreSQL alike): the index is rebuilt from ``article_vectors`` when first
needed, then kept current by the enrich stage in this process (``add``) and by a cheap look for newer rows at most
every ``SYNC_SECONDS`` (vectors written by another process, e.g. `broadsheet enrich`). A small store is loaded at
once; a large one in a background thread, and until it is ready ``search`` finds nothing, so a page never waits.
"""
from __future__ import annotations

import logging
import threading
import time

import numpy as np
from sqlalchemy import func, select

from ..store.schema import article_vectors
from .vectors import VectorIndex

log = logging.getLogger(__name__)
DIMS = {"minilm": 384, "tfidf": 1024}
SYNC_SECONDS = 30.0
LOAD_NOW_MAX = 5000  # stored vectors loaded in the caller's thread; more are loaded in the background
CHUNK = 2000


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


class VectorStore:
    def __init__(self, store, model: str):
        self.store, self.model, self.dim = store, model, DIMS[model]
        self.index = VectorIndex(self.dim)
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._loading = False
        self._max_id = 0  # highest article id read from the table
        self._synced = 0.0

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def ensure(self, wait: bool = True) -> bool:
        """Load the index if it is not loaded; ``wait=False`` returns at once when the load takes a while."""
        if self._ready.is_set():
            if time.monotonic() - self._synced > SYNC_SECONDS:
                self._sync()
            return True
        with self._lock:
            if self._loading:
                start = False
            else:
                self._loading = start = True
        if start:
            with self.store.db.read() as conn:
                n = conn.execute(select(func.count()).select_from(article_vectors)
                                 .where(article_vectors.c.model == self.model)).scalar_one()
            if n <= LOAD_NOW_MAX or wait:
                self._load()
            else:
                threading.Thread(target=self._load, name="broadsheet-vectors-load", daemon=True).start()
        if wait:
            self._ready.wait()
        return self._ready.is_set()

    def _load(self) -> None:
        try:
            self._sync()
        except Exception:
            log.exception("could not load the %s vectors from the store", self.model)
            with self._lock:
                self._loading = False
            return
        self._ready.set()

    def _sync(self) -> None:
        """Read the rows written since the last read (by article id) into the index."""
        self._synced = time.monotonic()
        q = (select(article_vectors.c.article_id, article_vectors.c.vector)
             .where(article_vectors.c.model == self.model).where(article_vectors.c.article_id > self._max_id)
             .order_by(article_vectors.c.article_id))
        with self.store.db.read() as conn:
            for rows in conn.execution_options(stream_results=True, yield_per=CHUNK).execute(q).partitions(CHUNK):
                ids = [r.article_id for r in rows]
                self.index.add(ids, np.stack([from_blob(r.vector) for r in rows]))
                self._max_id = max(self._max_id, ids[-1])

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        """Vectors just stored by this process's enrich stage."""
        if len(ids):
            self.index.add(ids, vectors)

    def remove(self, ids) -> None:
        self.index.remove(list(ids))

    def reset(self) -> None:
        """Forget everything (a full re-run rewrites the table); the next ``ensure`` reads it again."""
        with self._lock:
            self.index = VectorIndex(self.dim)
            self._max_id, self._loading = 0, False
            self._ready.clear()

    def vector(self, article_id: int) -> np.ndarray | None:
        try:
            return self.index.get([article_id])[0]
        except (KeyError, ValueError, IndexError):
            return None

    def search(self, vector: np.ndarray, k: int, exclude=()) -> list[tuple[int, float]]:
        return self.index.search(vector, k, exclude_ids=exclude) if self.ready else []
