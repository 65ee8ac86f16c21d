"""Request bodies of the sync APIs, read with a size limit: a client may not make us buffer megabytes."""
from __future__ import annotations

from starlette.requests import Request

from ..errors import BroadsheetError

MAX_BODY = 256 * 1024  # far above any real client's request (1,000 ids in a form or JSON are ~60 KB)


class PayloadTooLarge(BroadsheetError):
    code, status = "too_large", 413


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise PayloadTooLarge(f"The request body is larger than {limit} bytes.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)
