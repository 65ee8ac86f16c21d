"""Answer a reader's question from articles, with the source sentences (or paragraphs) cited; never invented.

    a = answer("What did Russia say?", [(article_id, text), ...])
    a.found, a.citations          # Citation(doc_id, index, text, start, end, score), best first

How: the texts are cut into units (sentences, or paragraphs with ``unit="paragraph"``), ranked by BM25 on
content-word terms. A unit also gets ``HEADING_WEIGHT`` of the BM25 of the sub-heading it stands under, and its
score doubles when that sub-heading asks the question itself (word overlap from ``HEADING_MATCH`` up): articles
that ask "What did Russia say?" as a sub-heading answer it below. A unit that fits the question's type (a speech
verb or quote for "what did X say", a date for "when", a number for "how many", a name for "who", ...) gets
``CUE_BONUS`` more. An embedder (MiniLM from ``embed.get_embedder()``) re-ranks the lexical candidates by cosine.

"Nothing answers" (``found=False``, no citations) when no unit matches at least ``MIN_COVERAGE`` of the
question's IDF-weighted terms (a term that occurs nowhere weighs most; the light verbs questions are phrased
with, "start", "happen", "react", ..., do not count) and, with an embedder, no candidate reaches ``MIN_COSINE``.
Both were set by hand on a few dozen questions, answerable and unrelated, about our fixture articles
(tests/enrich/test_ask.py) and one real article: MiniLM gives answering sentences cosines from 0.33 to 0.62 and
topical non-answers up to 0.47, so the embedder re-ranks freely but decides "found" only from 0.55 up.

``answer_with_llm`` hands the cited units to an OpenAI-compatible ``/v1/chat/completions`` endpoint (off unless
a URL is given) and returns its text with the same citations.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Sequence

import httpx
import numpy as np

from ..errors import BroadsheetError
from .lexical import select_diverse, terms, tfidf_matrix
from .sentences import Citation, Sentence, is_filler, split_sentences

__all__ = ["Answer", "Citation", "LLMError", "answer", "answer_with_llm"]

K1, B = 1.2, 0.75  # BM25's usual constants
HEADING_WEIGHT = 0.5
HEADING_MATCH = 0.5  # Jaccard overlap of all words of a sub-heading and the question
CUE_BONUS = 0.3
MIN_COVERAGE = 0.5
MIN_COSINE = 0.55
MIN_RELATIVE = 0.5  # a citation scores at least this share of the best one
RERANK = 20  # lexical candidates re-ranked by the embedder
DUPLICATE = 0.6  # TF-IDF cosine above which two units count as the same text (wire copy in two outlets)

_LIGHT = frozenset(terms("start begin happen mean cause end react respond affect think feel know need want expect "
                         "plan go come take make do use work give show include follow change"))
_MONTHS_DAYS = (r"jan\w*|feb\w*|march|april|may|june|july|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*|monday|tuesday|"
                r"wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|ago")
_NAME = r"(?<=\S )[A-Z][a-z]+"  # a capitalised word that does not start the sentence
_CUES = [(re.compile(asks, re.I), re.compile(fits)) for asks, fits in [  # (the question asks, a fitting unit has)
    (r"\bwhat did .+ (say|tell|announce|write)\b|\bhow did .+ (respond|react|reply)\b|\b(said|comment|reaction)",
     r"(?i)\b(said|says|told|statement|wrote|added|announced|stated|posted|tweeted|declared|according to)\b"
     r"|[\"“”]|''|``|(?:^|\s)'"),
    (r"\bwhen\b|\bwhat (time|date|day|year)\b", rf"(?i)\b(1[89]\d\d|20\d\d|{_MONTHS_DAYS}|\d{{1,2}}\s?[ap]\.?m\b)"),
    (r"\bhow (many|much|long|far|old)\b", r"\d"),
    (r"\bwhy\b", r"(?i)\b(because|due to|after|since|amid|following|so that|in order to|as a result|reason)\b"),
    (r"\bwho\b|\bwhich (countr|nation|state|compan|group|leader|team|part)", _NAME),
    (r"\bwhere\b", r"\b(in|at|near|from) (the )?[A-Z][a-z]+"),
]]


@dataclass(frozen=True)
class Answer:
    found: bool
    citations: list[Citation] = field(default_factory=list)
    text: str | None = None  # the LLM's answer (answer_with_llm); None for the extractive answer


class LLMError(BroadsheetError):
    """The LLM endpoint could not be reached or gave no usable answer; show ``answer()`` instead."""

    code, status = "llm_failed", 502


@dataclass
class _Unit:
    doc_id: object
    first: Sentence
    text: str
    start: int
    end: int
    terms: list[str]
    context: list[str]  # terms of the sub-heading the unit stands under
    heading_words: frozenset[str]  # all its words, stop words included


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _units(passages: Sequence[tuple[object, str]], unit: str) -> list[_Unit]:
    out: list[_Unit] = []
    for doc_id, text in passages:
        heading, words, seen_body = [], frozenset(), False
        for s in split_sentences(text):
            if s.heading:
                if seen_body:  # headings above the first sentence are titles and datelines
                    heading, words = terms(s.text), _words(s.text)
                continue
            if is_filler(s.text):
                continue
            seen_body = True
            last = out[-1] if out else None
            if unit == "paragraph" and last and last.doc_id == doc_id and last.first.paragraph == s.paragraph:
                last.end, last.terms = s.end, last.terms + terms(s.text)
                last.text = text[last.start:last.end]
            else:
                out.append(_Unit(doc_id, s, s.text, s.start, s.end, terms(s.text), heading, words))
    return out


def _bm25(query: list[str], docs: list[list[str]], idf: dict[str, float], avg_len: float) -> np.ndarray:
    scores = np.zeros(len(docs))
    for i, doc in enumerate(docs):
        tf = Counter(doc)
        norm = K1 * (1 - B + B * len(doc) / avg_len)
        scores[i] = sum(idf[t] * tf[t] * (K1 + 1) / (tf[t] + norm) for t in set(query) if t in tf)
    return scores


def answer(question: str, passages: Sequence[tuple[object, str]], k: int = 3, *, unit: str = "sentence",
           embedder=None) -> Answer:
    """The best ``k`` units of ``passages`` (``(doc_id, text)``) answering ``question``, or ``found=False``.

    ``unit``: "sentence" or "paragraph". ``embedder``: an object with ``encode(texts) -> L2-normalised rows``
    (pass MiniLM; the TF-IDF fallback adds nothing to the lexical ranking).
    """
    if unit not in ("sentence", "paragraph"):
        raise ValueError(f"unit must be 'sentence' or 'paragraph', not {unit!r}")
    if getattr(embedder, "name", None) == "tfidf":  # would learn sentence statistics into the article index
        embedder = None
    query, units = terms(question), _units(passages, unit)
    if not query or not units:
        return Answer(False)
    n = len(units)
    df = Counter(t for u in units for t in set(u.terms + u.context))
    idf = {t: math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in set(query)}
    avg = max(1.0, sum(len(u.terms) for u in units) / n)
    scores = _bm25(query, [u.terms for u in units], idf, avg)
    scores += HEADING_WEIGHT * _bm25(query, [u.context for u in units], idf, avg)
    asked = _words(question)
    scores *= np.array([1 + (_overlap(asked, u.heading_words) >= HEADING_MATCH) for u in units])
    weighed = (set(query) - _LIGHT) or set(query)
    total = sum(idf[t] for t in weighed)
    coverage = np.array([sum(idf[t] for t in weighed & set(u.terms + u.context)) / total for u in units])
    for asks, fits in _CUES:
        if asks.search(question):
            scores *= np.array([1 + CUE_BONUS * bool(fits.search(u.text)) for u in units])
    found = coverage >= MIN_COVERAGE
    candidates = [i for i in np.argsort(-scores, kind="stable")[:RERANK] if scores[i] > 0]
    if embedder is not None and candidates:
        vectors = embedder.encode([question] + [units[i].text for i in candidates])
        cosine = vectors[1:] @ vectors[0]
        rel = scores[candidates] / scores[candidates].max()
        scores = np.zeros(n)
        scores[candidates] = 0.5 * rel + 0.5 * np.clip(cosine, 0, None)
        found[candidates] |= cosine >= MIN_COSINE
    if not found.any():
        return Answer(False)
    eligible = np.where(found & (scores >= MIN_RELATIVE * scores[found].max()), scores, 0)
    vectors = tfidf_matrix([u.terms for u in units])
    chosen = select_diverse(eligible, vectors, k, max_sim=DUPLICATE)
    return Answer(True, [Citation(units[i].doc_id, units[i].first.index, units[i].text, units[i].start,
                                  units[i].end, round(float(scores[i]), 4)) for i in chosen])


SYSTEM_PROMPT = ("You answer a reader's question about news articles using only the numbered excerpts given. "
                 "Be brief and factual, cite the excerpts you use as [1], [2], ... and add nothing they do not "
                 "say. If the excerpts do not answer the question, reply exactly: NOT FOUND")


def chat_url(url: str) -> str:
    """The chat-completions endpoint for a base URL given as ``http://host:port``, ``.../v1`` or the full path."""
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def answer_with_llm(question: str, passages: Sequence[tuple[object, str]], url: str, *, k: int = 3,
                    model: str = "default", api_key: str | None = None, timeout: float = 60.0,
                    unit: str = "sentence", embedder=None) -> Answer:
    """``answer()``, then an OpenAI-compatible model writes the answer from the cited units only.

    Returns the same citations with ``text`` set; ``found=False`` (and no call) when nothing answers, or when
    the model says the excerpts do not answer. Raises ``LLMError`` when the endpoint fails.
    """
    extractive = answer(question, passages, k, unit=unit, embedder=embedder)
    if not extractive.found:
        return extractive
    excerpts = "\n".join(f"[{i}] {c.text}" for i, c in enumerate(extractive.citations, 1))
    payload = {"model": model, "temperature": 0, "max_tokens": 400, "messages": [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": f"Excerpts:\n{excerpts}\n\nQuestion: {question}"}]}
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        response = httpx.post(chat_url(url), json=payload, headers=headers, timeout=timeout)
        response.raise_for_status()
        text = response.json()["choices"][0]["message"]["content"].strip()
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
        raise LLMError(f"the language model at {url} gave no answer: {e}") from e
    if not text or text.upper().startswith("NOT FOUND"):
        return Answer(False)
    return replace(extractive, text=text)
