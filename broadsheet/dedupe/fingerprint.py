"""Exact-duplicate fingerprints: the same words in the same order hash the same, whatever the markup or case."""
from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


# ASCII text (most of it): the same words, by a byte translation (non-word bytes to spaces) instead of a regex
_ASCII_NON_WORD_TO_SPACE = bytes(c if chr(c).isalnum() or c == 0x5F else 0x20 for c in range(128)) + b" " * 128
MIN_WORDS = 20  # too short to call two texts the same article


def content_hash(text: str) -> str | None:
    if text and text.isascii():
        w = text.lower().encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).split()
        return hashlib.sha256(b" ".join(w)).hexdigest() if len(w) >= MIN_WORDS else None
    w = words(text)
    if len(w) < MIN_WORDS:
        return None
    return hashlib.sha256(" ".join(w).encode("utf-8")).hexdigest()
