"""What every Google Reader endpoint shares: the ``GoogleLogin auth=`` header, the edit token ``T``, parameters
from the query string and a form body, and the protocol's plain-text answers.

As in Google Reader and FreshRSS, errors are short plain text with the right status (401 ``Unauthorized!``,
400 with what was wrong, 404, 413), and writes answer ``OK``: that is what these clients read, so this API
keeps the protocol's shape rather than Broadsheet's JSON error shape.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from functools import wraps
from urllib.parse import parse_qsl

import orjson
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ...errors import BroadsheetError, InvalidInput
from ...web.deps import read
from ..sync_auth import user_for_key
from ..sync_body import read_body

log = logging.getLogger(__name__)
_OPTIONS = orjson.OPT_NAIVE_UTC | orjson.OPT_UTC_Z
MAX_PARAMS = 2000


class Unauthorized(BroadsheetError):
    code, status = "unauthorized", 401


class Params:
    """Query string and form body parameters together; repeated names (``i=``, ``a=``, ``s=``) keep every value."""

    def __init__(self, pairs: list[tuple[str, str]]):
        if len(pairs) > MAX_PARAMS:
            raise InvalidInput(f"At most {MAX_PARAMS} parameters at a time.", status=413)
        self.pairs = pairs

    def get(self, name: str, default: str | None = None) -> str | None:
        for k, v in self.pairs:
            if k == name:
                return v
        return default

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.pairs if k == name]

    def int(self, name: str, default: int, low: int, high: int) -> int:
        raw = self.get(name)
        if raw is None or raw == "":
            return default
        if not raw.isdigit():
            raise InvalidInput(f"Invalid {name}: {raw[:40]!r} is not a whole number.")
        return max(low, min(high, int(raw)))


def edit_token(key: str) -> str:
    """The ``T`` token for write requests, derived from the caller's API key (nothing to store)."""
    return hashlib.sha256(b"greader-edit-token\0" + key.encode()).hexdigest()[:57]


def auth_key(request: Request) -> str | None:
    """The API key inside ``Authorization: GoogleLogin auth=<user>/<key>`` (or a bare ``auth=<key>``)."""
    header = request.headers.get("authorization", "")
    if not header[:11].lower() == "googlelogin":
        return None
    _, _, value = header.partition("auth=")
    return value.strip().rpartition("/")[2] or None


def caller(ctx, request: Request) -> tuple[dict, str]:
    key = auth_key(request)
    user = user_for_key(ctx.store, key)
    if user is None:
        raise Unauthorized("Unauthorized!")
    login = request.headers.get("authorization", "").partition("auth=")[2].strip()
    if "/" in login and login.rpartition("/")[0].lower() != user["username_key"]:
        raise Unauthorized("Unauthorized!")
    return user, key


def json_response(content) -> Response:
    return Response(orjson.dumps(content, option=_OPTIONS), media_type="application/json")


def text(body: str, status: int = 200) -> PlainTextResponse:
    return PlainTextResponse(body, status_code=status)


async def params_of(request: Request) -> Params:
    pairs = list(request.query_params.multi_items())
    if request.method == "POST":
        body = await read_body(request)
        try:
            pairs += parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_PARAMS + 1)
        except (UnicodeDecodeError, ValueError):
            raise InvalidInput("The request body is not a form.") from None
    return Params(pairs)


def endpoint(handler=None, *, authenticated: bool = True, writes: bool = False):
    """``handler(request, ctx, user, params)`` (a plain function) returns data (JSON), a str (plain text) or a
    Response. ``writes``: the request may carry ``T``; a wrong one is refused (a missing one is accepted: the
    auth header, which a browser never sends by itself, is what protects these)."""
    def wrap(fn):
        @wraps(fn)
        async def run(request: Request) -> Response:
            ctx = request.app.state.ctx
            try:
                params = await params_of(request)
                user = key = None
                if authenticated:
                    user, key = await read(ctx, True, caller, ctx, request)
                    token = params.get("T")
                    if writes and token and not hmac.compare_digest(token.strip().encode(), edit_token(key).encode()):
                        raise Unauthorized("Unauthorized! (bad T token)")
                result = await read(ctx, True, fn, request, ctx, user, params)
            except BroadsheetError as e:
                return text(e.user_message, e.status)
            except Exception:
                log.exception("Google Reader API %s %s failed", request.method, request.url.path)
                return text("Something went wrong on our side. The error has been logged.", 500)
            if isinstance(result, Response):
                return result
            return text(result) if isinstance(result, str) else json_response(result)
        return run
    return wrap(handler) if handler is not None else wrap
