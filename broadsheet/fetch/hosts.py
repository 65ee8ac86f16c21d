"""Per-host politeness: a cap on concurrent requests to one host and a minimum gap between their starts."""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterator


class _HostState:
    __slots__ = ("slots", "next_start")

    def __init__(self, concurrency: int):
        self.slots = threading.BoundedSemaphore(concurrency)
        self.next_start = 0.0


class HostLimiter:
    """Thread-safe; one instance is shared by every thread that uses a Fetcher.

    ``with limiter.slot("example.com:443"): ...`` waits for a free slot for that host, then until at least
    ``delay`` seconds have passed since the previous request to it started.
    """

    def __init__(self, concurrency: int, delay: float):
        self.concurrency = max(1, concurrency)
        self.delay = max(0.0, delay)
        self._hosts: dict[str, _HostState] = {}
        self._lock = threading.Lock()

    def _state(self, host: str) -> _HostState:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _HostState(self.concurrency)
            return state

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        state = self._state(host)
        state.slots.acquire()
        try:
            with self._lock:  # reserve a start time, so concurrent waiters are spaced out, not bunched
                now = time.monotonic()
                start = max(now, state.next_start)
                state.next_start = start + self.delay
            if start > now:
                time.sleep(start - now)
            yield
        finally:
            state.slots.release()
