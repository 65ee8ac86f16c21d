"""One SQLite writer at a time across processes, in arrival order.

SQLite lets one transaction write at a time; a writer that finds the lock taken sleeps in growing steps (up to 100
ms) and tries again, so with several `serve` workers writing, a few writes wait far longer than the rest. Here a
writer first takes an in-process lock, then an exclusive ``flock`` on a file beside the database: the kernel wakes
a blocked waiter as soon as the lock is free, with no polling. Re-entrant within a thread."""
from __future__ import annotations

import fcntl
import os
import threading
from contextlib import contextmanager


class WriteQueue:
    def __init__(self, database_path: str | None):
        self._lock = threading.RLock()
        self._depth = threading.local()
        self._fd = None
        if database_path:  # a file database; ":memory:" has only this process
            self._fd = os.open(database_path + "-writelock", os.O_RDWR | os.O_CREAT, 0o600)

    @contextmanager
    def turn(self):
        with self._lock:
            depth = getattr(self._depth, "n", 0)
            self._depth.n = depth + 1
            try:
                if depth == 0 and self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    if depth == 0 and self._fd is not None:
                        fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                self._depth.n = depth

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
