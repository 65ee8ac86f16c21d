"""A minimal guard against cross-site form posts until accounts bring CSRF tokens.

Browsers send ``Origin`` (or at least ``Referer``) with every cross-site POST; when one is present its host must be
ours. Clients that send neither (curl, scripts) are not browsers riding on a visitor's session and pass.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import Request

from ..errors import BroadsheetError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class CrossOriginRefused(BroadsheetError):
    code, status = "cross_origin", 403


async def require_same_origin(request: Request) -> None:
    if request.method in SAFE_METHODS:
        return
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if claimed is None:
        return
    # Behind a reverse proxy the public host may arrive as X-Forwarded-Host; a cross-site form cannot set it.
    ours = {request.headers.get(h, "").lower() for h in ("host", "x-forwarded-host")} - {""}
    if claimed == "null" or urlsplit(claimed).netloc.lower() not in ours:
        raise CrossOriginRefused("This form was sent from another site, so it was refused. "
                                 "Reload the page and try again.")
