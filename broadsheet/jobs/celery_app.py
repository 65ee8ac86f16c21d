"""The distributed backend (``BROADSHEET_QUEUE=celery``): the same named tasks (``jobs/tasks.py``), run by
``broadsheet worker`` processes that take them from a Redis broker (``BROADSHEET_BROKER_URL``).

One Celery task, ``broadsheet.run(task, kwargs)``, carries every named task, so adding a task never touches this
file. Each worker process builds its own Context (store connections, pipeline) on its first job, after the fork.
Jobs are acknowledged late: a worker that dies mid-job leaves the job for another worker, and every task is
idempotent (refreshing a source twice stores nothing twice).
"""
from __future__ import annotations

import logging
import threading
from urllib.parse import urlsplit

from celery import Celery

from . import tasks

log = logging.getLogger(__name__)
TASK_NAME = "broadsheet.run"
SINGLE_FLIGHT = {"refresh_due"}  # at most one running at a time across all workers (a Redis lock)


def safe_url(url: str) -> str:
    """The broker URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


def make_celery(settings) -> Celery:
    app = Celery("broadsheet", broker=settings.broker_url, set_as_current=False)
    app.conf.update(
        task_serializer="json", accept_content=["json"], task_ignore_result=True, task_acks_late=True,
        task_reject_on_worker_lost=True, worker_prefetch_multiplier=1, broker_connection_retry_on_startup=True,
        task_default_queue=settings.celery_queue, worker_hijack_root_logger=False,
        broker_transport_options={"visibility_timeout": 3600})
    state: dict = {}
    lock = threading.Lock()

    def context():
        with lock:
            if "ctx" not in state:
                from ..context import build_context
                state["ctx"] = build_context(settings, with_queue=True, scheduler=False)
            return state["ctx"]

    @app.task(name=TASK_NAME, ignore_result=True, shared=False)
    def run(task: str, kwargs: dict) -> None:
        if task in SINGLE_FLIGHT and settings.broker_url.startswith(("redis://", "rediss://")):
            import redis

            guard = redis.Redis.from_url(settings.broker_url).lock(f"{settings.celery_queue}:{task}", timeout=3600,
                                                                   blocking=False)
            if not guard.acquire():
                log.info("%s is already running on another worker: skipped", task)
                return
            try:
                tasks.run(context(), task, **kwargs)
            finally:
                guard.release()
            return
        tasks.run(context(), task, **kwargs)

    app.broadsheet_context = context  # for `broadsheet worker` and the tests
    return app
