"""Hashed, incrementally-learned TF-IDF: the sparse fallback embedder and the clusterer's lexical signal.

No fitted vocabulary: a term is its CRC-32 folded into ``BUCKETS`` slots, and document frequencies are counted in
a fixed-size array as texts are seen (``learn``), so IDF sharpens as the corpus grows and the state is one small
array (``state``/``from_state``). Weights are sublinear TF (1 + ln tf) times smoothed IDF, L2-normalised.
``sparse`` gives exact {bucket: weight} vectors; ``dense`` folds them into ``dim`` signed slots (feature hashing),
which keeps cosines unbiased with noise of about 1/sqrt(dim).
"""
from __future__ import annotations

import math
import re
import threading
import zlib
from collections import Counter
from functools import lru_cache

import numpy as np

BUCKETS = 1 << 20
_TOKEN = re.compile(r"[^\W_]{2,}")
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves s t don re ve ll d m isn aren wasn weren hasn
haven hadn doesn didn won wouldn shan shouldn can cannot couldn mustn let may might must shall us via per
""".split())


@lru_cache(maxsize=1 << 17)
def _bucket(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & (BUCKETS - 1)


def tokens(text: str) -> list[str]:
    """Lower-cased words of two or more letters/digits, stop words removed."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS]


class HashedTfidf:
    """Sublinear TF x smoothed IDF over hashed terms; document frequencies learned online. Thread-safe."""

    def __init__(self, dim: int = 1024):
        self.dim = dim
        self.n_docs = 0
        self.df = np.zeros(BUCKETS, dtype=np.uint32)
        self._lock = threading.Lock()
        rng = np.random.default_rng(0x5EED)  # fixed: the folding must be identical in every process
        self._sign = rng.choice(np.array([-1.0, 1.0], dtype=np.float32), BUCKETS)

    @staticmethod
    def counts(text: str, terms=()) -> Counter:
        """Term counts of ``text``, plus ``terms`` (e.g. entity keys) once each, in their own namespace."""
        c = Counter(_bucket(t) for t in tokens(text))
        c.update(_bucket("\x1f" + t.lower()) for t in terms)
        return c

    def learn(self, texts: list[str]) -> None:
        """Count each text once in the document frequencies."""
        self.learn_counts([self.counts(t) for t in texts])

    def learn_counts(self, counts: list[Counter]) -> None:
        buckets = [np.fromiter(c.keys(), dtype=np.int64) for c in counts]
        with self._lock:
            for b in buckets:
                self.df[b] += 1
            self.n_docs += len(counts)

    def weigh(self, counts: Counter) -> dict[int, float]:
        """L2-normalised {bucket: weight} (uses the frequencies learned so far)."""
        if not counts:
            return {}
        n = self.n_docs
        w = {b: (1.0 + math.log(tf)) * (math.log((1 + n) / (1 + int(self.df[b]))) + 1.0) for b, tf in counts.items()}
        norm = math.sqrt(sum(v * v for v in w.values()))
        return {b: v / norm for b, v in w.items()}

    def sparse(self, text: str) -> dict[int, float]:
        return self.weigh(self.counts(text))

    def dense(self, texts: list[str], learn: bool = True) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised (zero rows for texts without a word)."""
        if learn:
            self.learn(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            sp = self.sparse(text)
            if sp:
                b = np.fromiter(sp.keys(), dtype=np.int64)
                np.add.at(out[i], b % self.dim, self._sign[b] * np.fromiter(sp.values(), dtype=np.float32))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)

    def state(self) -> dict:
        """Learned statistics as plain data: {'n_docs': int, 'df': {bucket: count}} (non-zero buckets only)."""
        nz = np.flatnonzero(self.df)
        return {"n_docs": self.n_docs, "df": dict(zip(nz.tolist(), self.df[nz].tolist()))}

    def load_state(self, state: dict) -> "HashedTfidf":
        df = np.zeros(BUCKETS, dtype=np.uint32)
        for b, c in state["df"].items():
            df[int(b)] = c
        with self._lock:
            self.df, self.n_docs = df, int(state["n_docs"])
        return self


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Dot product of two sparse vectors (their cosine when both are normalised)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())
