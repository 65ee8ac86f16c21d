"""What the HTTP load benchmarks share: `broadsheet serve` started on a free loopback port, wrk's output read, and
the server's CPU time per request (bench/web.py, bench/sync.py, bench/comments.py)."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_wrk(out: str) -> dict:
    def ms(v: str) -> float:
        num, unit = re.match(r"([\d.]+)(\w+)", v).groups()
        return float(num) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    lat = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
    return {"rps": round(rps, 1), "p50_ms": round(ms(lat["50"]), 2), "p99_ms": round(ms(lat["99"]), 2),
            "errors": errors, "requests": requests}


def server_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of the server process and its worker processes so far (Linux /proc), or None."""
    try:
        pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        ticks = 0
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def served(database_url: str, workers: int, ready_path: str = "/", env: dict | None = None
           ) -> Iterator[tuple[subprocess.Popen, str]]:
    """`broadsheet serve --workers N` on the store, answering ``ready_path``: yields (process, base URL)."""
    port = free_port()
    environ = {**os.environ, "BROADSHEET_DATABASE_URL": database_url, "BROADSHEET_REFRESH_MINUTES": "100000",
               **(env or {})}
    server = subprocess.Popen([sys.executable, "-m", "broadsheet.cli", "serve", "--host", "127.0.0.1", "--port",
                               str(port), "--workers", str(workers)], env=environ, cwd=str(ROOT))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(base + ready_path, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            raise SystemExit("server did not start")
        yield server, base
    finally:
        server.terminate()
        server.wait(timeout=20)


def measured(server_pid: int, run: Callable[[], dict]) -> dict:
    """One wrk cell, with the load average before it and the server's CPU time per request during it."""
    load = round(os.getloadavg()[0], 2)
    before = server_cpu_seconds(server_pid)
    r = run()
    after = server_cpu_seconds(server_pid)
    r["server_cpu_us_per_request"] = (round((after - before) / r["requests"] * 1e6)
                                      if None not in (before, after) and r["requests"] else None)
    r["load_before"] = load
    return r


def run_cells(server_pid: int, kinds: list[str], connections: list[int], run: Callable[[str, int], dict]) -> dict:
    """Every endpoint × connection count through ``run(kind, conns)``, a table row printed as each ends:
    {kind: {str(conns): figures}}."""
    width = max(map(len, kinds + ["endpoint"])) + 1
    print(f"{'endpoint':{width}} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
          f"{'cpu us/req':>10} {'load':>5}")
    results: dict = {}
    for kind in kinds:
        for conns in connections:
            r = measured(server_pid, lambda: run(kind, conns))
            results.setdefault(kind, {})[str(conns)] = r
            print(f"{kind:{width}} {conns:5d} {r['rps']:9.1f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} {r['errors']:7d} "
                  f"{r['server_cpu_us_per_request'] or 0:10d} {r['load_before']:5.2f}", flush=True)
    return results


def corpus_args(description: str, endpoints: tuple[str, ...]):
    """The options of the benchmarks on a generated 100,000-article store (bench/web.py, bench/sync.py)."""
    import argparse

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", help="unused: this benchmark generates its own store (kept for a uniform interface)")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--connections", default="1,20,50")
    ap.add_argument("--endpoints", default=",".join(endpoints))
    ap.add_argument("--workers", type=int, default=2, help="web worker processes (`broadsheet serve --workers`)")
    ap.add_argument("--database-url", help="default: a fresh SQLite file in a temp dir (kept with --keep)")
    ap.add_argument("--store", help="reuse a SQLite file built by an earlier run (--keep) instead of building one")
    ap.add_argument("--keep", action="store_true", help="keep the generated store (its path is printed)")
    return ap.parse_args()


def corpus_store(args, tmp: Path, name: str, build: Callable) -> str:
    """The store's URL: ``--database-url``, ``--store``, or a new one built in ``tmp`` (its build timed)."""
    url = args.database_url or (f"sqlite:///{args.store}" if args.store else f"sqlite:///{tmp / name}")
    if not args.store:
        print(f"Building a store of {args.articles:,} articles at {url} …", flush=True)
        t = time.perf_counter()
        build(url, args.articles).close()
        print(f"  built in {time.perf_counter() - t:.0f} s", flush=True)
    return url
