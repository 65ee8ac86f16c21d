"""``/admin/users`` (admins only): every user, their role, disabling an account, and invite codes."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...accounts.users import check_role
from ...errors import InvalidInput
from ..access import CsrfField, require_admin
from ..auth import check_csrf
from ..deps import Ctx
from ..notices import Notice
from ..templating import render

router = APIRouter(prefix="/admin", include_in_schema=False)


def _admin_form(request: Request, csrf_token: str) -> dict:
    admin = require_admin(request)
    check_csrf(request, csrf_token)
    return admin


def _not_self(admin: dict, user_id: int) -> None:
    if admin["id"] == user_id:
        raise InvalidInput("You cannot change your own role or disable yourself: ask another admin.",
                           code="cannot_change_self", status=409)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, ctx: Ctx, notice: Notice):
    require_admin(request)
    return render(request, "admin_users.html", users=ctx.store.users.list(limit=500),
                  invites=ctx.store.invites.list(), notice=notice, signup=ctx.settings.signup)


@router.post("/users/{user_id}/role")
def set_role(request: Request, ctx: Ctx, user_id: int, csrf_token: CsrfField = "",
             role: Annotated[str, Form(max_length=16)] = ""):
    admin = _admin_form(request, csrf_token)
    _not_self(admin, user_id)
    ctx.store.users.update(user_id, role=check_role(role))
    return RedirectResponse("/admin/users?done=role_changed", status_code=303)


@router.post("/users/{user_id}/disabled")
def set_disabled(request: Request, ctx: Ctx, user_id: int, csrf_token: CsrfField = "",
                 disabled: Annotated[bool, Form()] = True):
    admin = _admin_form(request, csrf_token)
    _not_self(admin, user_id)
    ctx.store.users.update(user_id, disabled=disabled)
    if disabled:
        ctx.store.sessions.delete_for_user(user_id)
    return RedirectResponse(f"/admin/users?done={'user_disabled' if disabled else 'user_enabled'}", status_code=303)


@router.post("/invites")
def create_invite(request: Request, ctx: Ctx, csrf_token: CsrfField = ""):
    admin = _admin_form(request, csrf_token)
    ctx.store.invites.create(admin["id"])
    return RedirectResponse("/admin/users?done=invite_created", status_code=303)
