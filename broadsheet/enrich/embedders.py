"""Which embedder the settings choose (``BROADSHEET_EMBEDDER``, ``BROADSHEET_EMBED_MODEL_DIR``), told without
loading a model, and the embedder itself, loaded only when text has to be encoded.

``model_name(settings)`` is cheap (it looks for files and packages): pages use it to pick the stored vectors and to
say which embedder is active. ``load(settings)`` loads MiniLM (seconds, once per process) or returns a TF-IDF one.
"""
from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

from ..errors import InvalidInput
from .embed import Embedder, TfidfEmbedder, get_embedder
from .providers import minilm

CHOICES = ("auto", "minilm", "tfidf")
LABELS = {"minilm": "MiniLM (all-MiniLM-L6-v2)", "tfidf": "TF-IDF fallback"}
_lock = threading.Lock()
_by_dir: dict[str, Embedder] = {}


def _choice(settings) -> str:
    if settings.embedder not in CHOICES:
        raise InvalidInput(f"Setting BROADSHEET_EMBEDDER has a bad value {settings.embedder!r}: use "
                           "auto, minilm or tfidf", code="bad_config")
    return settings.embedder


def _why_not_minilm(settings) -> str | None:
    if settings.embed_model_dir:
        if not (Path(settings.embed_model_dir) / "config.json").is_file():
            return f"no model files in BROADSHEET_EMBED_MODEL_DIR ({settings.embed_model_dir})"
        missing = [m for m in ("torch", "sentence_transformers") if importlib.util.find_spec(m) is None]
        return f"{missing[0]} is not installed (pip install -e .[ai])" if missing else None
    return minilm.available()


def model_name(settings) -> str:
    """"minilm" or "tfidf": the embedder ``load(settings)`` gives, found without loading it."""
    choice = _choice(settings)
    if choice == "tfidf":
        return "tfidf"
    if choice == "minilm":
        return "minilm"
    return "minilm" if _why_not_minilm(settings) is None else "tfidf"


def describe(settings) -> dict:
    """{"name", "label", "reason"} for the UI and the API: which embedder is active and, for the fallback, why."""
    name = model_name(settings)
    reason = None
    if name == "tfidf":
        reason = "chosen in settings" if settings.embedder == "tfidf" else _why_not_minilm(settings)
    return {"name": name, "label": LABELS[name], "reason": reason}


def load(settings, fresh_tfidf: bool = False) -> Embedder:
    """The embedder to encode with. MiniLM is one instance per process (per model folder). TF-IDF learns document
    frequencies as it encodes: ``fresh_tfidf`` gives a new, empty one (a full re-run starts from nothing)."""
    if model_name(settings) == "tfidf":
        return TfidfEmbedder() if fresh_tfidf else get_embedder("tfidf")
    if not settings.embed_model_dir:
        return get_embedder("minilm")
    with _lock:
        if settings.embed_model_dir not in _by_dir:
            _by_dir[settings.embed_model_dir] = minilm.MiniLMEmbedder(Path(settings.embed_model_dir))
        return _by_dir[settings.embed_model_dir]
