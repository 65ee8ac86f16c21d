"""Compact postings: 64-bit key -> document numbers, for millions of entries at 12 bytes each.

Most entries sit in two sorted numpy arrays (keys, documents) searched with ``searchsorted``; new ones go to a
small dictionary first and are merged in when it grows past a quarter of the table (so each entry is re-sorted
only a few times). Removed documents are skipped at look-up and purged at the next merge.
"""
from __future__ import annotations

import numpy as np

MIN_MERGE = 50_000  # entries waiting in the dictionary before a merge, at least


class Postings:
    def __init__(self) -> None:
        self._keys = np.zeros(0, dtype=np.uint64)
        self._docs = np.zeros(0, dtype=np.uint32)
        self._recent: dict[int, list[int]] = {}
        self._waiting = 0
        self._removed: set[int] = set()
        self._removed_sorted = np.zeros(0, dtype=np.uint32)

    def add(self, doc: int, keys: np.ndarray) -> None:
        for key in keys.tolist():
            self._recent.setdefault(key, []).append(doc)
        self._waiting += len(keys)
        if self._waiting > max(MIN_MERGE, len(self._keys) // 4):
            self._merge()

    def remove(self, doc: int) -> None:
        self._removed.add(doc)
        self._removed_sorted = np.array(sorted(self._removed), dtype=np.uint32)

    def lookup(self, keys: np.ndarray, limit: int | None = None) -> list[np.ndarray]:
        """For each key, its documents (an empty array for a key with more than ``limit`` of them)."""
        lo = np.searchsorted(self._keys, keys, "left")
        hi = np.searchsorted(self._keys, keys, "right")
        found = []
        for key, a, b in zip(keys.tolist(), lo.tolist(), hi.tolist()):
            docs = self._docs[a:b]
            if key in self._recent:
                docs = np.concatenate([docs, np.array(self._recent[key], dtype=np.uint32)])
            if len(self._removed_sorted) and len(docs):
                docs = docs[~np.isin(docs, self._removed_sorted)]
            found.append(docs if limit is None or len(docs) <= limit else docs[:0])
        return found

    def _merge(self) -> None:
        keys = np.fromiter((k for k, docs in self._recent.items() for _ in docs), dtype=np.uint64, count=self._waiting)
        docs = np.fromiter((d for ds in self._recent.values() for d in ds), dtype=np.uint32, count=self._waiting)
        keys, docs = np.concatenate([self._keys, keys]), np.concatenate([self._docs, docs])
        if self._removed:
            keep = ~np.isin(docs, self._removed_sorted)
            keys, docs = keys[keep], docs[keep]
            self._removed, self._removed_sorted = set(), self._removed_sorted[:0]
        order = np.argsort(keys, kind="stable")
        self._keys, self._docs = keys[order], docs[order]
        self._recent, self._waiting = {}, 0
