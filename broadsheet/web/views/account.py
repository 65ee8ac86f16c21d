"""``/account``: who you are, sign out, and change your password (current + new)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...accounts.users import change_password
from ...errors import BroadsheetError, InvalidInput
from ..access import CsrfField
from ..auth import check_csrf, current_user
from ..deps import Ctx
from ..notices import Notice
from ..templating import render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=2048)]


def _signed_in_or_login(request: Request):
    user = current_user(request)
    return user, None if user else RedirectResponse("/login?next=/account", status_code=303)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, notice: Notice):
    user, go_login = _signed_in_or_login(request)
    return go_login or render(request, "account.html", notice=notice)


@router.post("/account/password", response_class=HTMLResponse)
def change_own_password(request: Request, ctx: Ctx, csrf_token: CsrfField = "", current: Text = "",
                        new: Text = "", new2: Text = ""):
    user, go_login = _signed_in_or_login(request)
    if go_login:
        return go_login
    check_csrf(request, csrf_token)
    try:
        if new != new2:
            raise InvalidInput("The two new passwords are not the same.", code="password_mismatch")
        change_password(ctx.store, ctx.store.users.get(user["id"]), current, new)
    except BroadsheetError as e:
        return render(request, "account.html", e.status, error=e)
    ctx.store.sessions.delete_for_user(user["id"], keep_token=request.state.session_token)
    return RedirectResponse("/account?done=password_changed", status_code=303)
