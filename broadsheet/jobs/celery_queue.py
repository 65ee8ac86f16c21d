"""``Queue`` on Celery: enqueue sends the named task to the broker; the scheduler (in `serve`, or in
`broadsheet worker --scheduler`) sends ``refresh_due`` every tick. Sending never blocks a request for long."""
from __future__ import annotations

import logging
import threading
import time

from ..errors import BroadsheetError
from . import tasks
from .celery_app import TASK_NAME, make_celery, safe_url
from .ticker import Ticker

log = logging.getLogger(__name__)
SEND_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


class QueueUnavailable(BroadsheetError):
    code, status = "queue_unavailable", 503


class CeleryQueue(Ticker):
    def __init__(self, settings, tick_seconds: float = 30.0, scheduler: bool = True):
        super().__init__(tick_seconds, scheduler)
        self.settings = settings
        self.app = make_celery(self.settings)

    def enqueue(self, task: str, **kwargs) -> None:
        if task not in tasks.TASKS:
            raise KeyError(task)
        try:
            self.app.send_task(TASK_NAME, args=[task, kwargs], retry=True, retry_policy=SEND_RETRY)
        except Exception as e:  # kombu's OperationalError and friends: the broker is down or unreachable
            self.last_error = f"{task}: {e}"
            log.error("could not send %s %s to %s: %s", task, kwargs, safe_url(self.settings.broker_url), e)
            raise QueueUnavailable(f"The job queue at {safe_url(self.settings.broker_url)} cannot be reached, so "
                                   f"'{task}' was not queued: {e}") from e
        self.last_run = time.time()
        self.last_error = None

    def _tick(self) -> None:
        try:
            self.enqueue("refresh_due")
        except QueueUnavailable:
            pass  # logged; tried again next tick

    def pending(self) -> int | None:
        """Jobs waiting in the broker (Redis only; None elsewhere or when it cannot be asked)."""
        try:
            with self.app.connection_for_write() as conn:
                client = getattr(conn.default_channel, "client", None)
                return int(client.llen(self.settings.celery_queue)) if client is not None else None
        except Exception:
            return None

    def status(self) -> dict:
        return {"backend": "celery", "broker": safe_url(self.settings.broker_url),
                "running": self._thread is not None and not self._stop.is_set(), "pending": self.pending(),
                "last_run": self.last_run, "last_error": self.last_error}
