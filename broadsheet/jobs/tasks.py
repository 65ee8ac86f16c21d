"""Tasks by name: each takes the app context (settings, store, pipeline) and keyword arguments."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def refresh_source(ctx, source_id: int):
    return ctx.pipeline.refresh(source_id)


def refresh_due(ctx):
    return ctx.pipeline.refresh_due()


def enrich_articles(ctx, article_ids: list[int] | None = None):
    """The enrich stage (broadsheet/enrich/stage.py) on these articles; default: every one not enriched yet."""
    from ..enrich.service import enrich_service
    return enrich_service(ctx.settings, ctx.store).enrich(article_ids)


def queue_enrichment(ctx, source_id: int) -> None:
    """After a refresh stored new articles: queue an enrich task for the source's articles not enriched yet."""
    from ..enrich.article_rows import ids

    new = ids(ctx.store, pending_only=True, source_id=source_id)
    if new:
        ctx.queue.enqueue("enrich_articles", article_ids=new)


TASKS = {"refresh_source": refresh_source, "refresh_due": refresh_due, "enrich_articles": enrich_articles}


def run(ctx, task: str, **kwargs):
    try:
        return TASKS[task](ctx, **kwargs)
    except Exception:
        log.exception("task %s failed (%s)", task, kwargs)
        raise
