"""Post/Redirect/Get status messages: a form handler redirects with ``?done=<code>``; the page shows the words.

Only known codes are shown, so a crafted link cannot put arbitrary text on our pages.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends

NOTICES = {
    "added": "Source added.",
    "paused": "Source paused: it will not be fetched until you resume it.",
    "resumed": "Source resumed: it will be fetched again on schedule.",
    "refreshed": "Source refreshed.",
    "refresh_queued": "Refresh queued: new articles will appear in a moment.",
    "refresh_failed": "The refresh failed; the error is shown with the source.",
    "removed": "Source removed, with its articles.",
    "welcome": "Welcome! Your account is ready and you are signed in.",
    "password_changed": "Password changed. Other sessions of this account were signed out.",
    "role_changed": "Role changed.",
    "user_disabled": "Account disabled: its sessions no longer work.",
    "user_enabled": "Account enabled.",
    "invite_created": "Invite created: share its link.",
    "comment_hidden": "Comment hidden.",
    "comment_shown": "Comment shown again.",
    "comment_deleted": "Comment deleted.",
    "flags_dismissed": "Flags dismissed.",
    "api_key_revoked": "API key revoked: apps that used it are signed out.",
}


async def _notice(done: str | None = None) -> str | None:
    return NOTICES.get(done or "")


Notice = Annotated[str | None, Depends(_notice)]
