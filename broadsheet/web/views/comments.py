"""Comment forms on article and story pages: post or reply, edit and delete your own, flag someone else's.

Each redirects (303) back to the comment on its page. Errors (empty, too long, rate-limited, not yours) show the
error page with the right status and change nothing.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from ...comments.format import strip_controls
from ...comments.section import edit_comment, page_url, post_comment
from ...store.comments_repo import thread_of
from ..access import CsrfField
from ..auth import check_csrf, require_user
from ..deps import Ctx

router = APIRouter(prefix="/comments", include_in_schema=False)
Body = Annotated[str, Form(max_length=100_000)]  # the real limit (BROADSHEET_COMMENT_MAX_CHARS) gives a clear error


def _signed_in_form(request: Request, csrf_token: str) -> dict:
    user = require_user(request)
    check_csrf(request, csrf_token)
    return user


def _back(row: dict) -> RedirectResponse:
    return RedirectResponse(page_url(*thread_of(row), row["id"]), status_code=303)


@router.post("")
def post(request: Request, ctx: Ctx, kind: Annotated[str, Form(max_length=16)], target_id: Annotated[int, Form()],
         csrf_token: CsrfField = "", body: Body = "", parent_id: Annotated[int | None, Form()] = None):
    user = _signed_in_form(request, csrf_token)
    return _back(post_comment(ctx, user, kind, target_id, body, parent_id))


@router.post("/{comment_id}/edit")
def edit(request: Request, ctx: Ctx, comment_id: int, csrf_token: CsrfField = "", body: Body = ""):
    user = _signed_in_form(request, csrf_token)
    return _back(edit_comment(ctx, user, comment_id, body))


@router.post("/{comment_id}/delete")
def delete(request: Request, ctx: Ctx, comment_id: int, csrf_token: CsrfField = ""):
    user = _signed_in_form(request, csrf_token)
    return _back(ctx.store.comments.delete(comment_id, user["id"]))


@router.post("/{comment_id}/flag")
def flag(request: Request, ctx: Ctx, comment_id: int, csrf_token: CsrfField = "",
         reason: Annotated[str, Form(max_length=500)] = ""):
    user = _signed_in_form(request, csrf_token)
    ctx.store.comments.flag(comment_id, user["id"], strip_controls(reason).strip())
    return _back(ctx.store.comments.get(comment_id))
