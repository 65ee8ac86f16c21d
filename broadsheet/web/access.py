"""Who may do what on the web pages: roles, the sign-in and sign-up rate limits, and source management.

Source management (adding, pausing, refreshing, removing sources) is open while no admin exists (a single-user
install, before `broadsheet createuser --admin`); once one does, it takes a signed-in admin and a CSRF token.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Form, Request

from ..accounts.limits import hit
from ..accounts.users import can_moderate, is_admin
from ..store.tokens import token_hash
from .auth import Forbidden, check_csrf, require_user
from .same_origin import SAFE_METHODS

CsrfField = Annotated[str, Form(max_length=200)]


def client_ip(request: Request) -> str:
    """The peer address (a reverse proxy's own address when behind one: see docs/SETTINGS.md)."""
    return request.client.host if request.client else "unknown"


def require_admin(request: Request) -> dict:
    user = require_user(request)
    if not is_admin(user):
        raise Forbidden("Only an admin can do that.")
    return user


def require_moderator(request: Request) -> dict:
    user = require_user(request)
    if not can_moderate(user):
        raise Forbidden("Only a moderator or an admin can do that.")
    return user


def admin_exists(ctx) -> bool:
    return ctx.store.users.count(role="admin") > 0


async def guard_source_management(request: Request) -> None:
    """Router dependency for /sources: changes need an admin (and the form's CSRF token) once an admin exists."""
    if request.method in SAFE_METHODS or not admin_exists(request.app.state.ctx):
        return
    require_admin(request)
    form = await request.form()  # cached by Starlette: the view reads the same form
    check_csrf(request, form.get("csrf_token"))


SourceGuard = Depends(guard_source_management)


def _key(username: str) -> str:
    """A username as a bucket name: hashed, so any text the visitor typed (NUL bytes too) is safe to store."""
    return token_hash(username.strip().lower())[:32]


def login_limit(request: Request, username: str) -> None:
    ctx = request.app.state.ctx
    hit(ctx.store, ctx.settings.login_rate_limit, "BROADSHEET_LOGIN_RATE_LIMIT", "sign-in attempts",
        f"login:ip:{client_ip(request)}", f"login:user:{_key(username)}")


def signup_limit(request: Request, username: str) -> None:
    ctx = request.app.state.ctx
    hit(ctx.store, ctx.settings.signup_rate_limit, "BROADSHEET_SIGNUP_RATE_LIMIT", "sign-up attempts",
        f"signup:ip:{client_ip(request)}", f"signup:user:{_key(username)}")


def safe_next(target: str | None, default: str = "/") -> str:
    """Where to go after signing in: only a path on this site (no ``//host``, no scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target or len(target) > 500:
        return default
    return target
