"""What a signed-in reader sees on article lists and pages: read/saved marks on each row, the follow state of a
source, topic or entity, and where a form may send them back to (only paths on this site)."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse

from .auth import current_user


def marked(request: Request, rows: list[dict]) -> dict | None:
    """For a signed-in user: set ``read`` and ``saved`` on each row (from their own marks) and return what the
    list's forms need (``csrf``, ``back``); None for visitors (the list then shows no buttons)."""
    user = current_user(request)
    if user is None:
        return None
    marks = request.app.state.ctx.store.states.marks(user["id"], [r["id"] for r in rows]) if rows else {}
    for row in rows:
        mark = marks.get(row["id"])
        row["read"] = bool(mark and mark["read"])
        row["saved"] = bool(mark and mark["saved"])
    return {"csrf": user["csrf_token"], "back": here(request)}


def here(request: Request) -> str:
    query = request.scope.get("query_string", b"").decode("latin-1")
    return request.scope["path"] + (f"?{query}" if query else "")


def safe_back(back: str | None, default: str = "/") -> str:
    """``back`` if it is a path on this site (``/x``), else ``default``: a form cannot send anyone elsewhere."""
    if not back or not back.startswith("/") or back.startswith("//") or "\\" in back:
        return default
    parts = urlsplit(back)
    if parts.scheme or parts.netloc:
        return default
    return back


def follow_state(request: Request, kind: str, key) -> bool:
    """Whether the signed-in user follows this source (id), topic (slug) or entity (id)."""
    user = current_user(request)
    if user is None:
        return False
    store = request.app.state.ctx.store
    if kind == "source":
        return int(key) in store.subscriptions.source_ids(user["id"])
    return store.follows.is_following(user["id"], kind, str(key))


def sign_in_first(request: Request):
    """For a page only a signed-in user has: a redirect to the sign-in page (coming back here), or None."""
    if current_user(request) is not None:
        return None
    return RedirectResponse(f"/login?next={quote(here(request), safe='/')}", status_code=303)
