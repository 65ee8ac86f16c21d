"""Sync API throughput: Google Reader ``stream/contents`` (n=100) and Miniflux ``/v1/entries?limit=100`` on a
store of 100,000 generated articles, one user subscribed to every source.

Builds the store with bench/web_corpus.py (50 sources, ~3 KB of HTML per article), adds a user who follows all
the sources (in three categories), has read every tenth article and starred a few, and an API key; starts
`broadsheet serve` on loopback and drives it with Debian's `wrk` at 1, 20 and 50 connections for --seconds each.
Reports requests/s, p50 and p99, errors and the load average before each cell (the machine may be shared), and
ends with one line of JSON. See docs/BENCHMARKS.md, "Sync APIs".

    python bench/sync.py [--articles 100000] [--seconds 20] [--workers 2] [--store FILE] [--keep] [--data DIR]

Endpoints: ``greader`` = ``GET /reader/api/0/stream/contents/user/-/state/com.google/reading-list?n=100``
(``Authorization: GoogleLogin auth=...`` from ClientLogin) and ``miniflux`` = ``GET /v1/entries?limit=100``
(``X-Auth-Token``). Both answer the newest 100 entries with their full content, as an app's first sync does.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._serve import corpus_args, corpus_store, parse_wrk, run_cells, served  # noqa: E402
from bench.web_corpus import build  # noqa: E402

ENDPOINTS = {
    "greader": ("/reader/api/0/stream/contents/user/-/state/com.google/reading-list?n=100&output=json",
                "Authorization", "GoogleLogin auth={auth}"),
    "miniflux": ("/v1/entries?limit=100&order=published_at&direction=desc", "X-Auth-Token", "{key}"),
}
LUA = 'wrk.headers["%(header)s"] = "%(value)s"\nrequest = function() return wrk.format("GET", "%(path)s") end\n'
WRK_THREADS = 2
TARGET = {"rps": 356, "p99_ms": 50}  # FreshRSS at 20 connections: 356 req/s, p99 68 ms; our target p99 <= 50 ms


def prepare_reader(url: str) -> tuple[str, str]:
    """A user following every source, some marks, and an API key: (username, key)."""
    from broadsheet.accounts.users import create_user
    from broadsheet.store import Store
    store = Store(url)
    try:
        user = store.users.by_username("bench") or create_user(store, "bench", "bench password")
        cats = [store.subscriptions.ensure_category(user["id"], t) for t in ("World", "Business", "Science")]
        for i, s in enumerate(store.sources.list()):
            store.subscriptions.subscribe(user["id"], s["id"], cats[i % 3]["id"])
        newest = [e["id"] for e in store.states.entries(user["id"], limit=2000)]
        store.states.mark(user["id"], newest[::10], read=True)
        store.states.mark(user["id"], newest[::97], saved=True)
        return user["username"], store.api_keys.create(user["id"], "bench")
    finally:
        store.close()


def run_wrk(base: str, kind: str, conns: int, seconds: int, auth: dict, tmp: Path) -> dict:
    path, header, value = ENDPOINTS[kind]
    script = tmp / f"{kind}.lua"
    script.write_text(LUA % {"header": header, "value": value.format(**auth), "path": path})
    out = subprocess.run(["wrk", "-t", str(min(conns, WRK_THREADS)), "-c", str(conns), "-d", f"{seconds}s",
                          "--latency", "-s", str(script), base], capture_output=True, text=True, check=True).stdout
    result = parse_wrk(out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: (.+)", out)
    result["non_2xx"] = int(non2xx.group(1)) if non2xx else 0
    result["socket_errors"] = sock.group(1).strip() if sock else ""  # e.g. timeouts (wrk gives up after 2 s)
    return result


def check_answers(base: str, auth: dict) -> dict:
    """One request of each kind, checked: 100 entries each (so the benchmark measures real answers)."""
    sizes = {}
    for kind, (path, header, value) in ENDPOINTS.items():
        r = httpx.get(base + path, headers={header: value.format(**auth)}, timeout=30)
        r.raise_for_status()
        items = r.json()["items" if kind == "greader" else "entries"]
        assert len(items) == 100, (kind, len(items))
        sizes[kind] = len(r.content)
    return sizes


def main() -> int:
    args = corpus_args(__doc__.split("\n")[0], ENDPOINTS)
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk): skipping")
        print(json.dumps({"bench": "sync", "skipped": True, "reason": "wrk not installed"}))
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bs-sync-"))
    url = corpus_store(args, tmp, "sync.db", build)
    username, key = prepare_reader(url)
    results: dict = {}
    try:
        with served(url, args.workers) as (server, base):
            login = httpx.post(base + "/api/greader.php/accounts/ClientLogin", data={"Email": username, "Passwd": key})
            auth = {"key": key, "auth": login.text.split("Auth=")[1].strip()}
            sizes = check_answers(base, auth)
            print("Response sizes (bytes): " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
            for kind in args.endpoints.split(","):  # warm up once
                run_wrk(base, kind, 2, 2, auth, tmp)
            results = run_cells(server.pid, args.endpoints.split(","), list(map(int, args.connections.split(","))),
                                lambda kind, conns: run_wrk(base, kind, conns, args.seconds, auth, tmp))
    finally:
        if args.keep:
            print(f"Kept {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    at20 = results.get("greader", {}).get("20", {})
    summary = {"bench": "sync", "articles": args.articles, "workers": args.workers, "seconds": args.seconds,
               "wrk_threads": WRK_THREADS, "cpus": os.cpu_count(), "database": url.split(":")[0],
               "response_bytes": sizes, "results": results, "target_at_20": TARGET,
               "greader_meets_target_at_20": bool(at20) and at20["rps"] >= TARGET["rps"]
               and at20["p99_ms"] <= TARGET["p99_ms"],
               "errors": sum(r["errors"] for k in results.values() for r in k.values())}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
