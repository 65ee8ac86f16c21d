"""JSON API v1: one router per resource, every error in the one shape, its own OpenAPI document."""
from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi

from .articles import router as articles_router
from .comments import router as comments_router
from .related import router as related_router
from .schemas import ErrorResponse
from .search import router as search_router
from .sources import router as sources_router
from .stories import router as stories_router
from .entities import router as entities_router
from .topics import router as topics_router
from .ask import router as ask_router

API_PREFIX = "/api/v1"
DESCRIPTION = ("Sources, articles and search of a Broadsheet news reader. Every error has the same shape: "
               '`{"error": {"code", "message", "status", "detail"}}`.')
COMMON_ERRORS = {code: {"model": ErrorResponse, "description": why} for code, why in (
    (400, "Invalid input"), (404, "Not found"), (422, "Invalid input (field details in error.detail)"),
    (500, "Unexpected error"))}

api_router = APIRouter(responses=COMMON_ERRORS)
for _router in (articles_router, search_router, sources_router, related_router):  # tried in this order: the most requested first
    api_router.include_router(_router)
for _router in (stories_router, entities_router, topics_router, ask_router):  # the enrich stage's resources
    api_router.include_router(_router)
api_router.include_router(comments_router)


def openapi_route(app: FastAPI):
    """The endpoint serving the API's OpenAPI document, built once from the app's ``/api/v1`` routes."""
    cache: dict = {}

    async def openapi() -> dict:
        if not cache:  # web pages are left out of every schema; only /api/v1 paths are kept to be sure
            doc = get_openapi(title="Broadsheet API", version="1.0.0", routes=app.routes, description=DESCRIPTION)
            doc["paths"] = {p: ops for p, ops in doc["paths"].items() if p.startswith(API_PREFIX + "/")}
            cache.update(doc)
        return cache

    return openapi
