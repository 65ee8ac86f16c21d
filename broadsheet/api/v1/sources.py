"""``/api/v1/sources``: list, add, read, change, remove and refresh sources."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from ...errors import InvalidInput
from ...web.deps import Ctx
from .auth import admin_once_admin_exists
from .schemas import ErrorResponse, RefreshOutcome, Source, SourceChanges, SourceCreate, SourceList

router = APIRouter(prefix="/sources", tags=["sources"], dependencies=[Depends(admin_once_admin_exists)])
ADD_ERRORS = {code: {"model": ErrorResponse, "description": why} for code, why in (
    (409, "Already a source"), (502, "The address could not be fetched"),
    (422, "Invalid input, or nothing readable at the address"))}


def _with_count(ctx, source: dict) -> dict:
    return {**source, "article_count": ctx.store.articles.count(source["id"])}


@router.get("", response_model=SourceList, summary="All sources with their health and article counts")
def list_sources(ctx: Ctx):
    return {"items": ctx.store.sources.list()}


@router.post("", status_code=201, response_model=Source, responses=ADD_ERRORS,
             summary="Add a feed, sitemap, site or article page, and ingest it once")
def add_source(ctx: Ctx, body: SourceCreate, request: Request, response: Response):
    source = ctx.pipeline.add(body.url.strip(), folder=(body.folder or "").strip() or None)
    response.headers["Location"] = f"{request.url.path.rstrip('/')}/{source['id']}"
    return _with_count(ctx, source)


@router.get("/{source_id}", response_model=Source)
def get_source(ctx: Ctx, source_id: int):
    return _with_count(ctx, ctx.store.sources.get(source_id))


@router.patch("/{source_id}", response_model=Source, summary="Rename, move to a folder, pause or resume")
def change_source(ctx: Ctx, source_id: int, body: SourceChanges):
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise InvalidInput("Nothing to change: send title, folder or paused", code="invalid_input")
    if "paused" in changes and changes["paused"] is None:
        raise InvalidInput("paused must be true or false", code="invalid_input", detail=[{"field": "paused"}])
    for key in ("title", "folder"):
        if key in changes:
            changes[key] = (changes[key] or "").strip() or None
    return _with_count(ctx, ctx.store.sources.update(source_id, **changes))


@router.delete("/{source_id}", status_code=204, response_class=Response, summary="Remove a source and its articles")
def remove_source(ctx: Ctx, source_id: int):
    ctx.store.sources.delete(source_id)


@router.post("/{source_id}/refresh", status_code=202, response_model=RefreshOutcome,
             responses={200: {"model": RefreshOutcome, "description": "Refreshed now (no job queue running)"}},
             summary="Fetch the source again now")
def refresh_source(ctx: Ctx, source_id: int, response: Response):
    ctx.store.sources.get(source_id)  # 404 before anything is queued
    if ctx.queue is not None:
        ctx.queue.enqueue("refresh_source", source_id=source_id)
        return RefreshOutcome(source_id=source_id, queued=True)
    result = ctx.pipeline.refresh(source_id)
    response.status_code = 200
    return RefreshOutcome(source_id=source_id, queued=False, inserted=result.inserted, updated=result.updated,
                          not_modified=result.not_modified, error=result.error, item_errors=result.item_errors)
