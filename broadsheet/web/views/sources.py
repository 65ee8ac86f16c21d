"""``/sources``: every source with its health, and the forms to add, pause, resume, refresh and remove one.

Forms follow Post/Redirect/Get: a successful POST redirects (303) to a page that shows a notice (see notices.py).
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...errors import BroadsheetError
from ..access import SourceGuard
from ..deps import Ctx
from ..notices import Notice
from ..pagination import Page, PageNumber
from ..templating import render

router = APIRouter(prefix="/sources", include_in_schema=False, dependencies=[SourceGuard])
FormText = Annotated[str, Form(max_length=2048)]


def _sources_page(request, ctx, page: int = 1, status_code: int = 200, **extra):
    sources = Page.fetch(ctx.store.sources.list, page, ctx.settings.page_size, "/sources")
    queue = ctx.queue.status() if ctx.queue is not None else None
    return render(request, "sources.html", status_code, page=sources, queue=queue, **extra)


def _back(source_id: int | None, done: str, back_to: str = "list") -> RedirectResponse:
    where = f"/sources/{source_id}" if back_to == "source" and source_id else "/sources"
    return RedirectResponse(f"{where}?done={done}", status_code=303)


@router.get("", response_class=HTMLResponse)
def sources_page(request: Request, ctx: Ctx, notice: Notice, page: PageNumber = 1):
    return _sources_page(request, ctx, page, notice=notice)


@router.post("", response_class=HTMLResponse)
def add_source(request: Request, ctx: Ctx, url: FormText = "", folder: FormText = ""):
    try:
        source = ctx.pipeline.add(url.strip(), folder=folder.strip() or None)
    except BroadsheetError as e:  # shown next to the form, with what the user typed
        return _sources_page(request, ctx, status_code=e.status, add_error=e, form={"url": url, "folder": folder})
    return _back(source["id"], "added", "source")


@router.post("/{source_id}/pause")
def pause_source(ctx: Ctx, source_id: int, back_to: FormText = "list"):
    ctx.store.sources.update(source_id, paused=True)
    return _back(source_id, "paused", back_to)


@router.post("/{source_id}/resume")
def resume_source(ctx: Ctx, source_id: int, back_to: FormText = "list"):
    ctx.store.sources.update(source_id, paused=False)
    return _back(source_id, "resumed", back_to)


@router.post("/{source_id}/refresh")
def refresh_source(ctx: Ctx, source_id: int, back_to: FormText = "list"):
    ctx.store.sources.get(source_id)  # 404 before anything is queued
    if ctx.queue is not None:
        ctx.queue.enqueue("refresh_source", source_id=source_id)
        return _back(source_id, "refresh_queued", back_to)
    result = ctx.pipeline.refresh(source_id)
    return _back(source_id, "refresh_failed" if result.error else "refreshed", back_to)


@router.get("/{source_id}/remove", response_class=HTMLResponse)
def confirm_remove(request: Request, ctx: Ctx, source_id: int):
    source = ctx.store.sources.get(source_id)
    return render(request, "source_remove.html", source=source, article_count=ctx.store.articles.count(source_id))


@router.post("/{source_id}/remove")
def remove_source(ctx: Ctx, source_id: int):
    ctx.store.sources.delete(source_id)
    return _back(None, "removed")
