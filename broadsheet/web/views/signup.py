"""``/signup``: create an account, as ``BROADSHEET_SIGNUP`` allows: open, with an invite code, or closed."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...accounts.users import create_user
from ...errors import BroadsheetError, InvalidInput
from ..access import CsrfField, signup_limit
from ..auth import Forbidden, check_csrf, sign_in
from ..deps import Ctx
from ..templating import render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=2048)]


class SignupClosed(Forbidden):
    code = "signup_closed"


def _page(request, ctx, status_code: int = 200, **extra):
    return render(request, "signup.html", status_code, mode=ctx.settings.signup, **extra)


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, ctx: Ctx, invite: str = ""):
    return _page(request, ctx, 403 if ctx.settings.signup == "closed" else 200, form={"invite": invite[:64]})


@router.post("/signup", response_class=HTMLResponse)
def signup(request: Request, ctx: Ctx, csrf_token: CsrfField = "", username: Text = "", password: Text = "",
           password2: Text = "", invite: Text = ""):
    check_csrf(request, csrf_token)
    mode = ctx.settings.signup
    form = {"username": username, "invite": invite}
    try:
        if mode == "closed":
            raise SignupClosed("Sign-up is closed on this server: ask its admin for an account.")
        signup_limit(request, username)
        if password != password2:
            raise InvalidInput("The two passwords are not the same.", code="password_mismatch")
        code = invite.strip()
        if mode == "invite":
            if not code:
                raise InvalidInput("Sign-up needs an invite code on this server.", code="invite_required",
                                   status=403)
            ctx.store.invites.claim(code)
        try:
            user = create_user(ctx.store, username, password)
        except BroadsheetError:
            if mode == "invite":
                ctx.store.invites.release(code)
            raise
        if mode == "invite":
            ctx.store.invites.spent_by(code, user["id"])
    except BroadsheetError as e:
        return _page(request, ctx, e.status, error=e, form=form)
    response = RedirectResponse("/account?done=welcome", status_code=303)
    sign_in(request, response, user)
    return response
