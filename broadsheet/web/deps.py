"""The running Context for a request (set on ``app.state`` by ``create_app``), and how async views read the store."""
from __future__ import annotations

from typing import Annotated, Callable, TypeVar

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from ..context import Context

T = TypeVar("T")
INLINE_OFFSET_MAX = 3000  # a list read skipping more rows than this may take milliseconds: not on the event loop


async def get_context(request: Request) -> Context:  # async: resolved inline, no thread hop
    return request.app.state.ctx


Ctx = Annotated[Context, Depends(get_context)]


async def read(ctx: Context, small: bool, fn: Callable[..., T], *args, **kwargs) -> T:
    """Run a store read from an async view.

    A ``small`` read on SQLite (an indexed lookup or a short list: tens of microseconds, no network) runs right
    here on the event loop: cheaper than the hop to a worker thread and the GIL hand-offs that come with it, which
    under load cost more than the read. Anything else (a deep offset, PostgreSQL's round trips) runs in the thread
    pool, so the loop keeps serving other requests meanwhile.
    """
    if small and ctx.store.db.local_reads:
        return fn(*args, **kwargs)
    return await run_in_threadpool(fn, *args, **kwargs)


def validated(value, adapter: TypeAdapter, *loc: str):
    """A request parameter checked as FastAPI would check it, for the few pages served by plain Starlette routes
    (see views/home.py): the same 422 ``invalid_input`` error when it does not fit."""
    try:
        return adapter.validate_python(value)
    except ValidationError as e:
        raise RequestValidationError([{**err, "loc": (*loc, *err["loc"])} for err in e.errors(include_url=False)]) \
            from None
