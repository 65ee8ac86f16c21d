"""Web latency on a store of 100,000 generated articles: home, article, search pages and /api/v1/articles.

Starts `broadsheet serve` on loopback against the generated store (bench/web_corpus.py: Zipf-distributed words,
single-word search terms in 1–10% of the articles) and drives it with Debian's `wrk` at 1, 20 and 50 connections
for --seconds each; reports requests/s, p50 and p99, errors and the server's CPU time per request, and ends with
one line of JSON. See docs/BENCHMARKS.md, "Web latency".

    python bench/web.py [--articles 100000] [--seconds 20] [--workers 2] [--database-url URL] [--store FILE] [--keep]

Endpoints: ``home`` (``/?page=1..5``), ``home-private`` (the same pages with a cookie, as a signed-in visitor would
send: never answered from the page cache, so this is the full render), ``article`` (``/articles/{random id}``:
100,000 ids, so the page cache hardly ever helps), ``search`` (``/search?q=`` one of SEARCH_TERMS) and ``api``
(``/api/v1/articles?limit=30&offset=0..900``). wrk runs two threads on the same two cores as the server; the load
average is recorded before each cell because other work on the machine moves the tail latencies.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._serve import corpus_args, corpus_store, parse_wrk, run_cells, served  # noqa: E402
from bench.web_corpus import SEARCH_TERMS, build, term_counts  # noqa: E402

LUA = """
math.randomseed(%(seed)d)
local terms = {%(terms)s}
local headers = {}
if "%(kind)s" == "home-private" then headers["Cookie"] = "bench=1" end
request = function()
  local kind = "%(kind)s"
  local path
  if kind == "article" then path = "/articles/" .. math.random(1, %(n)d)
  elseif kind == "search" then path = "/search?q=" .. terms[math.random(1, #terms)]
  elseif kind == "api" then path = "/api/v1/articles?limit=30&offset=" .. (math.random(0, 30) * 30)
  else path = "/?page=" .. math.random(1, 5) end
  return wrk.format("GET", path, headers)
end
"""
ENDPOINTS = ("home", "home-private", "article", "search", "api")
# Measured against 1 thread on the 2-core VM: 2 threads gave more requests/s in each of 4 back-to-back pairs, and
# wrk itself stayed at 5-11% of a core either way, so the second thread takes little from the server.
WRK_THREADS = 2


def run_wrk(base: str, kind: str, conns: int, seconds: int, n: int, tmp: Path) -> dict:
    script = tmp / f"{kind}.lua"
    terms = ", ".join(f'"{t.replace(" ", "+")}"' for t in SEARCH_TERMS)
    script.write_text(LUA % {"seed": 42, "terms": terms, "kind": kind, "n": n})
    threads = min(conns, WRK_THREADS)
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(conns), "-d", f"{seconds}s", "--latency",
                          "-s", str(script), base], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def main() -> int:
    args = corpus_args(__doc__.split("\n")[0], ENDPOINTS)
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk): skipping")
        print(json.dumps({"bench": "web", "skipped": True, "reason": "wrk not installed"}))
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bs-web-"))
    url = corpus_store(args, tmp, "web.db", build)
    matches = term_counts(url) if url.startswith("sqlite") else {}
    if matches:
        share = sorted(100 * c / args.articles for c in matches.values())
        print(f"Search terms match {share[0]:.2g}–{share[-1]:.2g}% of the articles "
              f"(median {share[len(share) // 2]:.2g}%)")
    results: dict = {}
    try:
        with served(url, args.workers) as (server, base):
            for kind in args.endpoints.split(","):  # warm caches once
                run_wrk(base, kind, 2, 2, args.articles, tmp)
            results = run_cells(server.pid, args.endpoints.split(","), list(map(int, args.connections.split(","))),
                                lambda kind, conns: run_wrk(base, kind, conns, args.seconds, args.articles, tmp))
    finally:
        if args.keep:
            print(f"Kept {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    summary = {"bench": "web", "articles": args.articles, "workers": args.workers, "seconds": args.seconds,
               "wrk_threads": WRK_THREADS, "cpus": os.cpu_count(), "database": url.split(":")[0],
               "search_term_matches": matches, "results": results,
               "article_p99_ms_at_50": results.get("article", {}).get("50", {}).get("p99_ms"),
               "home_p99_ms_at_50": results.get("home", {}).get("50", {}).get("p99_ms"),
               "errors": sum(r["errors"] for k in results.values() for r in k.values())}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
