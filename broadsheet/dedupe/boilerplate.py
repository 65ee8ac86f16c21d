"""Per-source boilerplate: shingles that recur across one source's recent articles.

Extraction leaves some page furniture in the text now and then (a membership pitch, a newsletter box, a ticker
table). On a short article that furniture can outweigh the story, and two different articles of the same site then
look alike. A shingle seen in ``min_docs`` or more of a source's last ``window`` articles is that source's
boilerplate, and the exact check ignores it. One story republished by other outlets is unaffected: its shingles
recur across sources, not within one.
"""
from __future__ import annotations

from collections import deque

import numpy as np

WINDOW = 40
MIN_DOCS = 3
_EMPTY = np.zeros(0, dtype=np.uint32)


class SourceBoilerplate:
    """The recent shingle sets of each source, and the shingles common to several of them."""

    def __init__(self, window: int = WINDOW, min_docs: int = MIN_DOCS) -> None:
        self.window, self.min_docs = window, min_docs
        self._recent: dict[str, deque[np.ndarray]] = {}
        self._common: dict[str, np.ndarray] = {}

    def add(self, source: str | None, shingles: np.ndarray) -> None:
        if source is not None:
            self._recent.setdefault(source, deque(maxlen=self.window)).append(shingles)
            self._common.pop(source, None)  # worked out again when next asked for

    def _of(self, source: str | None) -> np.ndarray:
        recent = self._recent.get(source)
        if recent is None or len(recent) < self.min_docs:
            return _EMPTY
        if source not in self._common:
            values, counts = np.unique(np.concatenate(recent), return_counts=True)
            self._common[source] = values[counts >= self.min_docs]
        return self._common[source]

    def common(self, *sources: str | None) -> np.ndarray:
        """The boilerplate shingles of these sources (sorted, unique)."""
        found = [c for s in set(sources) if len(c := self._of(s))]
        return found[0] if len(found) == 1 else np.unique(np.concatenate(found)) if found else _EMPTY
