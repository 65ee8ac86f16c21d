"""VectorIndex on both back-ends: exact numpy search always, usearch when installed."""
import numpy as np
import pytest

from broadsheet.enrich.vectors import HAS_USEARCH, IndexMismatch, VectorIndex

BACKENDS = ["exact", pytest.param("usearch", marks=pytest.mark.skipif(not HAS_USEARCH, reason="usearch missing"))]
DIM = 16


def unit(rows: int, seed: int = 7) -> np.ndarray:
    x = np.random.default_rng(seed).normal(size=(rows, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def test_search_finds_itself_first_and_excludes(backend):
    x = unit(200)
    ix = VectorIndex(DIM, backend=backend)
    ix.add(range(100, 300), x)
    assert len(ix) == 200
    hits = ix.search(x[5], k=3)
    assert hits[0][0] == 105 and hits[0][1] == pytest.approx(1.0, abs=1e-5)
    assert [h[1] for h in hits] == sorted((h[1] for h in hits), reverse=True)
    assert 105 not in [i for i, _ in ix.search(x[5], k=3, exclude_ids={105})]
    assert len(ix.search(x[5], k=3, exclude_ids={105})) == 3


def test_remove_and_upsert(backend):
    x = unit(50)
    ix = VectorIndex(DIM, backend=backend)
    ix.add(range(50), x)
    ix.remove([3, 4, 999])  # unknown ids are ignored
    assert len(ix) == 48 and ix.search(x[3], k=1)[0][0] != 3
    ix.add([10], x[20])  # upsert: id 10 now holds vector 20
    assert len(ix) == 48
    assert {i for i, _ in ix.search(x[20], k=2)} == {10, 20}
    assert np.allclose(ix.get([10]), x[20:21], atol=1e-6)


def test_save_load_round_trip(backend, tmp_path):
    x = unit(80)
    path = tmp_path / "news.minilm.vectors"
    ix = VectorIndex(DIM, path=path, backend=backend)
    ix.add(range(80), x)
    ix.save()
    again = VectorIndex(DIM, path=path, backend=backend)  # loads the existing file
    assert len(again) == 80
    assert again.search(x[42], k=5) == ix.search(x[42], k=5)
    with pytest.raises(IndexMismatch):
        VectorIndex(DIM * 2, path=path, backend=backend)


@pytest.mark.skipif(not HAS_USEARCH, reason="usearch missing")
def test_file_of_other_backend_is_refused(tmp_path):
    path = tmp_path / "v.idx"
    ix = VectorIndex(DIM, backend="exact")
    ix.add([1], unit(1))
    ix.save(path)
    with pytest.raises(IndexMismatch):
        VectorIndex(DIM, path=path, backend="usearch")


def test_one_at_a_time_past_the_first_buffer(backend):
    x = unit(1500)
    ix = VectorIndex(DIM, backend=backend)
    for i, v in enumerate(x):
        ix.add([i], v)
    assert len(ix) == 1500 and ix.search(x[1400], k=1)[0][0] == 1400
    ix.remove(range(0, 1500, 2))
    assert len(ix) == 750 and ix.search(x[1401], k=1)[0][0] == 1401


def test_bad_input(backend):
    ix = VectorIndex(DIM, backend=backend)
    assert ix.search(unit(1)[0], k=5) == []
    ix.add([1], unit(1))
    assert ix.search(unit(1)[0], k=0) == []
    with pytest.raises(ValueError):
        ix.add([1, 1], unit(2))
    with pytest.raises(ValueError):
        ix.add([-1], unit(1))
    with pytest.raises(ValueError):
        ix.add([1, 2], unit(1))


def test_exact_ties_are_deterministic():
    ix = VectorIndex(DIM, backend="exact")
    v = unit(1)
    ix.add([9, 3, 5], np.repeat(v, 3, axis=0))
    assert [i for i, _ in ix.search(v[0], k=3)] == [3, 5, 9]
