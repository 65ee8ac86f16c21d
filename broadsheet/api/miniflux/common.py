"""What every Miniflux endpoint shares: authentication, Miniflux's error shape, JSON out, parameter parsing.

Errors here are ``{"error_message": "..."}``, not Broadsheet's ``{"error": {...}}``: that is the shape Miniflux
clients (newsboat, Reeder, NetNewsWire, FeedMe...) read, so this API keeps Miniflux's contract. The status codes
are ours as everywhere (400, 401, 404, 413).
"""
from __future__ import annotations

import logging
from functools import wraps

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ...errors import BroadsheetError, InvalidInput
from ...web.deps import read
from ..sync_body import read_body
from ..sync_auth import basic_credentials, user_for_key, user_for_password

log = logging.getLogger(__name__)
_OPTIONS = orjson.OPT_NAIVE_UTC | orjson.OPT_UTC_Z


class Unauthorized(BroadsheetError):
    code, status = "unauthorized", 401


def json_response(content, status_code: int = 200) -> Response:
    return Response(orjson.dumps(content, option=_OPTIONS), status_code=status_code, media_type="application/json")


def error_response(status: int, message: str) -> Response:
    headers = {"WWW-Authenticate": 'Basic realm="Broadsheet"'} if status == 401 else None
    return Response(orjson.dumps({"error_message": message}), status_code=status, media_type="application/json",
                    headers=headers)


async def caller(ctx, request: Request) -> dict:
    """The user behind ``X-Auth-Token`` (an API key) or HTTP Basic (username and password)."""
    token = request.headers.get("x-auth-token")
    if token is not None:
        user = user_for_key(ctx.store, token) if ctx.store.db.local_reads else \
            await run_in_threadpool(user_for_key, ctx.store, token)
    else:
        pair = basic_credentials(request.headers.get("authorization"))
        user = await run_in_threadpool(user_for_password, ctx.store, *pair) if pair else None
    if user is None:
        raise Unauthorized("Access Unauthorized")
    return user


def endpoint(handler):
    """``handler(request, ctx, user)`` (a plain function; a PUT's body is in ``request.state.body``) returns data
    (JSON), None (204) or a Response; errors become Miniflux's. On SQLite the handler runs on the event loop (its
    reads are in-process and short, see web/deps.py), on PostgreSQL in the thread pool."""
    @wraps(handler)
    async def run(request: Request) -> Response:
        ctx = request.app.state.ctx
        try:
            user = await caller(ctx, request)
            request.state.body = await read_body(request) if request.method in ("PUT", "POST") else b""
            result = await read(ctx, True, handler, request, ctx, user)
        except BroadsheetError as e:
            return error_response(e.status, e.user_message)
        except Exception:
            log.exception("Miniflux API %s %s failed", request.method, request.url.path)
            return error_response(500, "Something went wrong on our side. The error has been logged.")
        if result is None:
            return Response(status_code=204)
        return result if isinstance(result, Response) else json_response(result)
    return run


def int_param(request: Request, name: str, default: int | None = None, low: int = 0,
              high: int = 2**62) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(f"Invalid {name}: {raw[:40]!r} is not a whole number.") from None
    if not low <= value <= high:
        raise InvalidInput(f"Invalid {name}: must be between {low} and {high}.")
    return value


def bool_param(request: Request, name: str) -> bool | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if raw.lower() in ("1", "true", "yes"):
        return True
    if raw.lower() in ("0", "false", "no"):
        return False
    raise InvalidInput(f"Invalid {name}: {raw[:40]!r} is not true or false.")
