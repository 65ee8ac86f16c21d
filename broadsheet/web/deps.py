"""The running Context for a request (set on ``app.state`` by ``create_app``)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..context import Context


async def get_context(request: Request) -> Context:  # async: resolved inline, no thread hop
    return request.app.state.ctx


Ctx = Annotated[Context, Depends(get_context)]
