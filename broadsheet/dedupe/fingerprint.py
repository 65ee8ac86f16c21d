"""Exact-duplicate fingerprints: the same words in the same order hash the same, whatever the markup or case."""
from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


def content_hash(text: str) -> str | None:
    w = words(text)
    if len(w) < 20:  # too short to call two texts the same article
        return None
    return hashlib.sha256(" ".join(w).encode("utf-8")).hexdigest()
