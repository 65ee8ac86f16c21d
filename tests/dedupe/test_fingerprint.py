"""Content hashes: the ASCII shortcut hashes exactly as the word regex does."""
from __future__ import annotations

import hashlib
import random
import string

from broadsheet.dedupe.fingerprint import content_hash, words


def _by_regex(text: str) -> str | None:
    w = words(text)
    return hashlib.sha256(" ".join(w).encode("utf-8")).hexdigest() if len(w) >= 20 else None


def test_ascii_shortcut_matches_the_regex():
    rng = random.Random(5)
    alphabet = string.printable + "\x00\x01\x1f\x7f"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(500)]
    texts += ["The Quick brown_fox -- jumps; over 12 lazy dogs! " * 3, "too few words here", ""]
    for text in texts:
        assert content_hash(text) == _by_regex(text), text


def test_same_words_same_hash_whatever_the_markup_and_case():
    a = ("Tide tables were revised for the spring season after a survey of the outer channel found that the sand "
         "bar had moved north again.")
    assert content_hash(a) and content_hash(a) == content_hash(
        "  TIDE tables, were revised — for the spring season after a survey of the outer channel: found that the "
        "<sand> bar had moved north again!")
    assert content_hash(a) != content_hash(a.replace("spring", "autumn"))
    assert content_hash("Ça va " + a) == _by_regex("Ça va " + a)  # not ASCII: the regex path
