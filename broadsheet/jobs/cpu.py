"""CPU-bound ingestion stages in worker processes, so that they use every core instead of sharing one GIL.

The pipeline's threads keep the I/O (fetching) and the store writes; what burns CPU goes through ``CpuPool.run``:
parsing a feed and turning its full-text entries into records (``read_feed``), and extracting an article page
(``record_from_page``). Those are pure functions of picklable values, defined in ``extract/records.py``; their results
are identical wherever they run (``tests/jobs`` checks).

The pool is created lazily: ``start()`` launches the processes in the background and returns at once; until they are
up, ``run`` does the work in the calling thread. Small jobs (one source added from the web) never call ``start()``
and so never pay the start-up. Processes come from the "forkserver" context (a clean process that has imported the
ingestion modules once; workers are forked from it), never from a plain fork of this multi-threaded process.
Worker log records are sent back and handled by this process's loggers. ``BROADSHEET_WORKERS`` = 0 or 1 turns the
pool off.

As with any multiprocessing start method but "fork", a worker imports the main script of the program as
``__mp_main__``: a script that refreshes sources must do so under ``if __name__ == "__main__":`` (the CLI, the web
server and pytest are fine). If the workers cannot start, ingestion goes on in-thread and a warning is logged.
"""
from __future__ import annotations

import logging
import logging.handlers
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, TypeVar

from ..errors import BroadsheetError

log = logging.getLogger(__name__)
T = TypeVar("T")
START_TIMEOUT = 60.0  # seconds a call waits for a restarted pool
WORKER_MODULES = ["broadsheet.extract.records", "broadsheet.jobs.cpu"]  # imported once, by the fork server


class WorkerDied(BroadsheetError):
    code, status = "worker_died", 500


def _context():
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(WORKER_MODULES)
    return ctx


def _init_worker(log_queue, level: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it shuts the pool down
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(logging.handlers.QueueHandler(log_queue))
    root.setLevel(level)


def _ping() -> int:
    return os.getpid()


class CpuPool:
    """One pool of worker processes (owned by a Pipeline; ``close()`` ends them). Thread-safe."""

    def __init__(self, workers: int):
        self.workers = workers if workers > 1 else 0
        self._executor: ProcessPoolExecutor | None = None
        self._ready = threading.Event()  # the workers answered: work goes to them
        self._settled = threading.Event()  # the last start finished, well or not
        self._lock = threading.Lock()
        self._closed = False
        self._log_queue = None
        self._log_thread: threading.Thread | None = None

    @property
    def ready(self) -> bool:
        """True when work sent to ``run`` goes to the worker processes."""
        return self._ready.is_set() and not self._closed

    def start(self, wait: float | None = None) -> bool:
        """Start the worker processes in the background, if there are to be any and they are not started yet.
        ``wait``: seconds to wait for them to be up. Returns ``ready``."""
        self._start()
        if wait and self.workers:
            self._settled.wait(wait)
        return self.ready

    def _start(self) -> None:
        with self._lock:
            if not self.workers or self._closed or self._executor is not None:
                return
            ctx = _context()
            if self._log_queue is None:
                self._log_queue = ctx.Queue()
                self._log_thread = threading.Thread(target=_forward_logs, args=(self._log_queue,), daemon=True,
                                                    name="broadsheet-cpu-logs")
                self._log_thread.start()
            executor = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                           initargs=(self._log_queue, logging.getLogger().getEffectiveLevel()))
            self._executor = executor
            self._settled.clear()
        threading.Thread(target=self._warm_up, args=(executor,), daemon=True, name="broadsheet-cpu-start").start()

    def _warm_up(self, executor: ProcessPoolExecutor) -> None:
        try:
            for future in [executor.submit(_ping) for _ in range(self.workers)]:
                future.result()
        except Exception as e:  # could not start processes (fork limits, a main script that fails): stay in-thread
            if not self._closed:
                log.warning("CPU worker processes could not start, working in-thread: %s", e)
        else:
            with self._lock:
                if executor is self._executor and not self._closed:
                    self._ready.set()
        finally:
            self._settled.set()

    def run(self, fn: Callable[..., T], *args) -> T:
        """``fn(*args)`` in a worker process when the pool is up, else in this thread. Exceptions raised by ``fn``
        come back as they are. If a worker process dies (killed, or a crash in a C extension), the pool is restarted
        and the call tried once more in the new one; a second death raises ``WorkerDied``."""
        executor = self._executor if self.ready else None
        if executor is None:
            return fn(*args)
        for attempt in (1, 2):
            try:
                return executor.submit(fn, *args).result()
            except BrokenProcessPool:
                log.error("a CPU worker process died running %s (attempt %d)", fn.__name__, attempt)
                self._restart(executor)
                if attempt == 2 or not self._settled.wait(START_TIMEOUT) or not self.ready:
                    break
                executor = self._executor
            except RuntimeError:  # the pool was shut down meanwhile (close)
                return fn(*args)
        raise WorkerDied(f"A worker process died twice running {fn.__name__}")

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is not broken:
                return  # another thread did it already
            self._executor = None
            self._ready.clear()
            self._settled.clear()
        broken.shutdown(wait=False, cancel_futures=True)
        self._start()

    def pids(self) -> list[int]:
        """Process ids of the live workers (for status pages and benchmarks)."""
        executor = self._executor
        processes = getattr(executor, "_processes", None) or {}
        return [p.pid for p in list(processes.values()) if p.is_alive()]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
            self._ready.set()  # wakes calls waiting for a restart; `ready` is False from now on
            self._settled.set()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        if self._log_queue is not None:
            self._log_queue.put(None)
            if self._log_thread is not None:
                self._log_thread.join(5)
            self._log_queue.close()
            self._log_queue = None


def _forward_logs(queue) -> None:
    """Hand the workers' log records to this process's loggers (its handlers, levels and format)."""
    while True:
        try:
            record = queue.get()
        except (EOFError, OSError):
            return
        if record is None:
            return
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)
