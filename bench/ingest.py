"""Ingestion throughput benchmark: feeds → stored, searchable articles, from a local HTTP server.

Two runs of the real pipeline (fetcher, parser, extractor, store), each on a fresh store:

    full_text   N feeds x M items, each item's whole text in content:encoded: items stored per second
    summaries   the same articles, feeds carrying only a summary: every page fetched and extracted; articles/s

Each is timed as one ``Pipeline.refresh_due()`` over all sources, twice over: "cold", a new Pipeline whose CPU
worker processes start during the run (as the first refresh of ``broadsheet ingest``), and "warm", with the workers
already up (as every later refresh of a running server; ``--warm N`` runs, the best is kept). After each run, every
item must be in the store and found by a full-text search for its own token. CPU seconds of this process and of
the workers are reported too: the machine is often shared, and items per CPU second do not move with its load.
References timed in the same process, to read the figures relative to the machine: feedparser alone parsing the N
full-text feeds (the floor of the parse stage), and ``extract()`` alone on a sample of pages.

Data: ``--data DIR`` (default ``<repo>/../shared/bench/ingest``) when it holds ``feeds/`` and ``pages/`` (the layout
of ``bench/ingest_corpus.py``); otherwise a corpus is generated (seeded, deterministic) into a temporary folder.
It is served by a static HTTP server in a separate process on 127.0.0.1, so that the server does not share our GIL
(it still shares the machine's cores).

Bench settings: allow_private_networks (the server is on loopback), per_host_delay=0, and per_host_connections=16:
here all feeds and pages are on ONE host, where in real use they are spread over many hosts (2 connections each
by default), so the per-host cap is raised to let the fetch stage run as it would over N hosts.

    python bench/ingest.py [--data DIR] [--database-url URL] [--workers N] [--threads N] [--warm N]
                           [--only full_text|summaries]

``--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test`` runs on PostgreSQL: a new database is created
next to the one named (``bench_ingest_<random>``) for each run and dropped after; the named database is untouched.
The last line printed is one JSON object with the figures.
"""
from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_corpus import PLACEHOLDER_BASE, generate  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/bench/ingest"
PER_HOST_CONNECTIONS = 16
EXTRACT_SAMPLE = 60  # pages timed for the extract() reference
TYPES = {".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8"}


# ---------------------------------------------------------------- the static server (runs in its own process)

def serve(root: str, ready) -> None:
    """Serve ``root`` from memory (placeholder base replaced by our own address) until terminated."""
    files: dict[str, tuple[bytes, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers

        def do_GET(self):  # noqa: N802
            path = unquote(urlsplit(self.path).path)
            body, ctype = files.get(path, (b"not found", "text/plain"))
            self.send_response(200 if path in files else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}".encode()
    top = Path(root)
    for sub in ("feeds", "pages"):
        for f in (top / sub).rglob("*"):
            if f.is_file():
                files["/" + f.relative_to(top).as_posix()] = (
                    f.read_bytes().replace(PLACEHOLDER_BASE.encode(), base), TYPES.get(f.suffix, "text/plain"))
    files["/robots.txt"] = (b"User-agent: *\nAllow: /\n", "text/plain")
    ready.send(base.decode())
    httpd.serve_forever(poll_interval=0.2)


@contextmanager
def static_server(root: Path):
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=serve, args=(str(root), child), daemon=True, name="bench-http-server")
    proc.start()
    try:
        if not parent.poll(120):
            raise RuntimeError("the bench server did not start")
        yield parent.recv()
    finally:
        proc.terminate()
        proc.join(10)


# ---------------------------------------------------------------- data and stores

@contextmanager
def corpus(data: Path):
    """(folder, manifest, note): ``data`` when it holds a corpus, else one generated into a temporary folder
    (removed afterwards), with a note saying so."""
    if (data / "feeds").is_dir() and (data / "pages").is_dir():
        if not (data / "corpus.json").is_file():
            raise SystemExit(f"{data} has feeds/ and pages/ but no corpus.json manifest (see bench/ingest_corpus.py)")
        yield data, json.loads((data / "corpus.json").read_text(encoding="utf-8")), None
        return
    with tempfile.TemporaryDirectory(prefix="broadsheet-ingest-corpus-") as tmp:
        started = time.perf_counter()
        manifest = generate(Path(tmp))
        yield Path(tmp), manifest, (f"no corpus in {data}: generated one (seed {manifest['seed']}) in {tmp} "
                                    f"in {time.perf_counter() - started:.1f} s; it is removed at the end")


@contextmanager
def fresh_database(url: str | None, tmp: Path, name: str):
    """A new, empty database URL: a SQLite file in ``tmp``, or a new PostgreSQL database next to ``url``'s."""
    if not url or url.startswith("sqlite"):
        yield f"sqlite:///{tmp / (name + '.db')}"
        return
    from sqlalchemy import create_engine, text

    db = f"bench_ingest_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{db}"'))
    try:
        yield url.rsplit("/", 1)[0] + "/" + db
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


# ---------------------------------------------------------------- the measured runs

def _mb(kb: float) -> float:
    return round(kb / 1024, 1)


def _proc(pid: int) -> tuple[float, int]:
    """CPU seconds used so far and peak RSS (VmHWM, KB) of a process, from /proc (Linux; zeros elsewhere)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0, 0
    hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK"), hwm


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(kind: str, manifest: dict, base: str, database_url: str, settings, cpu=None, threads: int = 8) -> dict:
    """One ``refresh_due`` over the N sources of ``kind`` on a fresh store, then the checks. ``cpu``: a pool
    already running (a warm run); without it the pipeline starts its own (a cold run)."""
    from sqlalchemy import func, select

    from broadsheet.pipeline import Pipeline
    from broadsheet.store import Store
    from broadsheet.store.schema import articles

    store = Store(database_url)
    for outlet in manifest["outlets"]:
        store.sources.add(outlet[kind].replace(PLACEHOLDER_BASE, base), "feed")
    pipeline = Pipeline(settings, store, cpu=cpu)
    before = {pid: _proc(pid)[0] for pid in pipeline.cpu.pids()}
    try:
        cpu_start, start = _self_cpu(), time.perf_counter()
        results = pipeline.refresh_due(workers=threads)
        seconds, cpu_main = time.perf_counter() - start, _self_cpu() - cpu_start
        workers = {pid: _proc(pid) for pid in pipeline.cpu.pids()}
    finally:
        pipeline.close()
    errors = [r.error for r in results if r.error]
    item_errors = [e for r in results for e in r.item_errors]
    expected = {i["url"].replace(PLACEHOLDER_BASE, base): i for i in manifest["items"]}
    with store.db.read() as conn:
        stored = {row.url: row for row in conn.execute(
            select(articles.c.id, articles.c.url, articles.c.word_count, articles.c.extraction_error))}
        with_errors = conn.execute(select(func.count()).select_from(articles)
                                   .where(articles.c.extraction_error.is_not(None))).scalar_one()
    missing = [u for u in expected if u not in stored]
    not_found = []
    for url, item in expected.items():  # each article's own token finds it, and only it
        hits, total = store.articles.search(item["token"], limit=1)
        if total != 1 or hits[0]["url"] != url:
            not_found.append(url)
    ratios = [stored[u].word_count / expected[u]["words"] for u in expected if u in stored and expected[u]["words"]]
    store.close()
    n = len(expected)
    return {"kind": kind, "n": n, "inserted": sum(r.inserted for r in results), "seconds": seconds,
            "per_s": n / seconds if seconds else 0.0, "stored": n - len(missing), "searchable": n - len(not_found),
            "source_errors": errors[:5], "source_error_count": len(errors), "item_errors": len(item_errors),
            "extraction_errors": with_errors, "words_ratio_median": statistics.median(ratios) if ratios else 0.0,
            "cpu_main_s": cpu_main, "cpu_workers_s": sum(c - before.get(pid, 0.0) for pid, (c, _) in workers.items()),
            "workers_peak_kb": [kb for _, kb in workers.values()],
            "ok": not missing and not not_found and not errors}


def feedparser_reference(root: Path, manifest: dict, base: str) -> tuple[float, float]:
    """Seconds for feedparser alone (the call parse_feed makes) and for parse_feed, over the full-text feeds."""
    import feedparser

    from broadsheet.sources.feeds import parse_feed

    bodies = [((root / "feeds/full" / f"{o['slug']}.xml").read_bytes().replace(PLACEHOLDER_BASE.encode(),
                                                                              base.encode()),
               o["full"].replace(PLACEHOLDER_BASE, base)) for o in manifest["outlets"]]
    feedparser.parse(io.BytesIO(bodies[0][0]), sanitize_html=False, resolve_relative_uris=False)  # warm up
    start = time.perf_counter()
    for body, url in bodies:
        feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False,
                         response_headers={"content-location": url})
    floor = time.perf_counter() - start
    start = time.perf_counter()
    for body, url in bodies:
        parse_feed(body, url, "application/rss+xml")
    return floor, time.perf_counter() - start


def extract_reference(root: Path, manifest: dict, base: str) -> float:
    """Milliseconds per page for extract() alone, in this process, on a fixed sample of pages."""
    from broadsheet.extract.pipeline import extract

    sample = random.Random(7).sample(manifest["items"], min(EXTRACT_SAMPLE, len(manifest["items"])))
    pages = [((root / "pages" / urlsplit(i["url"]).path.removeprefix("/pages/")).read_bytes()
              .replace(PLACEHOLDER_BASE.encode(), base.encode()), i["url"].replace(PLACEHOLDER_BASE, base))
             for i in sample]
    extract(*pages[0])  # warm up
    start = time.perf_counter()
    for html, url in pages:
        extract(html, url)
    return 1000 * (time.perf_counter() - start) / len(pages)


# ---------------------------------------------------------------- main

def _row(label: str, r: dict) -> str:
    cpu = r["cpu_main_s"] + r["cpu_workers_s"]
    return (f"{label:<18} {r['n']:>6} {r['seconds']:>8.2f} {r['per_s']:>8.1f} {r['cpu_main_s']:>6.2f} "
            f"{r['cpu_workers_s']:>7.2f} {r['n'] / cpu if cpu else 0:>7.0f} {r['stored']:>6} {r['searchable']:>6} "
            f"{r['source_error_count'] + r['item_errors']:>4} {r['words_ratio_median']:>5.2f}  "
            f"{'ok' if r['ok'] else 'FAILED'}")


def _figures(cold: dict, warm: list[dict], unit: str) -> dict:
    best = min(warm, key=lambda r: r["seconds"]) if warm else None
    out = {unit: cold["stored"], "seconds": round(cold["seconds"], 3), f"{unit}_per_s": round(cold["per_s"], 1)}
    if best:
        out.update({"warm_seconds": round(best["seconds"], 3), f"warm_{unit}_per_s": round(best["per_s"], 1)})
    out.update({"cpu_main_s": round(cold["cpu_main_s"], 2), "cpu_workers_s": round(cold["cpu_workers_s"], 2),
                "searchable": cold["searchable"], "ok": all(r["ok"] for r in [cold, *warm])})
    if unit == "articles":
        out.update({"extraction_errors": cold["extraction_errors"],
                    "words_ratio_median": round(cold["words_ratio_median"], 3)})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"corpus folder (default {DEFAULT_DATA})")
    parser.add_argument("--database-url", help="PostgreSQL server to run on (a database is created and dropped)")
    parser.add_argument("--workers", type=int, help="CPU worker processes (BROADSHEET_WORKERS; default: setting)")
    parser.add_argument("--threads", type=int, default=8, help="sources refreshed at once (refresh_due workers)")
    parser.add_argument("--warm", type=int, default=1, help="runs with the worker pool already up (best is kept)")
    parser.add_argument("--only", choices=["full_text", "summaries"], help="run one of the two")
    args = parser.parse_args(argv)

    from broadsheet.config import Settings
    from broadsheet.jobs.cpu import CpuPool

    overrides = {"workers": args.workers} if args.workers is not None else {}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    runs = {"full_text": "full", "summaries": "summary"}
    if args.only:
        runs = {args.only: runs[args.only]}
    out: dict[str, tuple[dict, list[dict]]] = {}
    with (corpus(args.data) as (root, manifest, note), static_server(root) as base,
          tempfile.TemporaryDirectory(prefix="broadsheet-ingest-") as tmp):
        if note:
            print(note)
        floor, ours_parse = feedparser_reference(root, manifest, base)
        extract_ms = extract_reference(root, manifest, base)
        for name, kind in runs.items():
            def measured(cpu=None, label=name):
                with fresh_database(args.database_url, Path(tmp), f"{label}-{uuid.uuid4().hex[:6]}") as url:
                    settings = Settings.load(database_url=url, allow_private_networks=True, per_host_delay=0,
                                             per_host_connections=PER_HOST_CONNECTIONS, **overrides)
                    return run(kind, manifest, base, url, settings, cpu, args.threads)
            cold = measured()
            pool = CpuPool(Settings.load(**overrides).workers)
            try:
                warm = [measured(pool) for _ in range(args.warm)] if args.warm and pool.start(wait=120) else []
            finally:
                pool.close()
            out[name] = (cold, warm)
    workers = Settings.load(**overrides).workers
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker_kb = [kb for cold, warm in out.values() for r in [cold, *warm] for kb in r["workers_peak_kb"]]
    dialect = "postgresql" if args.database_url and not args.database_url.startswith("sqlite") else "sqlite"

    n_feeds, per_feed = manifest["feeds"], manifest["items_per_feed"]
    print(f"\nIngestion benchmark: {n_feeds} feeds x {per_feed} items, {dialect}, {os.cpu_count()} CPUs "
          f"(load average {load:.1f} at start), workers={workers}, threads={args.threads}, "
          f"per-host connections={PER_HOST_CONNECTIONS}")
    print("cold: a new pipeline, worker processes started during the run; warm: workers already up (best of "
          f"{args.warm}). cpu: CPU seconds of this process and of the workers; /cpu-s: items per CPU second")
    print(f"{'run':<18} {'items':>6} {'seconds':>8} {'items/s':>8} {'cpu':>6} {'workers':>7} {'/cpu-s':>7} "
          f"{'stored':>6} {'found':>6} {'errs':>4} {'words':>5}  check")
    for name, (cold, warm) in out.items():
        print(_row(f"{name} cold", cold))
        for i, r in enumerate(warm):
            print(_row(f"{name} warm{i + 1 if len(warm) > 1 else ''}", r))
        for e in cold["source_errors"]:
            print(f"    source error: {e}")
    print(f"references (in-thread): feedparser alone {floor:.2f} s for the {n_feeds} full-text feeds "
          f"({1000 * floor / n_feeds:.1f} ms/feed), parse_feed {ours_parse:.2f} s, extract() {extract_ms:.1f} ms/page")
    print(f"peak RSS: this process {_mb(rss_self)} MB; CPU workers {_mb(max(worker_kb)) if worker_kb else 0} MB "
          f"each at most ({len(set(worker_kb))} readings)")
    print("FreshRSS reference (same shape, this kind of machine): ~755 items/s. Targets: full text >= 1000 items/s, "
          "summaries >= 40 articles/s")

    summary: dict = {"bench": "ingest", "database": dialect, "feeds": n_feeds, "items_per_feed": per_feed}
    if "full_text" in out:
        summary["full_text"] = _figures(*out["full_text"], "items")
    if "summaries" in out:
        summary["summaries"] = _figures(*out["summaries"], "articles")
    summary.update({"feedparser_only_s": round(floor, 3), "parse_feed_s": round(ours_parse, 3),
                    "extract_ms_per_page": round(extract_ms, 1), "peak_rss_mb": _mb(rss_self),
                    "workers_peak_rss_mb": _mb(max(worker_kb)) if worker_kb else None, "workers": workers,
                    "threads": args.threads, "cpus": os.cpu_count(),
                    "load_average": round(load, 2) if load is not None else None,
                    "generated_corpus": note is not None})
    print(json.dumps(summary))
    return 0 if all(r["ok"] for cold, warm in out.values() for r in [cold, *warm]) else 1


if __name__ == "__main__":
    sys.exit(main())
