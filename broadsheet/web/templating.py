"""The Jinja environment (built once, autoescaped, no reloading) and ``render()`` for HTML responses."""
from __future__ import annotations

import hashlib
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from ..reading.feed_links import alternate_links
from .auth import csrf_token, current_user, set_csrf_cookie
from .ai_filters import AI_GLOBALS
from .filters import FILTERS, GLOBALS
from .reader_state import follow_state

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"

# Article bodies are sanitised at ingestion; this policy is a second line: no scripts but ours, no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' https: http: data:; media-src https: http:; "
                               "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _static_versions() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:10] for p in STATIC_DIR.iterdir() if p.is_file()}


_VERSIONS = _static_versions()


def static_url(name: str) -> str:
    """``/static/name?v=hash``: the hash changes when the file does, so browsers never keep a stale copy."""
    return f"/static/{name}?v={_VERSIONS.get(name, '0')}"


class VersionedStaticFiles(StaticFiles):
    """Static files linked with ``static_url()`` never change under the same URL: cache them for a year."""

    def file_response(self, *args, **kwargs):
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


class _Environment(Environment):
    def getattr(self, obj, attribute):
        """``{{ a.title }}`` on the store's rows (dicts) reads the key first: Jinja's default tries the attribute
        first and pays for an AttributeError on every lookup, a dozen per article in a list."""
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


env = _Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, auto_reload=False, trim_blocks=True,
                   lstrip_blocks=True)
env.filters.update(FILTERS)
env.globals.update(GLOBALS, static_url=static_url)
env.globals.update(AI_GLOBALS)
env.globals.update(alternate_links=alternate_links, follow_state=follow_state)  # reading: feeds out, follows


_SECURITY_RAW = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]


class PageResponse(HTMLResponse):
    """An HTML page with SECURITY_HEADERS, encoded once rather than for every response."""

    def init_headers(self, headers=None) -> None:
        super().init_headers(headers)
        self.raw_headers.extend(_SECURITY_RAW)


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    """``user`` (the signed-in user or None) and ``csrf()`` (the token for a form's hidden ``csrf_token`` field)
    are there for every template."""
    html = env.get_template(name).render(request=request, path=request.scope["path"], user=current_user(request),
                                         csrf=lambda: csrf_token(request), **context)
    response = PageResponse(html, status_code=status_code)
    set_csrf_cookie(request, response)
    return response
