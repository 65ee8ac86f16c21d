"""Comments: the article page with 200 threaded comments, and posting a comment (signed-in sessions, CSRF).

Builds a small store (one source, two articles; 200 comments from 20 users on the first, threaded: a quarter
top-level, the rest replies to an earlier comment), starts `broadsheet serve` on loopback and drives it with
Debian's `wrk` at 1, 20 and 50 connections for --seconds each. Reports requests/s, p50/p99 and errors (non-2xx/3xx
and socket errors) and the load average before each cell; ends with one line of JSON. See docs/BENCHMARKS.md,
"Comments".

    python bench/comments.py [--data DIR] [--seconds 10] [--workers 2] [--connections 1,20,50] [--database-url URL]

Endpoints:
- ``page``: ``GET /articles/{id}`` with 200 comments as a signed-in reader (a session cookie: never answered from
  the page cache, so every request reads the thread and renders it, reply forms and CSRF tokens included);
- ``page-anon``: the same page for a visitor without cookies (the page cache may answer);
- ``post``: ``POST /comments`` (form: CSRF token, kind, target, body) on the second article, each request from one
  of 50 signed-in users picked at random; success is the 303 back to the comment. The per-user rate limit is set
  out of the way (BROADSHEET_COMMENT_RATE_LIMIT=1000000/1s) but still checked and recorded on every post.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench._serve import parse_wrk, run_cells, served  # noqa: E402

COMMENTS = 200
POSTERS = 50
LUA = """
math.randomseed(%(seed)d)
local sessions = {%(sessions)s}
request = function()
  local kind = "%(kind)s"
  if kind == "post" then
    local s = sessions[math.random(1, #sessions)]
    local body = "csrf_token=" .. s[2] .. "&kind=article&target_id=%(post_id)d&body=Benchmark+comment+" ..
                 math.random(1, 1000000) .. "+with+*emphasis*+and+https%%3A%%2F%%2Fexample.org%%2Fa"
    return wrk.format("POST", "/comments", {["Cookie"] = "broadsheet_session=" .. s[1],
      ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
  elseif kind == "page" then
    return wrk.format("GET", "/articles/%(page_id)d", {["Cookie"] = "broadsheet_session=" .. sessions[1][1]})
  end
  return wrk.format("GET", "/articles/%(page_id)d")
end
"""
ENDPOINTS = ("page", "page-anon", "post")


def build(url: str) -> tuple[int, int, list[tuple[str, str]]]:
    """The store: (article with 200 comments, article to post on, [(session token, csrf token)] of POSTERS users)."""
    from broadsheet.accounts.passwords import hash_password
    from broadsheet.model import ArticleRecord
    from broadsheet.store import Store
    from broadsheet.store.clock import utcnow

    rng = random.Random(7)
    store = Store(url)
    source = store.sources.add("https://bench.example/feed.xml", "feed", title="Bench Gazette")
    store.sources.update(source["id"], paused=True)  # nothing to fetch: the server's scheduler leaves it alone
    text = " ".join(f"word{i}" for i in range(600))
    store.articles.save(source["id"], [ArticleRecord(
        url=f"https://bench.example/{slug}", canonical_url=f"https://bench.example/{slug}", title=f"Story {slug}",
        published_at=utcnow(), content_text=text, content_html=f"<p>{text}</p>", content_hash=f"{slug}-hash",
        word_count=600) for slug in ("discussed", "posted-on")])
    ids = {a["title"]: a["id"] for a in store.articles.latest(10)}
    page_id, post_id = ids["Story discussed"], ids["Story posted-on"]
    password_hash = hash_password("benchmark password")
    users = [store.users.add(f"reader{i}", password_hash) for i in range(POSTERS)]
    made: list[int] = []
    for i in range(COMMENTS):
        parent = rng.choice(made) if made and rng.random() > 0.25 else None
        body = (f"Comment {i}: a *fair* point about `the bridge`, see https://example.org/{i}. " * rng.randint(1, 4))
        made.append(store.comments.create(users[i % 20]["id"], "article", page_id, body.strip(), parent)["id"])
    sessions = [store.sessions.create(u["id"], timedelta(days=1)) for u in users]
    store.close()
    return page_id, post_id, sessions


def run_wrk(base: str, kind: str, conns: int, seconds: int, lua: dict, tmp: Path) -> dict:
    script = tmp / f"{kind}.lua"
    script.write_text(LUA % {**lua, "kind": kind})
    out = subprocess.run(["wrk", "-t", str(min(conns, 2)), "-c", str(conns), "-d", f"{seconds}s", "--latency",
                          "-s", str(script), base], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="folder for the generated store (default: a temp folder, removed after)")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", default="1,20,50")
    ap.add_argument("--endpoints", default=",".join(ENDPOINTS))
    ap.add_argument("--workers", type=int, default=2, help="web worker processes (`broadsheet serve --workers`)")
    ap.add_argument("--database-url", help="default: a fresh SQLite file in --data")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        print(json.dumps({"bench": "comments", "skipped": True, "reason": "wrk not installed"}))
        return 0
    tmp = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="bs-comments-"))
    tmp.mkdir(parents=True, exist_ok=True)
    url = args.database_url or f"sqlite:///{tmp / f'comments-{os.getpid()}.db'}"
    page_id, post_id, sessions = build(url)
    lua = {"seed": 42, "page_id": page_id, "post_id": post_id,
           "sessions": ", ".join(f'{{"{t}", "{c}"}}' for t, c in sessions)}
    results: dict = {}
    try:
        env = {"BROADSHEET_COMMENT_RATE_LIMIT": "1000000/1s", "BROADSHEET_ENRICH": "false"}
        with served(url, args.workers, ready_path=f"/articles/{page_id}", env=env) as (server, base):
            page = httpx.get(f"{base}/articles/{page_id}", cookies={"broadsheet_session": sessions[0][0]}).text
            shown = page.count('class="comment comment--depth-')
            assert shown == COMMENTS, f"the page shows {shown} comments, expected {COMMENTS}"
            for kind in args.endpoints.split(","):  # warm up
                run_wrk(base, kind, 2, 1, lua, tmp)
            results = run_cells(server.pid, args.endpoints.split(","), list(map(int, args.connections.split(","))),
                                lambda kind, conns: run_wrk(base, kind, conns, args.seconds, lua, tmp))
    finally:
        if not args.data:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps({"bench": "comments", "comments_on_page": COMMENTS, "workers": args.workers,
                      "seconds": args.seconds, "cpus": os.cpu_count(), "database": url.split(":")[0],
                      "results": results, "page_p99_ms_at_20": results.get("page", {}).get("20", {}).get("p99_ms"),
                      "post_p99_ms_at_20": results.get("post", {}).get("20", {}).get("p99_ms"),
                      "errors": sum(r["errors"] for k in results.values() for r in k.values())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
