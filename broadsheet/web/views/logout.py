"""``POST /logout``: end this session (a form with the CSRF token; no page of its own)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from ..access import CsrfField
from ..auth import check_csrf, sign_out

router = APIRouter(include_in_schema=False)


@router.post("/logout")
def logout(request: Request, csrf_token: CsrfField = ""):
    check_csrf(request, csrf_token)
    response = RedirectResponse("/", status_code=303)
    sign_out(request, response)
    return response
