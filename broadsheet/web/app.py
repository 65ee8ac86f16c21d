"""The app factory: web pages, static files and the JSON API (``/api/v1``) over one Context."""
from __future__ import annotations

import gc
from contextlib import asynccontextmanager

from fastapi import FastAPI

from ..api.sync import SYNC_ROUTES
from ..api.sync_paths import SyncPathSlashes
from ..api.v1 import API_PREFIX, api_router, openapi_route
from ..context import Context
from .auth import SessionMiddleware
from .body_limit import BodyLimitMiddleware
from .errors import install_error_handlers
from .page_cache import PageCache
from .same_origin import SameOriginMiddleware
from .templating import STATIC_DIR, VersionedStaticFiles
from .views import PAGES, ROUTERS

_frozen = False


def _freeze_startup_objects() -> None:
    """Move everything alive at startup (modules, routes, templates, schemas: a few hundred thousand objects) out
    of the garbage collector's sight, once per process: a full collection then scans only what requests leave
    behind, instead of pausing every request for tens of milliseconds."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def create_app(ctx: Context, page_cache: bool = True) -> FastAPI:
    """``page_cache``: keep the pages that are the same for everyone for a few seconds (see page_cache.py)."""
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        _freeze_startup_objects()
        if ctx.queue is not None:
            ctx.queue.start()
        try:
            yield
        finally:
            if ctx.queue is not None:
                ctx.queue.stop()

    # The API publishes its own OpenAPI document under /api/v1; the pages are not part of it.
    app = FastAPI(title="Broadsheet", lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None)
    app.state.ctx = ctx
    install_error_handlers(app)
    app.add_middleware(SessionMiddleware)
    app.add_middleware(SameOriginMiddleware)
    app.add_middleware(SyncPathSlashes)  # sync apps given an address ending in '/' (see api/sync_paths.py)
    app.add_middleware(BodyLimitMiddleware)  # before anything reads a body
    if page_cache:
        app.add_middleware(PageCache)  # added last: outermost, so a cached page skips everything else
    # Routes are tried in order, each at a cost (FastAPI's matching is not cheap): the two most requested pages
    # first, then the API, then the other pages and the static files.
    for path, endpoint in PAGES:
        app.add_route(path, endpoint, methods=["GET"], include_in_schema=False)
    app.include_router(api_router, prefix=API_PREFIX)
    app.router.routes.extend(SYNC_ROUTES)  # Miniflux (/v1) and Google Reader APIs: plain Starlette routes
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", VersionedStaticFiles(directory=STATIC_DIR), name="static")
    app.add_api_route(f"{API_PREFIX}/openapi.json", openapi_route(app), include_in_schema=False)
    return app
