"""The default backend: a scheduler thread inside `broadsheet serve` plus a small worker pool for enqueued jobs."""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from . import tasks
from .ticker import Ticker

log = logging.getLogger(__name__)


class InProcessQueue(Ticker):
    def __init__(self, context, tick_seconds: float = 30.0, workers: int = 2, scheduler: bool = True):
        # scheduler=False: web worker processes run enqueued jobs but leave scheduling to one process
        super().__init__(tick_seconds, scheduler)
        self.ctx = context
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="broadsheet-job")
        self._pending = 0
        self._lock = threading.Lock()

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

    def _tick(self) -> None:
        self._run("refresh_due", {})

    def stop(self) -> None:
        super().stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def status(self) -> dict:
        return {"backend": "inprocess", "running": self._thread is not None and not self._stop.is_set(),
                "pending": self._pending, "last_run": self.last_run, "last_error": self.last_error}
