"""Who is calling the API: an API key (``Authorization: Bearer KEY`` or ``X-Auth-Token: KEY``), or a signed-in
browser session whose changes carry the session's CSRF token in ``X-CSRF-Token`` (the token in the page's forms).
"""
from __future__ import annotations

import hmac

from fastapi import Request

from ...accounts.users import is_admin
from ...web.access import admin_exists
from ...web.auth import CsrfFailed, Forbidden, SignInRequired, current_user
from ...web.same_origin import SAFE_METHODS


def _api_key(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return request.headers.get("x-auth-token")


def api_user(request: Request) -> dict:
    """The caller (raises 401 sign_in_required, or 403 csrf_failed for a session change without the token)."""
    key = _api_key(request)
    if key:
        user = request.app.state.ctx.store.api_keys.lookup(key[:200], "api")
        if user is None:
            raise SignInRequired("This API key is not valid.", code="invalid_api_key")
        return user
    user = current_user(request)
    if user is None:
        raise SignInRequired("Sign in, or send an API key (Authorization: Bearer KEY).")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get("x-csrf-token", "")
        if not sent or not hmac.compare_digest(sent.encode(), user["csrf_token"].encode()):
            raise CsrfFailed("A signed-in session must send its CSRF token in the X-CSRF-Token header.")
    return user


def admin_once_admin_exists(request: Request) -> None:
    """Route dependency for source changes: open on a single-user install, an admin's once an admin exists."""
    if request.method in SAFE_METHODS or not admin_exists(request.app.state.ctx):
        return
    if not is_admin(api_user(request)):
        raise Forbidden("Only an admin can change sources.")
