"""Who is signed in: the session cookie, looked up once per request, and the CSRF token every form carries.

- ``SessionMiddleware`` (plain ASGI): when the request has a ``broadsheet_session`` cookie, puts the user row (with
  ``csrf_token``) in ``request.state.user``; requests without it cost one header scan and no store read.
- ``sign_in()`` / ``sign_out()`` set and clear the cookie: HttpOnly, SameSite=Lax, Secure per
  ``BROADSHEET_SECURE_COOKIES``.
- CSRF: a signed-in visitor's forms carry the session's own token; a visitor not signed in (sign-in and sign-up
  forms) gets a random ``broadsheet_csrf`` cookie and the same value in the form (double submit). ``check_csrf()``
  refuses a form whose token is missing or wrong with 403 ``csrf_failed``.
"""
from __future__ import annotations

import hmac
from datetime import timedelta
from http.cookies import SimpleCookie

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import BroadsheetError
from ..store.tokens import new_token

SESSION_COOKIE = "broadsheet_session"
CSRF_COOKIE = "broadsheet_csrf"
CSRF_FIELD = "csrf_token"


class CsrfFailed(BroadsheetError):
    code, status = "csrf_failed", 403


class SignInRequired(BroadsheetError):
    code, status = "sign_in_required", 401


class Forbidden(BroadsheetError):
    code, status = "forbidden", 403


def _cookies(scope: Scope) -> dict[str, str]:
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            jar = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed Cookie header signs no one in
                return {}
            return {k: m.value for k, m in jar.items()}
    return {}


class SessionMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            token = _cookies(scope).get(SESSION_COOKIE)
            user = None
            if token:
                ctx = scope["app"].state.ctx
                user = ctx.store.sessions.lookup(token, timedelta(days=ctx.settings.session_days))
            scope.setdefault("state", {})["user"] = user
            scope["state"]["session_token"] = token if user else None
        await self.app(scope, receive, send)


def current_user(request: Request) -> dict | None:
    return getattr(request.state, "user", None)


def require_user(request: Request) -> dict:
    user = current_user(request)
    if user is None:
        raise SignInRequired("Please sign in first.")
    return user


def _secure(request: Request) -> bool:
    mode = request.app.state.ctx.settings.secure_cookies
    return mode == "true" or (mode == "auto" and request.url.scheme == "https")


def sign_in(request: Request, response: Response, user: dict) -> None:
    """Start a session for ``user`` and set its cookie on ``response``."""
    ctx = request.app.state.ctx
    lifetime = timedelta(days=ctx.settings.session_days)
    token, _csrf = ctx.store.sessions.create(user["id"], lifetime)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(lifetime.total_seconds()), httponly=True,
                        samesite="lax", secure=_secure(request), path="/")


def sign_out(request: Request, response: Response) -> None:
    token = getattr(request.state, "session_token", None)
    if token:
        request.app.state.ctx.store.sessions.delete(token)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=_secure(request))


def csrf_token(request: Request) -> str:
    """The token to put in a form's hidden ``csrf_token`` field on this page (see ``set_csrf_cookie``)."""
    user = current_user(request)
    if user is not None:
        return user["csrf_token"]
    token = getattr(request.state, "csrf_new", None) or request.cookies.get(CSRF_COOKIE)
    if not token or len(token) > 64:
        token = request.state.csrf_new = new_token()
    return token


def set_csrf_cookie(request: Request, response: Response) -> None:
    """After rendering a page whose forms were given a fresh anonymous token: hand the browser its cookie."""
    token = getattr(request.state, "csrf_new", None)
    if token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="lax", secure=_secure(request), path="/")


def check_csrf(request: Request, submitted: str | None) -> None:
    user = current_user(request)
    expected = user["csrf_token"] if user is not None else request.cookies.get(CSRF_COOKIE)
    if not submitted or not expected or not hmac.compare_digest(submitted.encode(), expected.encode()):
        raise CsrfFailed("This form has expired or did not come from this site. Reload the page and try again.")
