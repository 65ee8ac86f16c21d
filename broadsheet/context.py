"""What a running Broadsheet holds: settings, the store, the pipeline, the job queue. Built once by the CLI or the
web app factory, the only callers that choose concrete backends."""
from __future__ import annotations

from dataclasses import dataclass

from .config import Settings
from .pipeline import Pipeline
from .store import Store


@dataclass
class Context:
    settings: Settings
    store: Store
    pipeline: Pipeline
    queue: object | None = None

    def close(self) -> None:
        if self.queue is not None:
            self.queue.stop()
        self.pipeline.close()
        self.store.close()


def build_context(settings: Settings, with_queue: bool = False, scheduler: bool = True) -> Context:
    store = Store(settings.database_url)
    ctx = Context(settings, store, Pipeline(settings, store))
    if with_queue:
        from .jobs.queue import make_queue
        ctx.queue = make_queue(settings, ctx, scheduler=scheduler)
        if settings.enrich:  # new articles go through the enrich stage as a background job
            from .jobs.tasks import queue_enrichment
            ctx.pipeline.on_stored = lambda source_id: queue_enrichment(ctx, source_id)
    return ctx
