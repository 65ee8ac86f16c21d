"""`broadsheet demo` as the README runs it: a real process, its own outlets on loopback, news on the home page."""
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _session_members(sid: int) -> list[int]:
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def test_demo_serves_news_from_several_outlets_within_a_minute(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env["BROADSHEET_EMBEDDER"] = "tfidf"  # the model's start-up time is not what this test is about
    proc = subprocess.Popen([sys.executable, "-m", "broadsheet.cli", "demo", "--port", str(port)], cwd=tmp_path,
                            env=env, stdout=(tmp_path / "out.log").open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        deadline, home = time.monotonic() + 60, ""
        while time.monotonic() < deadline:
            try:
                home = httpx.get(f"http://127.0.0.1:{port}/", timeout=5).text
                if len(set(re.findall(r'href="/sources/(\d+)"', home))) >= 5:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        outlets = set(re.findall(r'href="/sources/(\d+)"', home))
        assert len(outlets) >= 5, home[:2000]
        article = re.search(r'href="(/articles/\d+)"', home).group(1)
        page = httpx.get(f"http://127.0.0.1:{port}{article}", timeout=5)
        assert page.status_code == 200 and "<h1" in page.text
        assert (tmp_path / "broadsheet-demo.db").exists()  # SQLite, in the directory it was started from
    finally:
        proc.terminate()
        code = proc.wait(30)
    assert code == 0
    deadline = time.monotonic() + 10
    while _session_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _session_members(proc.pid) == []  # no CPU worker, forkserver or server left running
    out = (tmp_path / "out.log").read_text()
    assert re.search(r"Demo admin: sign in as 'admin' with password \S{8,}", out), out
