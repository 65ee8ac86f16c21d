"""The Google Reader API (as FreshRSS serves it) so existing apps read Broadsheet: see docs/SYNC_APIS.md.

The same routes answer under ``/api/greader.php`` (FreshRSS's address: clients are given
``https://host/api/greader.php``) and at the root (``/accounts/ClientLogin``, ``/reader/api/0/...``), which
clients built for Google Reader, The Old Reader or FeedHQ call. ``/reader/atom/{stream}`` is the Atom form FeedHQ
clients such as newsboat read.
"""
from __future__ import annotations

from starlette.routing import Route

from . import login, marks, streams, subscriptions
from .common import text

_API = "/reader/api/0"
_ENDPOINTS = [
    ("/accounts/ClientLogin", login.client_login, ["GET", "POST"]),
    (f"{_API}/token", login.token, ["GET", "POST"]),
    (f"{_API}/user-info", login.user_info, ["GET"]),
    (f"{_API}/subscription/list", subscriptions.subscription_list, ["GET"]),
    (f"{_API}/subscription/edit", subscriptions.subscription_edit, ["POST"]),
    (f"{_API}/subscription/quickadd", subscriptions.quickadd, ["POST"]),
    (f"{_API}/tag/list", subscriptions.tag_list, ["GET"]),
    (f"{_API}/unread-count", subscriptions.unread_count, ["GET"]),
    (f"{_API}/stream/contents", streams.contents, ["GET", "POST"]),
    (f"{_API}/stream/contents/{{stream_id:path}}", streams.contents, ["GET", "POST"]),
    (f"{_API}/stream/items/ids", streams.item_ids, ["GET", "POST"]),
    (f"{_API}/stream/items/contents", streams.item_contents, ["GET", "POST"]),
    (f"{_API}/edit-tag", marks.edit_tag, ["POST"]),
    (f"{_API}/mark-all-as-read", marks.mark_all_as_read, ["POST"]),
    ("/reader/atom", streams.atom, ["GET"]),
    ("/reader/atom/{stream_id:path}", streams.atom, ["GET"]),
]
PREFIXES = ("/api/greader.php", "")
ROUTES = [Route(prefix + path, fn, methods=methods) for prefix in PREFIXES for path, fn, methods in _ENDPOINTS]


async def _not_found(request):
    return text(f"Nothing at {request.url.path[:200]} in this Google Reader API.", 404)


ROUTES += [Route(f"{prefix}{_API}/{{rest:path}}", _not_found, methods=["GET", "POST"]) for prefix in PREFIXES]
