"""Text embeddings for stories and vector search: MiniLM when the ``ai`` extra is installed, hashed TF-IDF otherwise.

    emb = get_embedder()            # "auto": MiniLM if it loads offline, else TF-IDF; one instance per process
    emb.name, emb.dim               # "minilm" | "tfidf", 384 | 1024
    v = emb.encode([doc_text(title, text)])   # (n, dim) float32, rows L2-normalised: cosine = dot product

``active()`` tells the UI which back-end runs and why (e.g. why MiniLM is not in use). The TF-IDF embedder learns
document frequencies from the texts it encodes (``encode(texts, learn=False)`` for queries); persist them with
``emb.state()`` / ``emb.load_state(...)`` if the process restarts, or let them re-accumulate.
"""
from __future__ import annotations

import logging
import threading
from typing import Protocol

import numpy as np

from .providers import minilm
from .providers.tfidf import HashedTfidf

log = logging.getLogger(__name__)
LEAD_CHARS = 2000  # MiniLM reads the first 128 word pieces (~600 characters); the TF-IDF fallback reads it all


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str], learn: bool = True) -> np.ndarray: ...


class TfidfEmbedder(HashedTfidf):
    """The sparse fallback, folded into a dense 1024-dim vector so it fits the same index and code paths."""

    name = "tfidf"

    def encode(self, texts: list[str], learn: bool = True) -> np.ndarray:
        return self.dense(list(texts), learn=learn)


def doc_text(title: str | None, text: str | None) -> str:
    """The text an article is embedded from: title, then the lead of the body."""
    return "\n".join(p for p in ((title or "").strip(), (text or "")[:LEAD_CHARS].strip()) if p)


_lock = threading.Lock()
_instances: dict[str, Embedder] = {}
_reason: dict[str, str | None] = {}


def get_embedder(prefer: str = "auto") -> Embedder:
    """The process-wide embedder. prefer: "auto" | "minilm" (raises if it cannot load) | "tfidf"."""
    if prefer not in ("auto", "minilm", "tfidf"):
        raise ValueError(f"unknown embedder {prefer!r}")
    with _lock:
        if prefer not in _instances:
            _instances[prefer] = _load(prefer)
        return _instances[prefer]


def _load(prefer: str) -> Embedder:
    """Called under _lock. Each back-end has one instance, shared by every `prefer` that resolves to it."""
    if prefer != "tfidf":
        why = minilm.available()
        if why is None:
            try:
                _reason[prefer] = None
                return _one("minilm", minilm.MiniLMEmbedder)
            except Exception as e:  # a broken torch install must not take the product down
                why = f"MiniLM failed to load: {e}"
        if prefer == "minilm":
            raise RuntimeError(why)
        log.warning("embeddings: using the TF-IDF fallback (%s)", why)
        _reason[prefer] = why
    return _one("tfidf", TfidfEmbedder)


def _one(name: str, factory) -> Embedder:
    if name not in _instances:
        _instances[name] = factory()
    return _instances[name]


def active(prefer: str = "auto") -> dict:
    """{'name', 'dim', 'reason'} of the embedder ``get_embedder(prefer)`` returns; reason is None for MiniLM."""
    emb = get_embedder(prefer)
    reason = _reason.get(prefer) or ("TF-IDF chosen in settings" if prefer == "tfidf" else None)
    return {"name": emb.name, "dim": emb.dim, "reason": reason}
