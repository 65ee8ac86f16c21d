"""``/login``: sign in with a username and password (rate-limited per address and per username)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...accounts.users import authenticate
from ...errors import BroadsheetError, InvalidInput
from ..access import CsrfField, login_limit, safe_next
from ..auth import check_csrf, sign_in
from ..deps import Ctx
from ..templating import render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=2048)]


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/"):  # noqa: A002
    return render(request, "login.html", next=safe_next(next), form={})


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, ctx: Ctx, csrf_token: CsrfField = "", username: Text = "", password: Text = "",
          next: Text = "/"):  # noqa: A002
    check_csrf(request, csrf_token)
    try:
        login_limit(request, username)
        user = authenticate(ctx.store, username, password)
        if user is None:
            raise InvalidInput("That username and password do not match an account.", code="wrong_credentials",
                               status=401)
    except BroadsheetError as e:
        return render(request, "login.html", e.status, error=e, next=safe_next(next), form={"username": username})
    response = RedirectResponse(safe_next(next), status_code=303)
    sign_in(request, response, user)
    return response
