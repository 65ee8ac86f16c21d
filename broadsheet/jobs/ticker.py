"""The scheduler thread both queue backends share: every ``tick`` seconds it calls ``_tick()`` (refresh what is
due), until ``stop()``. Only one process of a deployment runs it (``scheduler=True``)."""
from __future__ import annotations

import threading


class Ticker:
    def __init__(self, tick_seconds: float, scheduler: bool):
        self.scheduler = scheduler
        self.tick = tick_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_run: float | None = None
        self.last_error: str | None = None

    def _tick(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        if self._thread is None and self.scheduler:
            self._thread = threading.Thread(target=self._loop, name="broadsheet-scheduler", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._tick()
            self._stop.wait(self.tick)

    def stop(self) -> None:
        self._stop.set()
