"""`broadsheet serve --workers 2` as a user runs it: a real process tree on a free port, one socket per worker."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from broadsheet.web.serve_workers import HAS_REUSEPORT, reuseport_socket

pytestmark = pytest.mark.skipif(not HAS_REUSEPORT, reason="SO_REUSEPORT is Linux/BSD only")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> set[int]:
    kids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.add(int(stat.parent.name))
    return kids


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


def test_two_workers_serve_then_stop_cleanly(tmp_path):
    port = _free_port()
    env = dict(os.environ, BROADSHEET_DATABASE_URL=f"sqlite:///{tmp_path / 'serve.db'}")
    proc = subprocess.Popen([sys.executable, "-m", "broadsheet.cli", "serve", "--workers", "2", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(f"http://127.0.0.1:{port}/")
        workers = {p for p in _children(proc.pid)
                   if "multiprocessing" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")
                   and "spawn_main" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")}
        assert len(workers) == 2
        # Every new connection is answered, whichever worker the kernel hands it to.
        for _ in range(40):
            with httpx.Client() as client:
                assert client.get(f"http://127.0.0.1:{port}/sources").status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
        time.sleep(0.5)
        assert not any(Path(f"/proc/{p}").exists() for p in workers)  # no worker left behind
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_port_in_use_fails_before_any_worker_starts(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError):
            reuseport_socket("127.0.0.1", port, listen=False)
