"""The default backend: a scheduler thread inside `broadsheet serve` plus a small worker pool for enqueued jobs."""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from . import tasks

log = logging.getLogger(__name__)


class InProcessQueue:
    def __init__(self, context, tick_seconds: float = 30.0, workers: int = 2, scheduler: bool = True):
        self.ctx = context
        self.scheduler = scheduler  # web worker processes run enqueued jobs but leave scheduling to one process
        self.tick = tick_seconds
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="broadsheet-job")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pending = 0
        self._lock = threading.Lock()
        self.last_run: float | None = None
        self.last_error: str | None = None

    def enqueue(self, task: str, **kwargs) -> None:
        if task not in tasks.TASKS:
            raise KeyError(task)
        with self._lock:
            self._pending += 1
        self._pool.submit(self._run, task, kwargs)

    def _run(self, task, kwargs):
        try:
            tasks.run(self.ctx, task, **kwargs)
            self.last_error = None
        except Exception as e:  # logged with context in tasks.run
            self.last_error = f"{task}: {e}"
        finally:
            with self._lock:
                self._pending -= 1
            self.last_run = time.time()

    def start(self) -> None:
        if self._thread is None and self.scheduler:
            self._thread = threading.Thread(target=self._loop, name="broadsheet-scheduler", daemon=True)
            self._thread.start()

    def _loop(self):
        while not self._stop.is_set():
            self._run("refresh_due", {})
            self._stop.wait(self.tick)

    def stop(self) -> None:
        self._stop.set()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def status(self) -> dict:
        return {"backend": "inprocess", "running": self._thread is not None and not self._stop.is_set(),
                "pending": self._pending, "last_run": self.last_run, "last_error": self.last_error}
