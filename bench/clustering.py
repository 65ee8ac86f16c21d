"""Story-clustering benchmark: Broadsheet's online clusterer next to the READMEs' TF-IDF single-pass baseline.

    python bench/clustering.py                      # both default data sets
    python bench/clustering.py --data DIR [--data DIR2] [--cache DIR] [--batch 50]
    python bench/clustering.py --tune               # the grid on the TUNE halves that chose the profiles

Data (defaults ``<repo>/../shared/bench/ecbplus_events`` and ``…/googlenews_ts``; the format tells which is which,
see bench/_enrich_stories.py): ECB+ in a fixed shuffle (``random.Random(13)``), GoogleNews-TS in its News-T
stream order. Systems, in one process, on the same stream:

    ours      the product path: ``get_embedder()`` (MiniLM when installed), ``StoryClusterer(<its profile>)``,
              articles fed through ``add_batch`` in batches of ``--batch`` (as one refresh each)
    fallback  the same with the TF-IDF embedder and the "tfidf" profile (what runs without the ``ai`` extra)
    baseline  README baseline: TF-IDF fitted on the set, single-pass vs centroids, the READMEs' tuned thresholds

Scores on the whole set, and for ``ours`` also on the REPORT half alone (the half the profiles were not tuned on)
and, for ECB+, with one event per topic (the shape of the hold-out, whose clusters are every third of the sorted
list, so never both events of a topic), on the whole set and on the report half. Cost: embedding articles/s
(wall clock, and per CPU-second, which a busy machine disturbs less; MiniLM and TF-IDF), clustering articles/s,
model load time, peak memory, the load average (the dev VM is shared). Last line: one JSON object. With no
data present, says so and prints {"skipped": true}, exit 0.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from _enrich_metrics import cluster_scores, peak_rss_mb, rounded  # noqa: E402
from _enrich_stories import Dataset, baseline_labels, load  # noqa: E402

from broadsheet.enrich.cluster import PROFILES, Doc, StoryClusterer  # noqa: E402
from broadsheet.enrich.embed import TfidfEmbedder, doc_text, get_embedder  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared/bench"
DEFAULT_DATA = [SHARED / "ecbplus_events", SHARED / "googlenews_ts"]
COLS = ("b3_p", "b3_r", "b3_f1", "pair_f1", "nmi", "ari", "n_pred")


def embed(ds: Dataset, embedder, batch: int, cache: Path | None) -> tuple[np.ndarray, dict | None]:
    """Vectors in stream order, encoded batch by batch as the product would; speed (None if cached)."""
    file = cache / f"{ds.name}.{embedder.name}.{len(ds.items)}.npy" if cache and embedder.name == "minilm" else None
    if file and file.exists():
        return np.load(file), None
    texts = [doc_text(i.title, i.body) for i in ds.items]
    t, cpu = time.perf_counter(), time.process_time()
    vecs = np.concatenate([embedder.encode(texts[k:k + batch]) for k in range(0, len(texts), batch)])
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    if file:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(file, vecs)
    return vecs, {"docs_per_s": round(len(texts) / wall, 1), "docs_per_cpu_s": round(len(texts) / cpu, 1),
                  "chars_per_doc": round(sum(map(len, texts)) / len(texts))}


def cluster(ds: Dataset, vecs: np.ndarray, profile, batch: int, **overrides) -> tuple[list, float]:
    """Our clusterer over the stream; (story per item, seconds)."""
    c = StoryClusterer(profile, **overrides)
    docs = [Doc(i.id, v, i.title, i.body) for i, v in zip(ds.items, vecs)]
    t = time.perf_counter()
    for k in range(0, len(docs), batch):
        c.add_batch(docs[k:k + batch])
    secs = time.perf_counter() - t
    labels = c.labels()
    return [labels[i.id] for i in ds.items], secs


def subset(ds: Dataset, sub: Dataset, vecs: np.ndarray) -> np.ndarray:
    row = {i.id: n for n, i in enumerate(ds.items)}
    return vecs[[row[i.id] for i in sub.items]]


def scores(ds: Dataset, labels: list, secs: float | None = None) -> dict:
    s = rounded(cluster_scores([i.gold for i in ds.items], labels))
    if secs:
        s["docs_per_s"] = round(len(ds.items) / secs, 1)
    return s


def line(system: str, part: str, s: dict) -> str:
    cells = " ".join(f"{s[c]:>7.4f}" if isinstance(s[c], float) else f"{s[c]:>7}" for c in COLS)
    return f"  {system:<9} {part:<22} {cells} {s.get('docs_per_s', ''):>9}"


def evaluate(ds: Dataset, emb, vecs: dict, batch: int) -> dict:
    print(f"\n{ds.name} ({ds.kind}, {len(ds.items)} articles, {len({i.gold for i in ds.items})} gold stories)")
    print(f"  {'system':<9} {'part':<22} " + " ".join(f"{c:>7}" for c in COLS) + "    docs/s")
    out = {"n": len(ds.items)}
    parts = [("ours", "all", ds), ("ours_report_half", "report half", ds.half("report"))]
    if ds.kind == "ecbplus":
        parts += [("ours_1ev", "all, 1 ev/topic", ds.one_event_per_topic()),
                  ("ours_report_half_1ev", "report half, 1 ev/topic", ds.half("report").one_event_per_topic())]
    for key, part, sub in parts:
        labels, secs = cluster(sub, subset(ds, sub, vecs[emb.name]), emb.name, batch)
        out[key] = scores(sub, labels, secs if part == "all" else None)
        print(line("ours", part, out[key]))
    if emb.name != "tfidf":
        labels, secs = cluster(ds, vecs["tfidf"], "tfidf", batch)
        out["fallback"] = scores(ds, labels, secs)
        print(line("fallback", "all", out["fallback"]))
    t = time.perf_counter()
    labels = baseline_labels(ds)
    out["baseline"] = scores(ds, labels, time.perf_counter() - t)
    print(line("baseline", "all", out["baseline"]))
    return out


def tune(datasets: list[Dataset], vecs: dict, batch: int) -> None:
    """Grid on the TUNE halves only: objective = mean(ECB+ BCubed F1, ECB+ 1-event-per-topic BCubed F1,
    GoogleNews NMI). Prints the best settings per embedder."""
    ecb = next((d for d in datasets if d.kind == "ecbplus"), None)
    gn = next((d for d in datasets if d.kind == "googlenews"), None)
    if ecb is None or gn is None:
        print("--tune needs both data sets (ECB+ and GoogleNews-TS)")
        return
    halves = [(ecb, ecb.half("tune"), "b3_f1"), (ecb, ecb.half("tune").one_event_per_topic(), "b3_f1"),
              (gn, gn.half("tune"), "nmi")]
    grids = {"minilm": {"dense_weight": (0.3, 0.4, 0.5, 0.6), "threshold": (0.25, 0.3, 0.35, 0.4),
                        "merge_threshold": (0.4, 0.45, 0.5)},
             "tfidf": {"threshold": (0.1, 0.15, 0.2, 0.25, 0.3), "merge_threshold": (0.25, 0.3, 0.35, 0.4)}}
    for name, grid in grids.items():
        if name not in vecs[ecb.name]:
            continue
        results = []
        for combo in itertools.product(*grid.values()):
            kw = dict(zip(grid, combo), split_threshold=combo[list(grid).index("threshold")] / 2)
            got = [scores(sub, cluster(sub, subset(full, sub, vecs[full.name][name]), name, batch, **kw)[0])[m]
                   for full, sub, m in halves]
            results.append((float(np.mean(got)), got, kw))
            print(f"  {name} {kw} -> mean {np.mean(got):.4f} ({', '.join(f'{g:.4f}' for g in got)})", flush=True)
        best = max(results, key=lambda r: r[0])
        print(f"best {name}: {best[2]} mean {best[0]:.4f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", action="append", type=Path, help="data folder (repeatable); default: both")
    ap.add_argument("--batch", type=int, default=50, help="articles per add_batch call (one 'refresh')")
    ap.add_argument("--cache", type=Path, help="keep MiniLM vectors here between runs (cost figures then omitted)")
    ap.add_argument("--tune", action="store_true", help="run the tuning grid on the tune halves and exit")
    args = ap.parse_args(argv)
    datasets = [d for d in (load(p) for p in (args.data or DEFAULT_DATA)) if d is not None]
    if not datasets:
        print("clustering bench: no data found in", ", ".join(map(str, args.data or DEFAULT_DATA)), "- skipped")
        print(json.dumps({"bench": "clustering", "skipped": True}))
        return 0
    rss0 = peak_rss_mb()
    t = time.perf_counter()
    emb = get_embedder()
    cost = {"embedder": emb.name, "model_load_s": round(time.perf_counter() - t, 2),
            "peak_rss_mb_before_model": round(rss0, 1), "embed": {}, "load_avg_start": os.getloadavg()[0]}
    vecs: dict = {}
    for ds in datasets:
        vecs[ds.name] = {}
        for e in {emb.name: emb, "tfidf": TfidfEmbedder()}.values():
            vecs[ds.name][e.name], speed = embed(ds, e, args.batch, args.cache)
            if speed:
                cost["embed"][f"{ds.name}/{e.name}"] = speed
    cost["peak_rss_mb_with_model"] = round(peak_rss_mb(), 1)
    if args.tune:
        tune(datasets, vecs, args.batch)
        return 0
    print(f"embedder: {emb.name} (loaded in {cost['model_load_s']} s); batches of {args.batch}")
    results = {ds.name: evaluate(ds, emb, vecs[ds.name], args.batch) for ds in datasets}
    cost["peak_rss_mb"] = round(peak_rss_mb(), 1)
    cost["load_avg_end"] = os.getloadavg()[0]
    print("\ncost:", ", ".join(f"{k} {v}" for k, v in cost.items()))
    print(json.dumps({"bench": "clustering", "skipped": False, "profiles": {k: vars(v) for k, v in PROFILES.items()},
                      "datasets": results, "cost": cost}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
