"""Tasks by name: each takes the app context (settings, store, pipeline) and keyword arguments."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def refresh_source(ctx, source_id: int):
    return ctx.pipeline.refresh(source_id)


def refresh_due(ctx):
    return ctx.pipeline.refresh_due()


TASKS = {"refresh_source": refresh_source, "refresh_due": refresh_due}


def run(ctx, task: str, **kwargs):
    try:
        return TASKS[task](ctx, **kwargs)
    except Exception:
        log.exception("task %s failed (%s)", task, kwargs)
        raise
