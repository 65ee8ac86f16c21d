"""Story-clustering benchmark data for bench/clustering.py: loaders, stream order, halves, and the README baseline.

Two formats, told apart by their fields:
  ECB+ (``docs.jsonl`` with ``text`` + ``cluster``): title = first line, body = the rest; stream = the file order
      shuffled by ``random.Random(13)``; halves by topic number (even = tune, odd = report), so that both events
      of a topic fall in the same half.
  GoogleNews-TS (``text_clean`` + ``stream_order_news_t.txt``): title = ``title_clean``, body = ``snippet_clean``;
      stream = the News-T order; halves by position of the cluster id in sorted order (even = tune, odd = report).
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SHUFFLE_SEED = 13
BASELINE_THRESHOLD = {"ecbplus": 0.20, "googlenews": 0.10}  # the READMEs' best (tuned on the kept data)


@dataclass
class Item:
    id: str
    title: str
    body: str
    gold: str
    group: int  # ECB+ topic / GoogleNews cluster position: decides the half
    raw: str  # the text the README baseline reads


@dataclass
class Dataset:
    name: str
    kind: str  # "ecbplus" | "googlenews"
    items: list[Item]  # in stream order

    def half(self, which: str) -> "Dataset":
        """"tune" (even group) or "report" (odd group), stream order kept."""
        par = 0 if which == "tune" else 1
        return Dataset(f"{self.name}:{which}", self.kind, [i for i in self.items if i.group % 2 == par])

    def one_event_per_topic(self) -> "Dataset":
        """ECB+ only: drop the second event of topics that have two (the hold-out has one event per topic)."""
        keep = {}
        for i in sorted(self.items, key=lambda i: i.gold):
            keep.setdefault(i.group, i.gold)
        return Dataset(f"{self.name}:1/topic", self.kind, [i for i in self.items if keep[i.group] == i.gold])


def load(path: Path) -> Dataset | None:
    """The dataset in ``path``, or None when it is absent or not one of the two formats."""
    docs_file = path / "docs.jsonl"
    if not docs_file.is_file():
        return None
    rows = [json.loads(line) for line in docs_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        return None
    order_file = path / "stream_order_news_t.txt"
    if "text_clean" in rows[0] and order_file.is_file():
        by_id = {r["id"]: r for r in rows}
        clusters = {c: n for n, c in enumerate(sorted({r["cluster"] for r in rows}))}
        order = [x.strip() for x in order_file.read_text().split() if x.strip() in by_id]
        items = [Item(r["id"], r["title_clean"], r["snippet_clean"], str(r["cluster"]), clusters[r["cluster"]],
                      r["text_clean"]) for r in (by_id[i] for i in order)]
        return Dataset(path.name, "googlenews", items)
    if "text" in rows[0] and "cluster" in rows[0]:
        random.Random(SHUFFLE_SEED).shuffle(rows)
        items = []
        for r in rows:
            title, _, body = r["text"].partition("\n")
            items.append(Item(r["id"], title, body, r["cluster"], int(r["topic"]), r["text"]))
        return Dataset(path.name, "ecbplus", items)
    return None


def baseline_labels(ds: Dataset, threshold: float | None = None) -> list[int]:
    """The READMEs' baseline: TF-IDF (sublinear, English stop words, fitted on the set) and single-pass
    clustering in stream order against cluster centroids (cosine, join the best at or above the threshold)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    th = BASELINE_THRESHOLD[ds.kind] if threshold is None else threshold
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([i.raw for i in ds.items]).tocsr()
    sums = np.zeros((len(ds.items), x.shape[1]), dtype=np.float32)  # one row per cluster, at most one per doc
    n, labels = 0, []
    for i in range(x.shape[0]):
        row = x[i]
        if n:
            sims = (row @ sums[:n].T).ravel() / np.maximum(np.linalg.norm(sums[:n], axis=1), 1e-12)
            best = int(sims.argmax())
            if sims[best] >= th:
                sums[best, row.indices] += row.data
                labels.append(best)
                continue
        sums[n, row.indices] = row.data
        labels.append(n)
        n += 1
    return labels
