"""The list of comments as HTML, written in Python rather than Jinja: a 200-comment page renders 200 items, and
a template loop costs about five times as much as these f-strings (see docs/BENCHMARKS.md, "Comments").

Every value from a user goes through ``escape()`` (names) or is the already-safe ``format_comment()`` output;
ids, depths and tokens are ours (digits; the URL-safe CSRF token).
"""
from __future__ import annotations

from markupsafe import Markup, escape

SEP = '<span class="meta__sep" aria-hidden="true">·</span>'
HIDDEN = ' <span class="badge badge--paused">Hidden</span>'


def _form(action: str, token: str, label: str) -> str:
    return (f'<form method="post" action="{action}"><input type="hidden" name="csrf_token" value="{token}">'
            f'<button type="submit" class="link-button">{label}</button></form>')


def _actions(c: dict, section: dict, token: str) -> str:
    cid = c["id"]
    out = [f'<div class="comment__actions"><a class="comment__reply" href="?reply={cid}#comment-form">Reply</a>']
    if c["mine"]:
        out.append(f'<details class="comment__edit"><summary>Edit</summary><form method="post" '
                   f'action="/comments/{cid}/edit"><input type="hidden" name="csrf_token" value="{token}">'
                   f'<label class="visually-hidden" for="edit-{cid}">Edit your comment</label>'
                   f'<textarea id="edit-{cid}" name="body" rows="3" required maxlength="{section["max_chars"]}">'
                   f'{escape(c["body"])}</textarea><button type="submit" class="button button--quiet">Save</button>'
                   f'</form></details>')
        out.append(_form(f"/comments/{cid}/delete", token, "Delete"))
    else:
        out.append(_form(f"/comments/{cid}/flag", token, "Flag"))
    if section["moderator"]:
        action = "unhide" if c["hidden"] else "hide"
        out.append(_form(f"/moderation/{cid}/{action}", token, "Show again" if c["hidden"] else "Hide"))
    out.append("</div>")
    return "".join(out)


def render_items(section: dict, user: dict | None) -> Markup:
    token = escape(user["csrf_token"]) if user else ""
    out = []
    for c in section["items"]:
        out.append(f'<li class="comment comment--depth-{c["depth"]}" id="comment-{c["id"]}">')
        if c["removed"]:
            why = "This comment was deleted." if c["deleted_at"] else "This comment was hidden by a moderator."
            out.append(f'<p class="comment__removed">{why}</p></li>')
            continue
        out.append(f'<p class="meta"><strong class="comment__author">{escape(c["username"])}</strong>{SEP}'
                   f'{c["when"]}{SEP + "edited" if c["edited_at"] else ""}'
                   f'{HIDDEN if c["hidden"] else ""}</p>'
                   f'<div class="comment__body">{c["html"]}</div>')
        if user:
            out.append(_actions(c, section, token))
        out.append("</li>")
    return Markup("\n".join(out))
