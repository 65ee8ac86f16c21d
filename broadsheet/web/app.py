"""The app factory: web pages, static files and the JSON API (``/api/v1``) over one Context."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from ..api.v1 import API_PREFIX, api_router, openapi_route
from ..context import Context
from .errors import install_error_handlers
from .same_origin import require_same_origin
from .templating import STATIC_DIR, VersionedStaticFiles
from .views import ROUTERS


def create_app(ctx: Context) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if ctx.queue is not None:
            ctx.queue.start()
        try:
            yield
        finally:
            if ctx.queue is not None:
                ctx.queue.stop()

    # The API publishes its own OpenAPI document under /api/v1; the pages are not part of it.
    app = FastAPI(title="Broadsheet", lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None,
                  dependencies=[Depends(require_same_origin)])
    app.state.ctx = ctx
    install_error_handlers(app)
    app.mount("/static", VersionedStaticFiles(directory=STATIC_DIR), name="static")
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(api_router, prefix=API_PREFIX)
    app.add_api_route(f"{API_PREFIX}/openapi.json", openapi_route(app), include_in_schema=False)
    return app
