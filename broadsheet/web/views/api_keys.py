"""``/account/api-keys``: the signed-in user's API keys for the sync APIs (Miniflux ``X-Auth-Token``, the Google
Reader API's ClientLogin password): create one with a label (its text is shown once, never again: the store keeps
only its hash), list them, revoke one. Every form carries the CSRF token.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...errors import InvalidInput
from ..auth import check_csrf, require_user
from ..deps import Ctx
from ..notices import Notice
from ..templating import render

router = APIRouter(prefix="/account/api-keys", include_in_schema=False)
FormText = Annotated[str, Form(max_length=2048)]
MAX_LABEL = 100
MAX_KEYS = 50
NO_STORE = {"Cache-Control": "no-store"}


def _page(request: Request, ctx, user: dict, status_code: int = 200, **extra) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    response = render(request, "api_keys.html", status_code, keys=ctx.store.api_keys.list(user["id"]),
                      miniflux_url=base, greader_url=f"{base}/api/greader.php", max_label=MAX_LABEL, **extra)
    response.headers.update(NO_STORE)
    return response


@router.get("", response_class=HTMLResponse)
def api_keys_page(request: Request, ctx: Ctx, notice: Notice):
    return _page(request, ctx, require_user(request), notice=notice)


@router.post("", response_class=HTMLResponse)
def create_api_key(request: Request, ctx: Ctx, label: FormText = "", csrf_token: FormText = ""):
    user = require_user(request)
    check_csrf(request, csrf_token)
    label = label.strip()
    try:
        if not label or len(label) > MAX_LABEL:
            raise InvalidInput(f"Give the key a label of 1 to {MAX_LABEL} characters, such as the app's name.",
                               code="invalid_label")
        if len(ctx.store.api_keys.list(user["id"])) >= MAX_KEYS:
            raise InvalidInput(f"You have {MAX_KEYS} keys already: revoke one you no longer use.",
                               code="too_many_keys")
    except InvalidInput as e:
        return _page(request, ctx, user, e.status, form_error=e, label=label)
    key = ctx.store.api_keys.create(user["id"], label)
    return _page(request, ctx, user, 201, new_key=key, new_label=label)


@router.post("/{key_id}/revoke")
def revoke_api_key(request: Request, ctx: Ctx, key_id: int, csrf_token: FormText = ""):
    user = require_user(request)
    check_csrf(request, csrf_token)
    ctx.store.api_keys.delete(user["id"], key_id)  # another user's key: not found (404), nothing revoked
    return RedirectResponse("/account/api-keys?done=api_key_revoked", status_code=303)
