"""``/api/v1/{articles|stories}/{id}/comments``: read a comment thread, post a comment or a reply."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Request, Response

from ...comments.format import format_comment
from ...comments.section import load_section, post_comment
from ...errors import NotFound
from ...web.auth import current_user
from ...web.deps import Ctx
from .auth import api_user
from .schemas import CommentCreate, CommentList, CommentOut, ErrorResponse

router = APIRouter(tags=["comments"])
POST_ERRORS = {code: {"model": ErrorResponse, "description": why} for code, why in (
    (401, "Not signed in, or a bad API key"), (403, "A session change without its CSRF token"),
    (413, "Request body too large"), (429, "Too many comments: the per-user rate limit"))}


def _thread(ctx, request: Request, kind: str, target_id: int) -> dict:
    if not ctx.store.comments.target_exists(kind, target_id):
        raise NotFound(f"No {kind} with id {target_id}", code=f"{kind}_not_found")
    section = load_section(ctx, kind, target_id, current_user(request))
    return {"kind": kind, "target_id": target_id, "count": section["count"],
            "items": [_out(c, c["depth"], c["removed"]) for c in section["items"]]}


def _out(c: dict, depth: int, removed: bool) -> dict:
    return {"id": c["id"], "parent_id": c["parent_id"], "depth": depth, "author": None if removed else c["username"],
            "body": "" if removed else c["body"], "html": "" if removed else str(format_comment(c["body"])),
            "removed": removed, "hidden": bool(c["hidden"]), "created_at": c["created_at"],
            "edited_at": c["edited_at"]}


def _routes(kind: Literal["article", "story"], prefix: str) -> None:
    path = f"/{prefix}/{{target_id}}/comments"

    @router.get(path, response_model=CommentList, summary=f"The comments of a{'n' if kind == 'article' else ''} "
                f"{kind}, each reply after its parent")
    def list_comments(ctx: Ctx, request: Request, target_id: int):
        return _thread(ctx, request, kind, target_id)

    @router.post(path, status_code=201, response_model=CommentOut, responses=POST_ERRORS,
                 summary=f"Post a comment on a{'n' if kind == 'article' else ''} {kind} (or a reply: parent_id)")
    def create_comment(ctx: Ctx, request: Request, response: Response, target_id: int, body: CommentCreate,
                       user: dict = Depends(api_user)):
        row = post_comment(ctx, user, kind, target_id, body.body, body.parent_id)
        response.headers["Location"] = f"{request.url.path}#comment-{row['id']}"
        return _out(row, 0 if row["parent_id"] is None else 1, False)


_routes("article", "articles")
_routes("story", "stories")
