"""The small job interface every backend implements. Stages never know which backend runs them.

Tasks are plain functions registered by name in ``broadsheet.jobs.tasks``; a backend only decides *where* they run.
"""
from __future__ import annotations

from typing import Protocol


class Queue(Protocol):
    def enqueue(self, task: str, **kwargs) -> None:
        """Run ``task`` soon, outside the caller's request."""

    def start(self) -> None:
        """Begin running due work in the background (the scheduler)."""

    def stop(self) -> None:
        ...

    def status(self) -> dict:
        """What the backend is doing now, for the UI: {"backend", "running", "pending", "last_run", ...}."""


def make_queue(settings, context, scheduler: bool = True) -> Queue:
    """The one place that chooses the queue backend (``BROADSHEET_QUEUE``)."""
    from ..errors import InvalidInput

    if settings.queue == "inprocess":
        from .inprocess import InProcessQueue
        return InProcessQueue(context, scheduler=scheduler)
    if settings.queue == "celery":
        from .celery_queue import CeleryQueue
        return CeleryQueue(settings, scheduler=scheduler)
    raise InvalidInput(f"Unknown BROADSHEET_QUEUE {settings.queue!r}: use 'inprocess' or 'celery'", code="bad_config")
