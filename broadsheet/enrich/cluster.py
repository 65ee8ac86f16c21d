"""Online, incremental story clustering: each article joins the best-matching open story or starts a new one.

    clusterer = StoryClusterer("minilm")                 # the settings profile of the active embedder
    story_id = clusterer.add(Doc(id=17, vector=v, title=..., text=..., published=dt, entities={"Chile"}))
    changes = clusterer.reconsider()                     # periodic: split off misfits, merge converged stories
    blob = json.dumps(clusterer.to_state()); StoryClusterer.from_state(json.loads(blob))

Score of an article against a story (``_score``):

    s = w * cos(vector, story's summed vectors) + (1 - w) * cos(tf-idf, story's summed tf-idf)
        - time_weight * days outside the story's time span / window_days       [when both have times]

Stories more than ``window_days`` away in time are not candidates. The dense vector carries meaning (paraphrase,
other words for the same thing); the exact TF-IDF carries names, places and numbers, which is what keeps two
events of the same kind (two earthquakes, two rehab stays) apart. Entities (``Doc.entities``, e.g. the keys from
``broadsheet.enrich.entities``) enter the TF-IDF as terms of their own: a shared rare entity counts for much, a
shared common one ("country:United States") for little, by the same IDF that weighs words.

Deterministic: the same articles in the same order give the same stories; ties go to the older story. Story ids
are integers from 1, in creation order; a merge keeps the older id. Memory grows with the open stories: call
``forget()`` for those past the time window once the store has them. Not thread-safe: one writer (the ingest job).
"""
from __future__ import annotations

import base64
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

import numpy as np

from .providers.tfidf import HashedTfidf

CANDIDATES = 20  # stories scored in full after a pre-selection by dense cosine
SMALL = 2  # reconsider(): articles of a story this small that did not grow through a whole pass get a second chance


@dataclass(frozen=True)
class ClusterConfig:
    threshold: float  # join the best story when its score is at least this
    dense_weight: float  # w above; 0 = TF-IDF only
    merge_threshold: float  # reconsider(): merge two stories whose sums score at least this
    split_threshold: float  # reconsider(): a member scoring below this against the rest of its story moves
    time_weight: float = 0.1
    window_days: float = 7.0
    headline_veto: bool = True  # see _conflict()
    lex_terms: int = 100  # TF-IDF terms kept per article


# Chosen by `python bench/clustering.py --tune` on the TUNE halves of ECB+ and GoogleNews-TS only (the grid's best
# mean of ECB+ BCubed F1, ECB+ one-event-per-topic BCubed F1 and GoogleNews NMI); split = threshold / 2 (hysteresis).
# See docs/BENCHMARKS.md, "Story clustering". window_days and time_weight are not tuned (no benchmark has times).
PROFILES = {
    "minilm": ClusterConfig(threshold=0.3, dense_weight=0.4, merge_threshold=0.4, split_threshold=0.15),
    "tfidf": ClusterConfig(threshold=0.2, dense_weight=0.0, merge_threshold=0.3, split_threshold=0.1),
}


@dataclass
class Doc:
    id: int | str
    vector: np.ndarray  # L2-normalised, from the active embedder
    title: str = ""
    text: str = ""
    published: datetime | None = None  # naive UTC, like ArticleRecord.published_at
    entities: frozenset[str] | set[str] = field(default_factory=frozenset)


@dataclass
class Member:
    id: int | str
    vector: np.ndarray
    lex: dict[int, float]  # the article's strongest TF-IDF terms (words and entities)
    published: datetime | None
    anchors: frozenset[str] = frozenset()  # rare capitalised words of the headline (``anchors()``)

    @property
    def lex_norm2(self) -> float:
        return sum(w * w for w in self.lex.values())


class Story:
    """Members plus running sums (dense, TF-IDF) and the time span."""

    def __init__(self, story_id: int, members=(), idle: int = 0):
        self.id, self.members, self.idle = story_id, [], idle  # idle: reconsider() passes without a change
        self.dense_sum, self.lex_sum, self.lex_norm2 = None, {}, 0.0
        self.first = self.last = None
        self.anchors: Counter = Counter()  # headline anchors -> members whose headline has it
        for m in members:
            self.add(m)

    def add(self, m: Member) -> None:
        self.members.append(m)
        self.anchors.update(m.anchors)
        self.dense_sum = m.vector.copy() if self.dense_sum is None else self.dense_sum + m.vector
        for k, w in m.lex.items():
            old = self.lex_sum.get(k, 0.0)
            self.lex_sum[k] = old + w
            self.lex_norm2 += (old + w) ** 2 - old * old
        if m.published is not None:
            self.first = min(self.first or m.published, m.published)
            self.last = max(self.last or m.published, m.published)

    def without(self, doc_id) -> "Story":
        """A copy without one member (sums rebuilt in member order, so they are exact)."""
        return Story(self.id, [m for m in self.members if m.id != doc_id], self.idle)

    def span(self, leave_out: Member | None = None) -> tuple[datetime | None, datetime | None]:
        if leave_out is None or leave_out.published is None:
            return self.first, self.last
        times = [m.published for m in self.members if m is not leave_out and m.published is not None]
        return (min(times), max(times)) if times else (None, None)

    def gap_days(self, first: datetime | None, last: datetime | None, leave_out: Member | None = None):
        """Days between [first, last] and this story's span; None when either side has no time."""
        s_first, s_last = self.span(leave_out)
        if first is None or s_first is None:
            return None
        return max((first - s_last).total_seconds(), (s_first - last).total_seconds(), 0.0) / 86400


class StoryClusterer:
    def __init__(self, profile: str | ClusterConfig = "minilm", **overrides):
        cfg = PROFILES[profile] if isinstance(profile, str) else profile
        self.config = replace(cfg, **overrides)
        self.tfidf = HashedTfidf()
        self.stories: dict[int, Story] = {}
        self.story_of: dict = {}  # doc id -> story id
        self.next_id = 1
        self.dirty: set[int] = set()  # stories changed since the last reconsider()

    # ------------------------------------------------------------------ public API
    def add(self, doc: Doc) -> int:
        """Place one article; returns its story id. Adding a known id again re-places it."""
        if doc.id in self.story_of:
            self._detach(doc.id)
        counts = self.tfidf.counts(_text(doc), sorted(doc.entities or ()))
        self.tfidf.learn_counts([counts])
        return self._place(self._member(doc, counts))

    def _member(self, doc: Doc, counts) -> Member:
        lex = sorted(self.tfidf.weigh(counts).items(), key=lambda kv: (-kv[1], kv[0]))[: self.config.lex_terms]
        return Member(doc.id, np.asarray(doc.vector, dtype=np.float32).reshape(-1), dict(lex), doc.published,
                      anchors(doc.title))

    def load_stories(self, stories: dict[int, list[Doc]], next_id: int) -> None:
        """Rebuild open stories as they stand (e.g. read back from the store after a restart), without placing
        their articles again; document frequencies are learned from these articles. New stories get ids from
        ``next_id`` on."""
        docs = [d for sid in sorted(stories) for d in stories[sid]]
        counts = [self.tfidf.counts(_text(d), sorted(d.entities or ())) for d in docs]
        self.tfidf.learn_counts(counts)
        members = iter(self._member(d, c) for d, c in zip(docs, counts))
        for sid in sorted(stories):
            story = self.stories[sid] = Story(sid)
            for _ in stories[sid]:
                m = next(members)
                story.add(m)
                self.story_of[m.id] = sid
        self.next_id = max(next_id, max(stories, default=0) + 1)

    def add_batch(self, docs) -> dict:
        """The ingestion path: place a batch of new articles (e.g. one refresh), then ``reconsider()`` the stories
        they touched. Returns {"stories": [story id per doc], "moved": [...], "merged": [...]}; read the final
        story of each article from ``labels()`` (a merge may have renumbered it)."""
        stories = [self.add(d) for d in docs]
        return {"stories": stories, **self.reconsider()}

    def forget(self, before: datetime) -> list[int]:
        """Drop stories whose newest article is older than ``before`` (they stay in the store, closed); returns
        their ids. Bounds memory: state grows with the open stories only."""
        old = sorted(s.id for s in self.stories.values() if s.last is not None and s.last < before)
        for sid in old:
            for m in self.stories.pop(sid).members:
                del self.story_of[m.id]
            self.dirty.discard(sid)
        return old

    def reconsider(self, story_ids=None) -> dict:
        """Re-examine ``story_ids`` (default: the stories changed since the last call). Members scoring below
        ``split_threshold`` against the rest of their story are placed again (elsewhere or alone); articles of
        small stories that did not grow through the previous pass (outliers, not the first article of an event
        that is still coming in) join a story they now reach ``threshold`` with; then stories
        scoring ``merge_threshold`` or more against a neighbour are merged into the older one.
        Returns {"moved": [(doc, from_story, to_story)], "merged": [(from_story, into_story)]}."""
        cfg, moved, merged = self.config, [], []
        targets = sorted(self.dirty if story_ids is None else story_ids)
        for story in self.stories.values():
            story.idle = 0 if story.id in self.dirty else story.idle + 1
        self.dirty = set()
        for sid in targets:
            story = self.stories.get(sid)
            if story is None or len(story.members) < 3:
                continue
            misfits = [m for m in story.members if self._score(m, story, leave_out=True) < cfg.split_threshold]
            for m in misfits[: len(story.members) // 2]:  # never dissolve a story in one pass
                self._detach(m.id)
                moved.append((m.id, sid, self._place(m, exclude=sid)))
        for sid in sorted(s.id for s in self.stories.values() if len(s.members) <= SMALL and s.idle >= 1):
            for m in list(self.stories[sid].members) if sid in self.stories else ():
                best = self._best(m, exclude=sid)
                if best is not None:
                    self._detach(m.id)
                    self._attach(m, best)
                    moved.append((m.id, sid, best.id))
        for sid in targets:
            a = self.stories.get(sid)
            if a is None:
                continue
            for b in self._candidates(a.dense_sum, a.first, a.last, exclude=sid):
                if self.stories.get(b.id) is b and not self._pair_conflict(a, b) \
                        and self._pair_score(a, b) >= cfg.merge_threshold:
                    old, new = sorted((a, b), key=lambda s: s.id)
                    self._merge(new, into=old)
                    merged.append((new.id, old.id))
                    a = old
        return {"moved": moved, "merged": merged}

    def merge(self, source: int, into: int) -> None:
        """Editor action: move every article of story ``source`` into story ``into``."""
        if source != into:
                self._merge(self.stories[source], into=self.stories[into])

    def split(self, doc_ids) -> int:
        """Editor action: take these articles out of their stories into one new story; returns its id."""
        if not doc_ids:
            raise ValueError("split() needs at least one article")
        members = [self._detach(i) for i in doc_ids]
        story = self._new_story()
        for m in members:
            self._attach(m, story)
        return story.id

    def remove(self, doc_id) -> int | None:
        """Take an article out (it turned out to be a copy); returns the story it was in, if any."""
        story_id = self.story_of.get(doc_id)
        if story_id is not None:
            self._detach(doc_id)
        return story_id

    def members(self, story_id: int) -> list:
        return [m.id for m in self.stories[story_id].members]

    def labels(self) -> dict:
        """doc id -> story id for every article placed."""
        return dict(self.story_of)

    def to_state(self) -> dict:
        """JSON-serialisable state (vectors as base64 float32); sums are rebuilt on load, bit for bit."""
        return {"config": asdict(self.config), "tfidf": self.tfidf.state(), "next_id": self.next_id,
                "dirty": sorted(self.dirty),
                "stories": [[s.id, [_encode(m) for m in s.members], s.idle] for s in self.stories.values()]}

    @classmethod
    def from_state(cls, state: dict) -> "StoryClusterer":
        c = cls(ClusterConfig(**state["config"]))
        c.tfidf.load_state(state["tfidf"])
        c.next_id, c.dirty = state["next_id"], set(state["dirty"])
        for sid, members, idle in state["stories"]:
            c.stories[sid] = Story(sid, [_decode(m) for m in members], idle)
        c.story_of = {m.id: s.id for s in c.stories.values() for m in s.members}
        return c

    # ------------------------------------------------------------------ scoring
    def _score(self, m: Member, story: Story, leave_out: bool = False) -> float:
        """Score of ``m`` against ``story``; ``leave_out``: against the rest of the story ``m`` is in."""
        cfg = self.config
        dense = story.dense_sum - m.vector if leave_out else story.dense_sum
        dot, mm, n2 = _sparse_dot(m.lex, story.lex_sum), m.lex_norm2, story.lex_norm2
        if leave_out:
            dot, n2 = dot - mm, n2 - 2 * dot + mm
        lex = dot / (mm * n2) ** 0.5 if mm > 0 and n2 > 1e-9 else 0.0
        s = cfg.dense_weight * _cos(m.vector, dense) + (1 - cfg.dense_weight) * lex
        gap = story.gap_days(m.published, m.published, leave_out=m if leave_out else None)
        return s if gap is None else s - cfg.time_weight * gap / cfg.window_days

    def _conflict(self, names: frozenset[str] | set[str], story: Story) -> bool:
        """Headline veto: a story of 2+ articles whose headlines agree on a name (in half of them or more) does not
        take an article whose headline names other things and none of the story's (the quake "off Port Sallow"
        is not the one "in the Tarrow Valley", however alike the rest of the wording and the experts quoted)."""
        if not self.config.headline_veto or not names or len(story.members) < 2:
            return False
        agreed = any(2 * n >= len(story.members) for n in story.anchors.values())
        return agreed and not (names & story.anchors.keys())

    def _pair_conflict(self, a: Story, b: Story) -> bool:
        return self._conflict(frozenset(a.anchors), b) and self._conflict(frozenset(b.anchors), a)

    def _pair_score(self, a: Story, b: Story) -> float:
        w, n2 = self.config.dense_weight, a.lex_norm2 * b.lex_norm2
        lex = _sparse_dot(a.lex_sum, b.lex_sum) / n2 ** 0.5 if n2 > 0 else 0.0
        return w * _cos(a.dense_sum, b.dense_sum) + (1 - w) * lex

    def _best(self, m: Member, exclude: int | None = None) -> Story | None:
        """The story ``m`` scores best against, if at least ``threshold``; ties go to the older story."""
        best, best_score = None, self.config.threshold
        for story in self._candidates(m.vector, m.published, m.published, exclude):
            if self._conflict(m.anchors, story):
                continue
            s = self._score(m, story)
            if s > best_score or (best is None and s == best_score):
                best, best_score = story, s
        return best

    def _place(self, m: Member, exclude: int | None = None) -> int:
        story = self._best(m, exclude) or self._new_story()
        self._attach(m, story)
        return story.id

    def _candidates(self, vector, first, last, exclude=None) -> list[Story]:
        """Stories open at [first, last], the CANDIDATES nearest by dense cosine, in id order."""
        window = self.config.window_days
        pool = [s for s in self.stories.values()
                if s.id != exclude and (s.gap_days(first, last) or 0.0) <= window]
        if len(pool) > CANDIDATES:
            sums = np.stack([s.dense_sum for s in pool])
            sims = sums @ vector / np.maximum(np.linalg.norm(sums, axis=1), 1e-12)
            pool = [pool[i] for i in np.lexsort((np.array([s.id for s in pool]), -sims))[:CANDIDATES]]
        return sorted(pool, key=lambda s: s.id)

    # ------------------------------------------------------------------ bookkeeping
    def _new_story(self) -> Story:
        story = self.stories[self.next_id] = Story(self.next_id)
        self.next_id += 1
        return story

    def _attach(self, m: Member, story: Story) -> None:
        story.add(m)
        self.story_of[m.id] = story.id
        self.dirty.add(story.id)

    def _detach(self, doc_id) -> Member:
        old = self.stories[self.story_of.pop(doc_id)]
        member = next(m for m in old.members if m.id == doc_id)
        rest = old.without(doc_id)
        if rest.members:
            self.stories[old.id] = rest
            self.dirty.add(old.id)
        else:
            del self.stories[old.id]
        return member

    def _merge(self, source: Story, into: Story) -> None:
        for m in source.members:
            self._attach(m, into)
        del self.stories[source.id]


def similarity(a: Doc, b: Doc, tfidf: HashedTfidf, profile: str = "minilm") -> float:
    """Article-to-article score on the clusterer's scale (time left out): the dense and TF-IDF cosines mixed as in
    ``profile``. ``tfidf`` supplies the document frequencies (e.g. ``StoryClusterer.tfidf``)."""
    w = PROFILES[profile].dense_weight
    la, lb = (tfidf.weigh(tfidf.counts(_text(d), sorted(d.entities or ()))) for d in (a, b))
    return w * _cos(np.asarray(a.vector), np.asarray(b.vector)) + (1 - w) * _sparse_dot(la, lb)


def _text(doc: Doc) -> str:
    """The words the TF-IDF reads; the headline twice: it is the densest statement of the event."""
    return "\n".join(p for p in (doc.title, doc.title, doc.text) if p)


def _cos(v: np.ndarray, s: np.ndarray) -> float:
    n = float(np.linalg.norm(s)) * float(np.linalg.norm(v))
    return float(v @ s) / n if n > 0 else 0.0


def _sparse_dot(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def _encode(m: Member) -> dict:
    return {"id": m.id, "vector": base64.b64encode(m.vector.astype("<f4").tobytes()).decode("ascii"),
            "lex": list(m.lex.items()), "published": m.published.isoformat() if m.published else None,
            "anchors": sorted(m.anchors)}


def _decode(d: dict) -> Member:
    vec = np.frombuffer(base64.b64decode(d["vector"]), dtype="<f4").astype(np.float32)
    return Member(d["id"], vec, {int(k): w for k, w in d["lex"]},
                  datetime.fromisoformat(d["published"]) if d["published"] else None, frozenset(d.get("anchors", ())))


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*")
COMMON_RANK = 5000  # words this common in English are not names, even capitalised ("Strong", "Port", "Valley")


def anchors(title: str | None) -> frozenset[str]:
    """The headline's rare capitalised words: the names it is about ("Tarrow", "Sallow", "Aldana")."""
    from .gazetteer import word_ranks

    ranks = word_ranks()
    words = {re.sub(r"['’]s?$", "", w) for w in _CAPITALISED.findall(title or "")}
    return frozenset(w for w in words if ranks.get(w.lower(), COMMON_RANK) >= COMMON_RANK)
