"""Extractive summary benchmark: Broadsheet's ``summarize()`` against Lead-3, TextRank and published systems.

Data: ``shared/bench/cnndm_summeval_realsumm`` (CNN/DailyMail test articles from SummEval and REALSumm; see its
README). Scoring as that README says: ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 from ``rouge-score`` with
``use_stemmer=True``, against the original highlights (``reference``); for Lsum one sentence per line, split at
``.``/``!``/``?`` followed by a space and a capital letter or digit, in the reference and in every candidate.
Extractive systems give 3 sentences. The published systems' outputs (``systems``) are scored on the same
documents, SummEval's on the SummEval half and REALSumm's on the REALSumm half.

    python bench/summaries.py [--data DIR] [--crossfit]      # needs: pip install rouge-score

``--crossfit`` also tunes summarize's two main constants on a small grid on one half and scores the other half
(both ways), to show what tuning would buy on unseen documents. The last line printed is one JSON object.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/bench/cnndm_summeval_realsumm"
README_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
METRICS = ("rouge1", "rouge2", "rougeLsum")
HALVES = ("summeval", "realsumm")
GRID = {"POSITION_SCALE": (0.5, 1.0, 2.0), "CENTRALITY_POWER": (0.0, 0.5, 1.0)}

from broadsheet.enrich import summarize as S  # noqa: E402
from broadsheet.enrich.lexical import pagerank, terms, tfidf_matrix  # noqa: E402
from broadsheet.enrich.sentences import split_sentences  # noqa: E402


def readme_sentences(text: str) -> list[str]:
    return [s for s in README_SPLIT.split(text.strip()) if s]


def ours(source: str) -> list[str]:
    return [s.text for s in S.summarize(source, n=3)]


def lead3_readme(source: str) -> list[str]:
    return readme_sentences(source)[:3]


def _units(source: str) -> list[str]:
    return [s.text for s in split_sentences(source) if not s.heading]


def lead3_ours(source: str) -> list[str]:
    return _units(source)[:3]


def textrank(source: str) -> list[str]:
    """TextRank: TF-IDF cosine graph of the sentences, PageRank (d=0.85), top 3 in document order."""
    units = _units(source)
    m = tfidf_matrix([terms(u) for u in units])
    weights = m @ m.T
    np.fill_diagonal(weights, 0)
    rank = pagerank(weights, damping=0.85)
    return [units[i] for i in sorted(np.argsort(-rank, kind="stable")[:3])]


SYSTEMS = {"ours": ours, "lead3 (README split)": lead3_readme, "lead3 (our split)": lead3_ours,
           "textrank": textrank}


class Scorer:
    def __init__(self):
        from rouge_score import rouge_scorer

        self._rouge = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def __call__(self, reference: str, candidate: str) -> tuple[float, ...]:
        ref, cand = ("\n".join(readme_sentences(t)) for t in (reference, candidate))
        scores = self._rouge.score(ref, cand)
        return tuple(100 * scores[m].fmeasure for m in METRICS)


def mean(rows: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(statistics.mean(col) for col in zip(*rows)) if rows else (math.nan,) * len(METRICS)


def run_system(fn, docs: list[dict], score: Scorer) -> tuple[list[tuple[float, ...]], float]:
    rows, seconds = [], 0.0
    for d in docs:
        start = time.perf_counter()
        sentences = fn(d["source"])
        seconds += time.perf_counter() - start
        rows.append(score(d["reference"], " ".join(sentences)))
    return rows, 1000 * seconds / max(1, len(docs))


def crossfit(docs: list[dict], score: Scorer) -> dict:
    """Tune GRID on one half, score the other half with the winner; both ways."""
    defaults = {name: getattr(S, name) for name in GRID}
    by_half = {h: [d for d in docs if d["subset"] == h] for h in HALVES}
    results: dict[tuple, dict[str, float]] = {}
    try:
        for values in itertools.product(*GRID.values()):
            for name, value in zip(GRID, values):
                setattr(S, name, value)
            results[values] = {h: mean(run_system(ours, by_half[h], score)[0])[0] for h in HALVES}
    finally:
        for name, value in defaults.items():
            setattr(S, name, value)
    out = {}
    for tune, test in (HALVES, HALVES[::-1]):
        best = max(results, key=lambda v: results[v][tune])
        out[f"tuned_on_{tune}"] = {"params": dict(zip(GRID, best)), f"rouge1_{test}": round(results[best][test], 2)}
    out["rouge1_heldout_mean"] = round(statistics.mean(out[f"tuned_on_{h}"][f"rouge1_{o}"]
                                                       for h, o in (HALVES, HALVES[::-1])), 2)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"benchmark folder (default {DEFAULT_DATA})")
    parser.add_argument("--crossfit", action="store_true", help="also tune on one half, score the other")
    args = parser.parse_args(argv)
    path = args.data / "docs.jsonl"
    if not path.is_file():
        print(f"summaries benchmark skipped: no data in {args.data}")
        print(json.dumps({"bench": "summaries", "skipped": True, "reason": f"no data in {args.data}"}))
        return 0
    try:
        score = Scorer()
    except ImportError:
        print(json.dumps({"bench": "summaries", "skipped": True, "reason": "pip install rouge-score"}))
        return 0
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows, ms = {}, {}
    for name, fn in SYSTEMS.items():
        rows[name], ms[name] = run_system(fn, docs, score)
    half = {h: [i for i, d in enumerate(docs) if d["subset"] == h] for h in HALVES}
    table = {name: {"all": mean(r), **{h: mean([r[i] for i in idx]) for h, idx in half.items()}}
             for name, r in rows.items()}
    for h, idx in half.items():  # published systems, on the documents they were published for
        for system in docs[idx[0]]["systems"]:
            r = [score(docs[i]["reference"], docs[i]["systems"][system]["summary"]) for i in idx]
            table[f"{h}:{system}"] = {h: mean(r)}
    baseline = max(("lead3 (README split)", "lead3 (our split)"), key=lambda k: table[k]["all"][0])
    diffs = [a[0] - b[0] for a, b in zip(rows["ours"], rows[baseline])]
    se = statistics.stdev(diffs) / math.sqrt(len(diffs))

    print(f"{'system':<44}" + "".join(f"{col + ' R1/R2/RLsum':>24}" for col in ("all", *HALVES)))
    published = sorted((k for k in table if ":" in k),
                       key=lambda k: (k.split(":")[0], -next(iter(table[k].values()))[0]))
    for name in [*SYSTEMS, *published]:
        cells = "".join(f"{'/'.join(f'{v:.2f}' for v in table[name][c]) if c in table[name] else '':>24}"
                        for c in ("all", *HALVES))
        print(f"{name:<44}{cells}")
    print(f"ours - {baseline}: R-1 {statistics.mean(diffs):+.2f} ± {se:.2f} (paired s.e., {len(docs)} docs); "
          f"ms/article: " + ", ".join(f"{k} {v:.1f}" for k, v in ms.items()))
    summary = {"bench": "summaries", "n": len(docs)}
    for name in SYSTEMS:
        summary[name] = {m: round(v, 2) for m, v in zip(("r1", "r2", "rlsum"), table[name]["all"])}
        summary[name].update({f"r1_{h}": round(table[name][h][0], 2) for h in HALVES})
        summary[name]["ms_per_article"] = round(ms[name], 2)
    for key in ("summeval:M0", "realsumm:matchsumm_out", "realsumm:bart_out"):
        if key in table:
            summary[key] = {m: round(v, 2) for m, v in zip(("r1", "r2", "rlsum"), next(iter(table[key].values())))}
    summary["r1_delta_vs_lead3"] = round(statistics.mean(diffs), 2)
    summary["r1_delta_se"] = round(se, 2)
    if args.crossfit:
        summary["crossfit"] = crossfit(docs, score)
        print("crossfit:", json.dumps(summary["crossfit"]))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
