"""Shared helpers for summaries and answers: content-word terms, TF-IDF vectors, PageRank, diverse selection.

Pure Python plus numpy; no model, no download. ``terms`` lower-cases, drops stop words and strips common English
suffixes so that "recognised", "recognises" and "recognise" meet, "countries" meets "country" and "Russian"
meets "Russia".
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

import numpy as np

__all__ = ["STOPWORDS", "terms", "tfidf_matrix", "pagerank", "select_diverse"]

STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves said says say told
    according mr mrs ms cnn one two new year years last week day like get got may might must shall many much
    s t ll re ve d m n't 's""".split())

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = re.sub(r"['’]s$", "", word)
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + repl
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    elif word.endswith(("ian", "ean", "ican")) and len(word) > 5:  # Russian → russia, Korean → korea
        word = word[:-1]
    return word[:-1] + "s" if word.endswith("iz") else word  # British and American spellings meet


def terms(text: str) -> list[str]:
    """Content-word terms of ``text`` in order (stop words dropped, light stemming)."""
    out = []
    for token in _TOKEN.findall(text.lower()):
        if token in STOPWORDS or (len(token) < 2 and not token.isdigit()):
            continue
        out.append(_stem(token))
    return out


def tfidf_matrix(docs: Sequence[Sequence[str]]) -> np.ndarray:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed IDF over ``docs``) of the term lists in ``docs``."""
    vocab: dict[str, int] = {}
    for doc in docs:
        for t in doc:
            vocab.setdefault(t, len(vocab))
    df = Counter(t for doc in docs for t in set(doc))
    idf = {t: math.log((1 + len(docs)) / (1 + n)) + 1 for t, n in df.items()}
    m = np.zeros((len(docs), max(1, len(vocab))))
    for i, doc in enumerate(docs):
        for t, n in Counter(doc).items():
            m[i, vocab[t]] = (1 + math.log(n)) * idf[t]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


def pagerank(weights: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """PageRank scores of a weighted graph (``weights[i, j]``: edge i→j); rows without edges jump uniformly."""
    n = len(weights)
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1, keepdims=True)
    transition = np.where(out > 0, weights / np.where(out == 0, 1, out), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * rank @ transition
    return rank


def select_diverse(scores: np.ndarray, vectors: np.ndarray, n: int, *, max_sim: float = 1.0,
                   taken: Sequence[int] = ()) -> list[int]:
    """Greedy choice of up to ``n`` items by ``score × (1 − highest cosine to an item already chosen)``.

    ``vectors``: L2-normalised rows, one per item. Items with a cosine above ``max_sim`` to a chosen one are
    skipped (near duplicates); items scoring 0 or less are never chosen. ``taken``: items counted as already
    chosen, not returned.
    """
    chosen: list[int] = []
    nearest = np.zeros(len(scores))
    for i in taken:
        nearest = np.maximum(nearest, vectors @ vectors[i])
    while len(chosen) < n:
        gain = np.where((nearest > max_sim) | (scores <= 0), -np.inf, scores * (1 - np.clip(nearest, 0, 1)))
        gain[chosen + list(taken)] = -np.inf
        best = int(np.argmax(gain)) if len(gain) else -1
        if best < 0 or gain[best] == -np.inf:
            break
        chosen.append(best)
        nearest = np.maximum(nearest, vectors @ vectors[best])
    return chosen
