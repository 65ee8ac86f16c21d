"""StoryClusterer on fictional news (tests/enrich/news_fixtures.py), with MiniLM and with the TF-IDF fallback."""
import json
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from broadsheet.enrich.cluster import Doc, StoryClusterer
from broadsheet.enrich.embed import TfidfEmbedder, doc_text, get_embedder
from broadsheet.enrich.providers import minilm

from .news_fixtures import ITEMS, gold, partition

STREAM = sorted(ITEMS, key=lambda it: it[2])  # in publication order, the events interleave
EMBEDDERS = ["tfidf", pytest.param("minilm", marks=pytest.mark.skipif(
    minilm.available() is not None, reason=f"MiniLM unavailable: {minilm.available()}"))]


@pytest.fixture(params=EMBEDDERS)
def docs(request):
    """Docs in stream order, vectors from the named embedder (a fresh TF-IDF one: it learns as it encodes)."""
    emb = get_embedder("minilm") if request.param == "minilm" else TfidfEmbedder()
    vecs = np.concatenate([emb.encode([doc_text(it[3], it[4])]) for it in STREAM])
    return request.param, [Doc(it[0], v, it[3], it[4], it[2], it[5]) for it, v in zip(STREAM, vecs)]


def run(profile, docs, batch=4, **overrides) -> StoryClusterer:
    c = StoryClusterer(profile, **overrides)
    for k in range(0, len(docs), batch):
        c.add_batch(docs[k:k + batch])
    return c


def test_groups_each_event_and_keeps_same_kind_apart(docs):
    profile, ds = docs
    assert partition(run(profile, ds).labels()) == gold()


def test_text_alone_keeps_same_kind_apart(docs):
    """No times, no entities: the two quakes and the two rehab stays still stay apart on their wording."""
    profile, ds = docs
    bare = [replace(d, published=None, entities=frozenset()) for d in ds]
    assert partition(run(profile, bare).labels()) == gold()


def test_time_separates_a_repeat_event(docs):
    """The same town shaken again two months later is a new story, even in similar words."""
    profile, ds = docs
    quake = [d for d in ds if d.id in (1, 2, 3)]
    later = [replace(d, id=d.id + 100, published=d.published + timedelta(days=60)) for d in quake]
    labels = run(profile, quake + later).labels()
    assert partition(labels) == {frozenset({1, 2, 3}), frozenset({101, 102, 103})}


def test_deterministic(docs):
    profile, ds = docs
    a, b = run(profile, ds), run(profile, ds)
    assert a.labels() == b.labels()
    assert json.dumps(a.to_state()) == json.dumps(b.to_state())


def test_state_round_trip_continues_identically(docs):
    profile, ds = docs
    whole = run(profile, ds)
    first = run(profile, ds[:8])
    restored = StoryClusterer.from_state(json.loads(json.dumps(first.to_state())))
    for k in range(8, len(ds), 4):
        restored.add_batch(ds[k:k + 4])
    assert restored.labels() == whole.labels()
    assert restored.to_state() == whole.to_state()


def test_editor_merge_and_split(docs):
    profile, ds = docs
    c = run(profile, ds)
    s_quake, s_strike = c.story_of[1], c.story_of[11]
    c.merge(s_strike, into=s_quake)
    assert set(c.members(s_quake)) == {1, 2, 3, 11, 12, 13} and s_strike not in c.stories
    new = c.split([11, 12, 13])
    assert set(c.members(new)) == {11, 12, 13} and set(c.members(s_quake)) == {1, 2, 3}


def test_remove_takes_an_article_out_of_its_story(docs):
    profile, ds = docs
    c = run(profile, ds)
    quake = c.story_of[1]
    assert c.remove(2) == quake and 2 not in c.story_of and set(c.members(quake)) == {1, 3}
    assert c.remove(2) is None  # not placed any more
    c.remove(1), c.remove(3)
    assert quake not in c.stories  # the last one out closes the story


def test_reconsider_splits_off_misfits(docs):
    profile, ds = docs
    c = run(profile, ds)
    election, strike = c.story_of[7], c.story_of[11]
    c.split([11])  # the strike's first article ...
    c.merge(c.story_of[11], into=election)  # ... wrongly filed under the election
    changes = c.reconsider()
    assert (11, election, strike) in changes["moved"]
    assert partition(c.labels()) == gold()


def test_reconsider_merges_fragments(docs):
    """Stories started apart (a strict join threshold) are merged by reconsider() when their sums converge,
    without merging different events."""
    profile, ds = docs
    c = run(profile, ds, batch=len(ds), threshold=0.99)  # one batch: reconsider() has run once, at the end
    got = partition(c.labels())
    assert len(got) < len(ds)
    assert all(any(g <= e for e in gold()) for g in got)  # every story within one event


def test_forget_closes_old_stories(docs):
    profile, ds = docs
    c = run(profile, ds)
    quake = c.story_of[1]
    closed = c.forget(before=ds[0].published + timedelta(days=30))  # Velmora (March) and the Brennick strike
    assert quake in closed and 1 not in c.story_of
    assert c.story_of[4]  # Kestrel Harbour (May) is still open
