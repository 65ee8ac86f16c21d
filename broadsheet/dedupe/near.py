"""Near-duplicates: the same article republished with other boilerplate, light edits or a new headline.

Two stages, as in the usual MinHash set-up:

1. **Candidates**, two ways, each costing a few look-ups whatever the index size:
   *MinHash LSH* over word shingles (5 words; a CJK character counts as a word): a signature of ``NUM_PERM``
   minimum hashes cut into ``BANDS`` bands of ``ROWS`` values; two texts meet when a band is equal, with
   probability ``1 - (1 - J**ROWS)**BANDS`` for Jaccard similarity ``J`` (0.98 at J = 0.25). And *sampled
   shingles* (those whose hash is 0 mod ``SAMPLE``): two texts meet when they share two of them, which catches a
   short story inside a long page (high containment, low Jaccard) that LSH would miss.
2. **Exact check** on each candidate pair with the full shingle sets (kept as sorted 32-bit hashes):
   *containment* ``|A & B| / min(|A|, |B|)``, so that a copy wrapped in extra boilerplate, or one that drops or
   adds a paragraph, still matches its original. Two articles of the same source share its template, so they
   need near-identity (``SAME_SOURCE_CONTAINMENT``), and that source's recurring boilerplate is left out first
   (``boilerplate.py``).

Memory per article of ~600 words: ~2.5 KB of shingles, 0.5 KB of signature and ~140 postings of 12 bytes
(``postings.py``), about 8 KB in all with Python's overheads; meant for a window of recent articles (``remove``
old ones). ``to_bytes``/``from_bytes`` save and load the index (numpy ``.npz``, no pickle).
"""
from __future__ import annotations

import hashlib
import io
import json
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .boilerplate import SourceBoilerplate
from .postings import Postings

SHINGLE = 5  # words per shingle
NUM_PERM = 128
BANDS, ROWS = 64, 2  # LSH uses the first BANDS * ROWS minimum hashes
SAMPLE, MIN_SHARED_SAMPLES = 8, 2  # containment candidates: sharing 2+ of the shingles whose hash is 0 mod 8 ...
MAX_POSTING = 200  # ... unless that shingle is in more documents than this (boilerplate, a stock phrase)
MIN_SHINGLES = 20  # shorter texts (< ~25 words) are never called near-duplicates
CONTAINMENT = 0.65  # share of the shorter text's shingles that must also be in the other ...
SAME_SOURCE_CONTAINMENT = 0.9  # ... or, between two articles of one source (which share its template), this much

_RNG = np.random.default_rng(20251126)  # fixed: signatures must stay comparable across runs and saved indexes
_WORD_MIX = _RNG.integers(1, 1 << 63, SHINGLE, dtype=np.uint64) | np.uint64(1)
_A = _RNG.integers(1, 1 << 63, NUM_PERM, dtype=np.uint64) | np.uint64(1)  # multiply-shift: (a*h + b) >> 32
_B = _RNG.integers(0, 1 << 63, NUM_PERM, dtype=np.uint64)
_BAND_MIX = _RNG.integers(1, 1 << 63, (BANDS, ROWS), dtype=np.uint64) | np.uint64(1)
_BAND_IDS = np.arange(BANDS, dtype=np.uint64)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def tokens(text: str) -> list[str]:
    """Lower-cased words; punctuation, markup and spacing do not count. Each CJK character is a word."""
    return _TOKEN.findall((text or "").lower())


def shingles(text: str) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's SHINGLE-word shingles (one shingle for a shorter text).

    Each distinct word is hashed once (blake2b, stable across processes); a shingle's hash mixes its words'
    hashes with fixed odd multipliers (uint64 arithmetic wraps) and keeps the high 32 bits."""
    w = tokens(text)
    if not w:
        return np.zeros(0, dtype=np.uint32)
    vocab = {t: int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little") for t in set(w)}
    h = np.array([vocab[t] for t in w], dtype=np.uint64)
    k = min(SHINGLE, len(h))
    n = len(h) - k + 1
    mixed = sum(h[j:j + n] * _WORD_MIX[j] for j in range(k))
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))


def signature(sh: np.ndarray) -> np.ndarray:
    """MinHash signature (NUM_PERM 32-bit minima, multiply-shift hashing); empty set: all maximum."""
    if not len(sh):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    return ((sh.astype(np.uint64)[:, None] * _A + _B) >> np.uint64(32)).min(axis=0).astype(np.uint32)


@dataclass(frozen=True)
class Sketch:
    """What the index keeps of one text: its shingle hashes and MinHash signature."""

    shingles: np.ndarray
    signature: np.ndarray

    @classmethod
    def of(cls, text: str) -> Sketch:
        sh = shingles(text)
        return cls(sh, signature(sh))

    def band_keys(self) -> np.ndarray:
        """One 64-bit key per LSH band."""
        rows = self.signature[: BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
        return (rows * _BAND_MIX).sum(axis=1) + _BAND_IDS  # uint64 arithmetic wraps

    def sample_keys(self) -> np.ndarray:
        """The sampled shingles: one in SAMPLE, by hash."""
        return self.shingles[(self.shingles % SAMPLE) == 0].astype(np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(containment, Jaccard) of two shingle sets; containment is over the smaller set."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b)), shared / (len(a) + len(b) - shared)


def judge(a: Sketch, b: Sketch, ignore: np.ndarray | None = None, same_source: bool = False) -> tuple[bool, float]:
    """The exact check: (is a near-duplicate, containment score), leaving out the ``ignore`` shingles."""
    sa, sb = a.shingles, b.shingles
    if ignore is not None and len(ignore):
        sa, sb = np.setdiff1d(sa, ignore, assume_unique=True), np.setdiff1d(sb, ignore, assume_unique=True)
    if min(len(sa), len(sb)) < MIN_SHINGLES:
        return False, 0.0
    containment, _ = similarity(sa, sb)
    return containment >= (SAME_SOURCE_CONTAINMENT if same_source else CONTAINMENT), round(containment, 4)


def is_near_duplicate(a_text: str, b_text: str, same_source: bool = False) -> tuple[bool, float]:
    """Whether two texts are the same article (other boilerplate, light edits, new headline), and the score.
    ``same_source``: both come from one site, whose template text they may share."""
    return judge(Sketch.of(a_text), Sketch.of(b_text), same_source=same_source)


class NearDuplicateIndex:
    """Incremental MinHash LSH index with an exact check on candidates. Document ids are str or int.

    ``source`` (optional): the site's host name, not the feed (a site's feeds share its template). With it, two
    articles of one source must be near-identical, and each source's recurring boilerplate is ignored."""

    def __init__(self) -> None:
        self._numbers: dict[str | int, int] = {}  # document id -> its number in the postings
        self._ids: dict[int, str | int] = {}
        self._docs: dict[int, Sketch] = {}
        self._sources: dict[int, str | None] = {}
        self._bands, self._samples = Postings(), Postings()
        self._boilerplate = SourceBoilerplate()
        self._next = 0

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: str | int) -> bool:
        return doc_id in self._numbers

    def add(self, doc_id: str | int, text: str | Sketch, source: str | None = None) -> Sketch:
        """Index a text (or a sketch already made for a query); adding an existing id replaces it."""
        sketch = text if isinstance(text, Sketch) else Sketch.of(text)
        self.remove(doc_id)
        n, self._next = self._next, self._next + 1
        self._numbers[doc_id], self._ids[n], self._docs[n], self._sources[n] = n, doc_id, sketch, source
        self._bands.add(n, sketch.band_keys())
        self._samples.add(n, sketch.sample_keys())
        self._boilerplate.add(source, sketch.shingles)
        return sketch

    def remove(self, doc_id: str | int) -> None:
        n = self._numbers.pop(doc_id, None)
        if n is not None:
            del self._ids[n], self._docs[n], self._sources[n]
            self._bands.remove(n)
            self._samples.remove(n)

    def _candidates(self, sketch: Sketch) -> set[int]:
        found = {d for docs in self._bands.lookup(sketch.band_keys()) for d in docs.tolist()}
        shared = Counter(d for docs in self._samples.lookup(sketch.sample_keys(), MAX_POSTING) for d in docs.tolist())
        return found.union(d for d, n in shared.items() if n >= MIN_SHARED_SAMPLES)

    def candidates(self, text: str | Sketch) -> set[str | int]:
        """Documents sharing an LSH band (similar overall) or 2+ sampled shingles (one may contain the other)."""
        return {self._ids[n] for n in self._candidates(text if isinstance(text, Sketch) else Sketch.of(text))}

    def duplicates(self, text: str | Sketch, source: str | None = None) -> list[tuple[str | int, float]]:
        """Every indexed document that passes the exact check, best score first."""
        sketch = text if isinstance(text, Sketch) else Sketch.of(text)
        found = []
        for n in self._candidates(sketch):
            other = self._sources[n]
            ignore = self._boilerplate.common(source, other)
            same, score = judge(sketch, self._docs[n], ignore, source is not None and source == other)
            if same:
                found.append((self._ids[n], score))
        return sorted(found, key=lambda f: (-f[1], str(f[0])))

    def find_duplicate(self, text: str | Sketch, source: str | None = None) -> tuple[str | int, float] | None:
        """The indexed document this text duplicates best, with its score, or None."""
        found = self.duplicates(text, source)
        return found[0] if found else None

    def to_bytes(self) -> bytes:
        numbers = list(self._docs)  # in the order they were added
        ids, sketches = [self._ids[n] for n in numbers], [self._docs[n] for n in numbers]
        sizes = np.array([len(s.shingles) for s in sketches], dtype=np.int64)
        meta = {"version": 1, "ids": ids, "sources": [self._sources[n] for n in numbers], "shingle": SHINGLE,
                "num_perm": NUM_PERM}
        buf = io.BytesIO()
        np.savez_compressed(
            buf, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8), sizes=sizes,
            shingles=np.concatenate([s.shingles for s in sketches]) if ids else np.zeros(0, np.uint32),
            signatures=np.stack([s.signature for s in sketches]) if ids else np.zeros((0, NUM_PERM), np.uint32))
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> NearDuplicateIndex:
        arrays = np.load(io.BytesIO(data), allow_pickle=False)
        meta = json.loads(arrays["meta"].tobytes())
        if (meta["shingle"], meta["num_perm"]) != (SHINGLE, NUM_PERM):
            raise ValueError("index saved with other shingle or signature settings; rebuild it")
        index = cls()
        bounds = np.concatenate([[0], np.cumsum(arrays["sizes"])])
        shingle_data, signatures = arrays["shingles"], arrays["signatures"]
        for n, doc_id in enumerate(meta["ids"]):
            index.add(doc_id, Sketch(shingle_data[bounds[n]:bounds[n + 1]], signatures[n]), meta["sources"][n])
        return index
