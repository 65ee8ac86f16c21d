"""Near-duplicates: the same article republished with other boilerplate, light edits or a new headline.

Two stages, as in the usual MinHash set-up:

1. **Candidates**, two ways, each costing a few dictionary look-ups whatever the index size:
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

Memory per article of ~600 words: ~2.5 KB of shingles, 0.5 KB of signature and ~140 dictionary entries; meant
for a sliding window of recent articles (``remove`` old ones). ``to_bytes``/``from_bytes`` save and load the
index (numpy ``.npz``, no pickle).
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
_SAMPLE_TAG = 1 << 64
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

    def band_keys(self) -> list[int]:
        """One key per LSH band (64-bit)."""
        rows = self.signature[: BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
        return [(int(k) + i) % _SAMPLE_TAG for i, k in enumerate((rows * _BAND_MIX).sum(axis=1))]  # uint64 wraps

    def sample_keys(self) -> list[int]:
        """The sampled shingles (one in SAMPLE, by hash), as keys above 2**64 so they never meet band keys."""
        return [int(h) | _SAMPLE_TAG for h in self.shingles[(self.shingles % SAMPLE) == 0]]


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
        self._docs: dict[str | int, Sketch] = {}
        self._sources: dict[str | int, str | None] = {}
        self._postings: dict[int, list[str | int]] = {}  # LSH band key or sampled shingle -> documents
        self._boilerplate = SourceBoilerplate()

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: str | int) -> bool:
        return doc_id in self._docs

    def add(self, doc_id: str | int, text: str | Sketch, source: str | None = None) -> Sketch:
        """Index a text (or a sketch already made for a query); adding an existing id replaces it."""
        sketch = text if isinstance(text, Sketch) else Sketch.of(text)
        self.remove(doc_id)
        self._docs[doc_id], self._sources[doc_id] = sketch, source
        self._boilerplate.add(source, sketch.shingles)
        for key in sketch.band_keys() + sketch.sample_keys():
            self._postings.setdefault(key, []).append(doc_id)
        return sketch

    def remove(self, doc_id: str | int) -> None:
        sketch = self._docs.pop(doc_id, None)
        self._sources.pop(doc_id, None)
        for key in sketch.band_keys() + sketch.sample_keys() if sketch is not None else ():
            posting = self._postings[key]
            posting.remove(doc_id)
            if not posting:
                del self._postings[key]

    def candidates(self, text: str | Sketch) -> set[str | int]:
        """Documents sharing an LSH band (similar overall) or 2+ sampled shingles (one may contain the other)."""
        sketch = text if isinstance(text, Sketch) else Sketch.of(text)
        found = {d for key in sketch.band_keys() for d in self._postings.get(key, ())}
        shared = Counter(d for key in sketch.sample_keys() if len(p := self._postings.get(key, ())) <= MAX_POSTING
                         for d in p)
        return found.union(d for d, n in shared.items() if n >= MIN_SHARED_SAMPLES)

    def duplicates(self, text: str | Sketch, source: str | None = None) -> list[tuple[str | int, float]]:
        """Every indexed document that passes the exact check, best score first."""
        sketch = text if isinstance(text, Sketch) else Sketch.of(text)
        found = []
        for doc_id in self.candidates(sketch):
            other = self._sources[doc_id]
            ignore = self._boilerplate.common(source, other)
            same, score = judge(sketch, self._docs[doc_id], ignore, source is not None and source == other)
            if same:
                found.append((doc_id, score))
        return sorted(found, key=lambda f: (-f[1], str(f[0])))

    def find_duplicate(self, text: str | Sketch, source: str | None = None) -> tuple[str | int, float] | None:
        """The indexed document this text duplicates best, with its score, or None."""
        found = self.duplicates(text, source)
        return found[0] if found else None

    def to_bytes(self) -> bytes:
        ids = list(self._docs)
        sketches = [self._docs[i] for i in ids]
        sizes = np.array([len(s.shingles) for s in sketches], dtype=np.int64)
        meta = {"version": 1, "ids": ids, "sources": [self._sources[i] for i in ids], "shingle": SHINGLE,
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
