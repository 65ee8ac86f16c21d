"""Embedders: the TF-IDF fallback always; MiniLM when the ``ai`` extra is installed (loaded with the network off)."""
import socket

import numpy as np
import pytest

from broadsheet.enrich import embed
from broadsheet.enrich.embed import TfidfEmbedder, doc_text, get_embedder
from broadsheet.enrich.providers import minilm
from broadsheet.enrich.providers.tfidf import HashedTfidf, _bucket, tokens

QUAKE_A = "A magnitude 6.1 earthquake struck the mountain town of Velmora, toppling the clock tower."
QUAKE_B = "Velmora's clock tower collapsed when a strong 6.1 earthquake hit the town on Tuesday."
STRIKE = "Dockworkers at the port of Brennick walked out over pay, leaving container ships at anchor."


def _check_rows(v: np.ndarray, n: int, dim: int) -> None:
    assert v.shape == (n, dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_tfidf_embedder_shapes_and_similarity():
    emb = TfidfEmbedder()
    assert (emb.name, emb.dim) == ("tfidf", 1024)
    v = emb.encode([QUAKE_A, QUAKE_B, STRIKE])
    _check_rows(v, 3, 1024)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert not emb.encode(["", "the of and"]).any()  # no words: zero rows, not NaN
    assert emb.encode([]).shape == (0, 1024)


def test_tfidf_learns_frequencies_and_round_trips():
    emb = TfidfEmbedder()
    emb.encode([QUAKE_A, QUAKE_B, STRIKE])
    assert emb.n_docs == 3
    before = emb.encode([QUAKE_A], learn=False)
    assert emb.n_docs == 3  # queries do not count
    copy = TfidfEmbedder().load_state(emb.state())
    assert np.array_equal(copy.encode([QUAKE_A], learn=False), before)
    # "velmora" is in two of the three texts, "brennick" in one: the rarer word weighs more
    w = emb.sparse("velmora brennick")
    assert w[_bucket("velmora")] < w[_bucket("brennick")]


def test_hashing_is_stable_across_processes():
    # CRC-32, not Python's salted hash(): persisted frequencies and vectors stay valid after a restart
    assert _bucket("earthquake") == 967226
    assert _bucket("earthquake") == HashedTfidf.counts("earthquake").most_common(1)[0][0]
    assert tokens("The Magnitude-6.1 quake, in Velmora!") == ["magnitude", "quake", "velmora"]


def test_doc_text_joins_title_and_lead():
    assert doc_text("Title", "Body " * 1000).startswith("Title\nBody")
    assert len(doc_text(None, "x" * 10_000)) == embed.LEAD_CHARS
    assert doc_text(None, None) == ""


@pytest.fixture
def fresh_registry(monkeypatch):
    monkeypatch.setattr(embed, "_instances", {})
    monkeypatch.setattr(embed, "_reason", {})


def test_auto_falls_back_and_says_why(fresh_registry, monkeypatch):
    monkeypatch.setattr(minilm, "available", lambda: "torch is not installed (pip install -e .[ai])")
    emb = get_embedder()
    assert emb.name == "tfidf" and get_embedder() is emb and get_embedder("tfidf") is emb
    assert "torch" in embed.active()["reason"]
    with pytest.raises(RuntimeError):
        get_embedder("minilm")
    with pytest.raises(ValueError):
        get_embedder("word2vec")


def test_auto_falls_back_when_loading_fails(fresh_registry, monkeypatch):
    monkeypatch.setattr(minilm, "available", lambda: None)

    def broken(*a, **k):
        raise OSError("weights unreadable")
    monkeypatch.setattr(minilm, "MiniLMEmbedder", broken)
    assert get_embedder().name == "tfidf"
    assert "weights unreadable" in embed.active()["reason"]


needs_minilm = pytest.mark.skipif(minilm.available() is not None, reason=f"MiniLM unavailable: {minilm.available()}")


@needs_minilm
def test_minilm_loads_offline_and_encodes(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("MiniLM tried to open a network connection")
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    emb = minilm.MiniLMEmbedder()
    assert (emb.name, emb.dim) == ("minilm", 384)
    v = emb.encode([QUAKE_A, QUAKE_B, STRIKE])
    _check_rows(v, 3, 384)
    assert v[0] @ v[1] > 0.7 > v[0] @ v[2] + 0.3
    assert np.allclose(emb.encode([STRIKE]), v[2:], atol=1e-5)  # same text, same vector


@needs_minilm
def test_auto_prefers_minilm(fresh_registry):
    assert get_embedder().name == "minilm" and embed.active()["reason"] is None
