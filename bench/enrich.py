"""Cost of the enrich stage: articles/s with the TF-IDF fallback and with MiniLM embeddings, and memory.

    python bench/enrich.py [--data DIR] [--limit N] [--no-minilm]

Data: ``<repo>/../shared/bench/ecbplus_events`` by default (docs.jsonl: the first line of each text is its title;
in the fixed shuffle of bench/_enrich_stories.py); without it, the demo's fictional articles, repeated with
numbered titles. The articles are stored in a fresh SQLite file (one source per ECB+ sub-corpus, ten minutes apart
in stream order), then ``broadsheet enrich --all``'s code path runs over all of them (``EnrichService.enrich_all``:
near-duplicates, analysis, embeddings, clustering, every write), once per embedder, in this one process.
Figures: articles/s on the wall clock and per CPU-second (this process, all threads: a shared machine disturbs it
less), model load time, resident memory before and after loading MiniLM, peak memory, the load average, and (ECB+)
the BCubed F1 of the stories the stage stored against the gold events. Last line: one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from _enrich_metrics import cluster_scores, peak_rss_mb  # noqa: E402
from _enrich_stories import load  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/bench/ecbplus_events"


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def articles_from(data: Path, limit: int | None) -> tuple[str, list[tuple[str, str, str, str]]]:
    """(data name, [(source, title, body, gold)]) in stream order."""
    ds = load(data) if data.is_dir() else None
    if ds is not None and ds.kind == "ecbplus":
        items = ds.items[:limit] if limit else ds.items
        return ds.name, [(i.id.split("_")[1] if "_" in i.id else "ecb", i.title, i.body, i.gold) for i in items]
    from broadsheet.demo.content import load_world

    world = load_world()
    n = limit or 600
    rows = [(a.outlet, f"{a.title} ({k // len(world.articles) + 1})", a.text, a.event or a.key)
            for k, a in ((k, world.articles[k % len(world.articles)]) for k in range(n))]
    return "generated from the demo content", rows


def fill(store, rows) -> list[int]:
    from broadsheet.dedupe.fingerprint import content_hash
    from broadsheet.model import ArticleRecord

    start = datetime(2026, 1, 1)
    sources = {}
    for n, (src, title, body, _gold) in enumerate(rows):
        if src not in sources:
            sources[src] = store.sources.add(f"https://{src}.example/feed.xml", "feed", title=src)["id"]
        url = f"https://{src}.example/a/{n}"
        store.articles.save(sources[src], [ArticleRecord(
            url=url, canonical_url=url, title=title, published_at=start + timedelta(minutes=10 * n),
            content_text=body, content_html=None, content_hash=content_hash(body), word_count=len(body.split()))])
    with store.db.read() as conn:
        from sqlalchemy import select

        from broadsheet.store.schema import articles
        return list(conn.execute(select(articles.c.id).order_by(articles.c.id)).scalars())


def run(settings, store, ids, gold) -> dict:
    from sqlalchemy import select

    from broadsheet.enrich.service import EnrichService
    from broadsheet.store.schema import articles

    svc = EnrichService(settings, store)
    t0, c0 = time.perf_counter(), cpu_seconds()
    report = svc.enrich_all()
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    with store.db.read() as conn:
        story = dict(conn.execute(select(articles.c.id, articles.c.story_id)).all())
    pred = [story[i] if story[i] is not None else -i for i in ids]
    out = {"articles": len(ids), "failed": report.failed, "seconds": wall, "articles_per_s": len(ids) / wall,
           "cpu_seconds": cpu, "articles_per_cpu_s": len(ids) / cpu, "stories": len(set(pred))}
    if gold:
        out["b3_f1"] = cluster_scores(gold, pred)["b3_f1"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, help="at most this many articles")
    ap.add_argument("--no-minilm", action="store_true", help="only the TF-IDF fallback")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from broadsheet.config import Settings
    from broadsheet.enrich import embedders
    from broadsheet.enrich.providers import minilm
    from broadsheet.store import Store

    name, rows = articles_from(args.data, args.limit)
    figures: dict = {"data": name, "cpus": len(os.sched_getaffinity(0))}
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        store = Store(url)
        ids = fill(store, rows)
        gold = [g for *_, g in rows] if name != "generated from the demo content" else None
        figures["tfidf"] = run(Settings(database_url=url, embedder="tfidf"), store, ids, gold)
        print(f"TF-IDF fallback: {figures['tfidf']}", flush=True)
        if not args.no_minilm and minilm.available() is None:
            settings = Settings(database_url=url, embedder="minilm")
            before, t0 = rss_mb(), time.perf_counter()
            embedders.load(settings)
            figures["minilm_load_seconds"] = time.perf_counter() - t0
            figures["rss_mb_before_model"], figures["rss_mb_with_model"] = before, rss_mb()
            figures["minilm"] = run(settings, store, ids, gold)
            print(f"MiniLM: {figures['minilm']}", flush=True)
        elif not args.no_minilm:
            figures["minilm"] = {"skipped": minilm.available()}
        store.close()
    figures["rss_mb_end"], figures["peak_rss_mb"] = rss_mb(), peak_rss_mb()
    figures["load_average"] = os.getloadavg()[0]
    print(json.dumps(_rounded(figures), sort_keys=True))


def _rounded(v):
    if isinstance(v, dict):
        return {k: _rounded(x) for k, x in v.items()}
    return round(v, 4) if isinstance(v, float) else v


if __name__ == "__main__":
    main()
