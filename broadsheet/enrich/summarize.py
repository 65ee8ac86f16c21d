"""Extractive summaries and key points of an article, and a summary of a story told by several outlets.

Every output is a sentence of the source with its offsets (``Sentence`` / ``Citation``), so the UI quotes and
links it; nothing is rewritten. Unsupervised, lexical, a few milliseconds per article.

How a sentence is scored (``_Article``):

- **position prior** ``1 / (1 + i / POSITION_SCALE)`` over the eligible sentences (news puts the point first);
- **centrality**: TF-IDF cosine to the article's centroid (plus the title, when given), to the power
  ``CENTRALITY_POWER``: a tie-breaker between lead sentences, strong enough to skip a weak one;
- **reads alone**: ``WEAK`` times for sentences that read badly out of context: under ``MIN_WORDS`` words,
  direct quotes, questions, or a start that points back ("But", "He", "This", ...).

Headings and page furniture are never chosen. Sentences are then picked greedily, each one's score multiplied by
``1 − its highest cosine to a sentence already picked``, so the picks do not repeat each other.

The four constants were fixed before measuring, as round values; ``bench/summaries.py --crossfit`` shows that
tuning them on one half of the benchmark does not carry over to the other half (docs/BENCHMARKS.md).
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

import numpy as np

from .lexical import select_diverse, terms, tfidf_matrix
from .sentences import Citation, Sentence, is_filler, split_sentences

__all__ = ["summarize", "key_points", "summarize_many"]

POSITION_SCALE = 1.0
CENTRALITY_POWER = 0.5
WEAK = 0.5
MIN_WORDS = 8
POINT_SCALE_SHARE = 0.25  # key points: the prior's scale is a quarter of the article (flat: points from all of it)
POINT_MAX_SIM = 0.5  # key points (and a story's sentences) closer than this cosine to a picked one are skipped
ALONE_ONLY = 0.1  # a story's quotes are shown one by one: one that needs its neighbours ("It is a big number.")
# weighs this much (against WEAK in an article's 3-sentence summary, which is read as a paragraph)

# Quotation marks; a lone "'" opens a quote unless it starts a contraction split off by tokenisers (" 's", " 'll").
_QUOTE = re.compile(r"``|''|[\"“”]|(?:^|\s)['‘](?!(?:s|re|ll|ve|d|m|t)\b)\w|\w['’](?:\s|$)")
_POINTS_BACK = re.compile(r"""^(?:``|["'“‘])?\s*(?:but|and|or|so|yet|it|he|she|they|this|that|these|those|his|her
    |their|its|there|here|however|also|meanwhile|then|still|instead)\b""", re.I | re.X)


def reads_alone(text: str) -> bool:
    """False for sentences that need their neighbours: short, quoted speech, questions, anaphoric starts."""
    return not (len(text.split()) < MIN_WORDS or _QUOTE.search(text) or text.rstrip(" '\"”’)").endswith("?")
                or _POINTS_BACK.match(text))


class _Article:
    """The eligible sentences of one text, their TF-IDF rows, and the prior-free part of their score (``base``)."""

    def __init__(self, text: str, title: str | None = None):
        self.units: list[Sentence] = [s for s in split_sentences(text) if not s.heading and not is_filler(s.text)]
        self.terms = [terms(s.text) for s in self.units]
        rows = self.terms + ([terms(title)] if title else [])
        matrix = tfidf_matrix(rows) if rows else np.zeros((0, 1))
        self.vectors = matrix[: len(self.units)]
        centre = _unit(self.vectors.sum(axis=0)) + (_unit(matrix[-1]) if title else 0)
        centrality = np.clip(self.vectors @ _unit(centre), 1e-6, None) if len(self.units) else np.zeros(0)
        self.alone = np.array([reads_alone(s.text) for s in self.units], dtype=bool)
        self.quality = np.where(self.alone, 1.0, WEAK) * np.array([bool(t) for t in self.terms], dtype=float)
        self.base = centrality ** CENTRALITY_POWER * self.quality

    def prior(self, scale: float) -> np.ndarray:
        return 1.0 / (1.0 + np.arange(len(self.units)) / scale)

    def pick(self, scores: np.ndarray, n: int, **kw) -> list[int]:
        return select_diverse(scores, self.vectors, n, **kw)


def _unit(v: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(v)
    return v / norm if norm else v


def summarize(text: str, n: int = 3, title: str | None = None) -> list[Sentence]:
    """The ``n`` sentences that best summarise ``text``, in document order (fewer if the text is shorter)."""
    art = _Article(text, title)
    chosen = art.pick(art.base * art.prior(POSITION_SCALE), n)
    return [art.units[i] for i in sorted(chosen)]


def key_points(text: str, k: int | None = None, title: str | None = None,
               avoid: Iterable[int] = ()) -> list[Sentence]:
    """3–5 distinct points covering the whole article, in document order (``k`` overrides the count).

    The eligible sentences are cut into ``k`` consecutive blocks and each block gives its best sentence (a flat
    position prior, so later blocks count too) that reads alone, is not in ``avoid`` (Sentence indices, e.g. the
    summary's) and is not close to a point already taken. Points still missing are the best such sentences
    anywhere; then, only if the text has no more of them, ones that do not read alone; then ones in ``avoid``.
    """
    art = _Article(text, title)
    if not art.units:
        return []
    if k is None:
        k = min(5, max(3, round(len(art.units) / 8)))
    scores = art.base * art.prior(max(1.0, POINT_SCALE_SHARE * len(art.units)))
    free = ~np.isin([u.index for u in art.units], list(avoid))
    tiers = (art.alone & free, free, np.ones(len(art.units), dtype=bool))
    chosen: list[int] = []
    for block in np.array_split(np.arange(len(art.units)), min(k, len(art.units))):
        for i in sorted((i for i in block if tiers[0][i]), key=lambda i: -scores[i]):
            if scores[i] > 0 and all(art.vectors[i] @ art.vectors[j] <= POINT_MAX_SIM for j in chosen):
                chosen.append(int(i))
                break
    for tier in tiers:
        chosen += art.pick(scores * tier, k - len(chosen), max_sim=POINT_MAX_SIM, taken=chosen)
    return [art.units[i] for i in sorted(chosen)]


def summarize_many(docs: Sequence[tuple[object, str]], n: int = 3) -> list[Citation]:
    """A story's summary from several articles ``(doc_id, text)``: ``n`` citations, most important first.

    Each article keeps its own position prior; centrality is measured against the whole story, each article
    weighing the same; a sentence too close to one already picked (the same wire copy in two outlets) is skipped.
    """
    arts = [(doc_id, _Article(text)) for doc_id, text in docs]
    arts = [(doc_id, a) for doc_id, a in arts if a.units]
    if not arts:
        return []
    units = [(doc_id, s) for doc_id, a in arts for s in a.units]
    vectors = tfidf_matrix([t for _, a in arts for t in a.terms])
    bounds = np.cumsum([0] + [len(a.units) for _, a in arts])
    centre = sum(_unit(vectors[b:e].sum(axis=0)) for b, e in zip(bounds, bounds[1:]))
    centrality = np.clip(vectors @ _unit(centre), 1e-6, None) ** CENTRALITY_POWER
    quality = np.concatenate([np.where(a.alone, 1.0, ALONE_ONLY) * (a.quality > 0) for _, a in arts])
    prior = np.concatenate([a.prior(POSITION_SCALE) for _, a in arts])
    scores = centrality * quality * prior
    chosen = select_diverse(scores, vectors, n, max_sim=POINT_MAX_SIM)
    return [Citation.of(*units[i], scores[i]) for i in chosen]
