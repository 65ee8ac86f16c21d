"""Article-body extraction benchmark: Broadsheet's ``extract()`` against trafilatura's default run.

Data: the dev half of the Zyte article-extraction benchmark (see ``shared/bench/extraction/README.md``):
``DIR/html/<id>.html.gz`` and ``DIR/ground-truth.json``. Metric (same as the upstream ``evaluate.py``): 4-token
shingles of ``\\w+`` tokens, per-page TP/FP/FN normalised, macro precision (pages with a non-empty prediction)
and macro recall, F1 of the two, exact token-sequence accuracy. Both systems run in this process, page by page
in alternating order, and are timed per page.

    python bench/extraction.py [--data DIR] [--predictions OUT.json] [--worst N]

The last line printed is one JSON object with the figures.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/bench/extraction/dev"
TOKEN = re.compile(r"\w+")
WARMUP_PAGES = 3


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(s for s in (tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))) if s)


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """TP, FP, FN of one page, normalised by their sum so that every page weighs the same."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(tp: float, wrong: float, other_wrong: float) -> float:
    if wrong == other_wrong == 0:
        return 1.0
    if tp == wrong == 0:
        return 0.0
    return tp / (tp + wrong)


def score(truths: list[str], preds: list[str]) -> dict:
    counts = [page_counts(t, p) for t, p in zip(truths, preds)]
    precisions = [_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    exact = [TOKEN.findall(t) == TOKEN.findall(pr) for t, pr in zip(truths, preds)]
    per_page = [2 * tp / (2 * tp + fp + fn) if (2 * tp + fp + fn) else 1.0 for tp, fp, fn in counts]
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r,
            "accuracy": statistics.mean(exact) if exact else 0.0, "per_page_f1": per_page}


def ours(html: str, url: str) -> str:
    from broadsheet.errors import ExtractionError
    from broadsheet.extract import extract

    try:
        return extract(html, url).text
    except ExtractionError:
        return ""


def trafilatura_default(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


SYSTEMS = {"ours": ours, "trafilatura": trafilatura_default}


def run(data: Path) -> tuple[list[str], dict, dict[str, list[str]], dict[str, float]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pages = {i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace")
             for i in ids}
    for i in ids[:WARMUP_PAGES]:
        for fn in SYSTEMS.values():
            fn(pages[i], truth[i].get("url", ""))
    preds: dict[str, list[str]] = {name: [] for name in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    for n, i in enumerate(ids):
        order = list(SYSTEMS) if n % 2 == 0 else list(reversed(SYSTEMS))
        for name in order:
            start = time.perf_counter()
            preds[name].append(SYSTEMS[name](pages[i], truth[i].get("url", "")))
            seconds[name] += time.perf_counter() - start
    ms = {name: 1000 * s / len(ids) for name, s in seconds.items()}
    return ids, truth, preds, ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"benchmark folder (default {DEFAULT_DATA})")
    parser.add_argument("--predictions", type=Path, help="write our predictions here, in the reference scorer's shape")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where our F1 is lowest")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"extraction benchmark skipped: no data in {args.data}")
        print(json.dumps({"bench": "extraction", "skipped": True, "reason": f"no data in {args.data}"}))
        return 0
    ids, truth, preds, ms = run(args.data)
    truths = [truth[i].get("articleBody", "") for i in ids]
    results = {name: score(truths, preds[name]) for name in SYSTEMS}
    if args.predictions:
        args.predictions.write_text(json.dumps({i: {"articleBody": t} for i, t in zip(ids, preds["ours"])},
                                               ensure_ascii=False), encoding="utf-8")
    print(f"{'system':<12} {'F1':>7} {'prec':>7} {'recall':>7} {'acc':>7} {'ms/page':>8}   ({len(ids)} pages)")
    for name, r in results.items():
        print(f"{name:<12} {r['f1']:7.4f} {r['precision']:7.4f} {r['recall']:7.4f} {r['accuracy']:7.4f} "
              f"{ms[name]:8.1f}")
    if args.worst:
        ranked = sorted(zip(results["ours"]["per_page_f1"], results["trafilatura"]["per_page_f1"], ids))
        for f1, base, i in ranked[: args.worst]:
            print(f"  {f1:.3f} (trafilatura {base:.3f})  {i[:12]}  {truth[i].get('url', '')[:80]}")
    summary = {"bench": "extraction", "n": len(ids)}
    for name, r in results.items():
        summary[name] = {k: round(v, 4) for k, v in r.items() if k != "per_page_f1"}
        summary[name]["ms_per_page"] = round(ms[name], 1)
    summary["f1_delta"] = round(results["ours"]["f1"] - results["trafilatura"]["f1"], 4)
    summary["ms_ratio"] = round(ms["ours"] / ms["trafilatura"], 2) if ms["trafilatura"] else None
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
