"""Nearest-neighbour search over article vectors, kept in a file beside the database (so SQLite and PostgreSQL alike).

    index = VectorIndex(384, path="broadsheet.minilm.vectors")   # loads the file if it exists
    index.add([12, 13], vectors)                                 # upsert; ids are non-negative integers
    index.search(vector, k=10, exclude_ids={12})                 # [(id, cosine), ...], best first
    index.save()                                                 # atomic: write a temp file, then rename

Back-end: usearch (HNSW, approximate) when installed, else exact search over a numpy matrix. Vectors must be
L2-normalised (scores are cosines). The file is back-end specific; ``load`` raises ``IndexMismatch`` when it
cannot be used (other back-end, other dimension): rebuild it from the stored vectors then. Name the file after
the embedder (``.minilm.`` / ``.tfidf.``) so that switching embedder never mixes vector spaces.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path

import numpy as np

HAS_USEARCH = importlib.util.find_spec("usearch") is not None


class IndexMismatch(ValueError):
    """The index file was written by another back-end or for another dimension."""


class _Exact:
    """Brute-force cosine search; O(n·dim) per query, fine to ~100k vectors. Rows live in a buffer that doubles."""

    def __init__(self, dim: int, dtype: str):
        self.dim, self.n = dim, 0
        self.ids = np.zeros(0, dtype=np.int64)
        self.buf = np.zeros((0, dim), dtype=np.float16 if dtype == "f16" else np.float32)
        self.row: dict[int, int] = {}

    @property
    def mat(self) -> np.ndarray:
        return self.buf[: self.n]

    def __len__(self):
        return self.n

    def add(self, ids, vecs):
        self.remove(ids)
        need = self.n + len(ids)
        if need > len(self.buf):
            cap = max(need, 2 * len(self.buf), 1024)
            self.buf = np.concatenate([self.buf[: self.n], np.zeros((cap - self.n, self.dim), self.buf.dtype)])
            self.ids = np.concatenate([self.ids[: self.n], np.zeros(cap - self.n, np.int64)])
        self.buf[self.n:need], self.ids[self.n:need] = vecs, ids
        self.row.update((int(i), self.n + k) for k, i in enumerate(ids))
        self.n = need

    def remove(self, ids):
        rows = [self.row.pop(int(i)) for i in ids if int(i) in self.row]
        if rows:
            keep = np.setdiff1d(np.arange(self.n), rows)
            self.n = len(keep)
            self.buf[: self.n], self.ids[: self.n] = self.buf[keep], self.ids[keep]
            self.row = {int(i): k for k, i in enumerate(self.ids[: self.n])}

    def search(self, vec, k):
        if not self.n:
            return []
        ids, s = self.ids[: self.n], self.mat @ vec.astype(self.buf.dtype)
        top = np.argpartition(-s, k - 1)[:k] if k < len(s) else np.arange(len(s))
        top = top[np.lexsort((ids[top], -s[top]))]  # score, then id: deterministic ties
        return [(int(ids[j]), float(s[j])) for j in top]

    def get(self, ids):
        return self.mat[[self.row[int(i)] for i in ids]].astype(np.float32)

    def save(self, path):
        with open(path, "wb") as f:
            np.savez(f, ids=self.ids[: self.n], mat=self.mat)

    def load(self, path):
        with np.load(path) as z:
            if z["mat"].shape[1] != self.dim:
                raise IndexMismatch(f"{path}: dimension {z['mat'].shape[1]}, expected {self.dim}")
            self.ids, self.buf = z["ids"], z["mat"].astype(self.buf.dtype)
        self.n = len(self.ids)
        self.row = {int(i): n for n, i in enumerate(self.ids)}


class _USearch:
    """usearch HNSW index; cosine metric, vectors stored in ``dtype``."""

    def __init__(self, dim: int, dtype: str):
        from usearch.index import Index

        self._Index, self.dim, self.dtype = Index, dim, dtype
        self.ix = Index(ndim=dim, metric="cos", dtype=dtype)

    def __len__(self):
        return len(self.ix)

    def add(self, ids, vecs):
        self.remove(ids)
        self.ix.add(ids.astype(np.uint64), vecs)

    def remove(self, ids):
        ids = ids.astype(np.uint64)
        present = ids[self.ix.contains(ids)] if len(ids) else ids
        if len(present):
            self.ix.remove(present)

    def search(self, vec, k):
        if not len(self.ix):
            return []
        m = self.ix.search(vec, k)
        return [(int(key), 1.0 - float(d)) for key, d in zip(m.keys, m.distances)]

    def get(self, ids):
        got = self.ix.get(ids.astype(np.uint64))
        if any(g is None for g in got):
            raise KeyError("id not in the index")
        return np.stack(got).astype(np.float32)

    def save(self, path):
        self.ix.save(str(path))

    def load(self, path):
        meta = self._Index.metadata(str(path)) if not _is_npz(path) else None
        if not meta or meta["dimensions"] != self.dim:
            raise IndexMismatch(f"{path}: not a usearch index of dimension {self.dim}")
        self.ix = self._Index.restore(str(path))


def _is_npz(path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == b"PK"


class VectorIndex:
    """Cosine k-NN over (int id, vector) pairs; thread-safe; ``backend`` is "usearch" or "exact"."""

    def __init__(self, dim: int, path: str | os.PathLike | None = None, backend: str = "auto",
                 dtype: str = "f32"):
        if backend == "auto":
            backend = "usearch" if HAS_USEARCH else "exact"
        self.dim, self.backend, self.path = dim, backend, Path(path) if path else None
        self._impl = _USearch(dim, dtype) if backend == "usearch" else _Exact(dim, dtype)
        self._lock = threading.RLock()
        if self.path and self.path.exists():
            self.load()

    def __len__(self) -> int:
        return len(self._impl)

    def add(self, ids, vectors) -> None:
        ids, vecs = _ids(ids), np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if len(ids) != len(vecs) or len(set(ids.tolist())) != len(ids):
            raise ValueError("ids and vectors must match one to one, without repeated ids")
        with self._lock:
            self._impl.add(ids, vecs)

    def remove(self, ids) -> None:
        with self._lock:
            self._impl.remove(_ids(ids))

    def search(self, vector, k: int = 10, exclude_ids=()) -> list[tuple[int, float]]:
        """The k nearest ids with their cosine similarity, best first, ``exclude_ids`` left out."""
        exclude = {int(i) for i in exclude_ids}
        if k <= 0:
            return []
        vec = np.asarray(vector, dtype=np.float32).reshape(self.dim)
        with self._lock:
            hits = self._impl.search(vec, min(len(self._impl), k + len(exclude)))
        return [(i, s) for i, s in hits if i not in exclude][:k]

    def get(self, ids) -> np.ndarray:
        """Stored vectors of ``ids`` (KeyError/ValueError if one is missing)."""
        with self._lock:
            return self._impl.get(_ids(ids))

    def save(self, path: str | os.PathLike | None = None) -> None:
        path = Path(path or self.path)
        tmp = path.with_name(path.name + ".tmp")
        with self._lock:
            self._impl.save(tmp)
        os.replace(tmp, path)

    def load(self, path: str | os.PathLike | None = None) -> None:
        path = Path(path or self.path)
        if (self.backend == "exact") != _is_npz(path):
            raise IndexMismatch(f"{path} was written by another back-end; rebuild it")
        with self._lock:
            self._impl.load(path)


def _ids(ids) -> np.ndarray:
    a = np.asarray(list(ids) if not isinstance(ids, np.ndarray) else ids, dtype=np.int64).reshape(-1)
    if (a < 0).any():
        raise ValueError("ids must be non-negative integers")
    return a
