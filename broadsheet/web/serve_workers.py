"""`broadsheet serve --workers N`: N web processes, each with its own listening socket on the same port.

With one shared socket (uvicorn's own ``workers=``), whichever process wakes first takes the next connection, so
under load one worker holds most connections while the other idles, and the tail latency follows the busy one.
With SO_REUSEPORT every worker binds its own socket and the kernel spreads new connections evenly across them.
This process keeps the scheduler; the workers (web/asgi.py) only serve. A worker that dies is started again.
Where the platform has no SO_REUSEPORT, uvicorn's shared-socket workers are used instead.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import time

log = logging.getLogger(__name__)
HAS_REUSEPORT = hasattr(socket, "SO_REUSEPORT")


def reuseport_socket(host: str, port: int, listen: bool = True) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    if listen:
        sock.listen(2048)
    return sock


def _serve_one(host: str, port: int, database_url: str) -> None:
    """One worker process: its own socket, its own app and database connections."""
    os.environ["BROADSHEET_DATABASE_URL"] = database_url
    import uvicorn

    config = uvicorn.Config("broadsheet.web.asgi:worker_app", factory=True, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[reuseport_socket(host, port)])


def run_workers(host: str, port: int, workers: int, database_url: str) -> None:
    """Run ``workers`` web processes until this process is interrupted or terminated, then stop them all."""
    if not HAS_REUSEPORT:
        import uvicorn

        os.environ["BROADSHEET_DATABASE_URL"] = database_url
        uvicorn.run("broadsheet.web.asgi:worker_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False)
        return
    # Bound but not listening (so it takes no connections): a port in use fails here, not in every worker.
    guard = reuseport_socket(host, port, listen=False)
    spawn = multiprocessing.get_context("spawn")  # no fork of this process's threads and database connections
    stopping = False

    def start():
        proc = spawn.Process(target=_serve_one, args=(host, port, database_url), daemon=True)
        proc.start()
        return proc

    def stop(*_):
        nonlocal stopping
        stopping = True

    previous = signal.signal(signal.SIGTERM, stop)
    procs = [start() for _ in range(workers)]
    guard.close()
    try:
        while not stopping:
            time.sleep(0.5)
            for i, proc in enumerate(procs):
                if not proc.is_alive() and not stopping:
                    log.error("web worker %s exited with %s; starting another", proc.pid, proc.exitcode)
                    procs[i] = start()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        for proc in procs:
            proc.join(10)
            if proc.is_alive():
                proc.kill()
