"""Signing in: ``accounts/ClientLogin`` (``Email`` = username, ``Passwd`` = one of the user's API keys, made on
/account/api-keys), ``token`` (the ``T`` for writes) and ``user-info``.

The ``Auth`` handed back is ``<username>/<API key>``: clients send it as ``Authorization: GoogleLogin
auth=...``; revoking the key signs every app using it out.
"""
from __future__ import annotations

from .common import edit_token, endpoint, text
from ..sync_auth import user_for_key


@endpoint(authenticated=False)
def client_login(request, ctx, user, params):
    name, key = (params.get("Email") or "").strip(), (params.get("Passwd") or "").strip()
    found = user_for_key(ctx.store, key) if name and key else None
    if found is None or found["username_key"] != name.lower():
        return text("Error=BadAuthentication\n", 401)
    auth = f"{found['username']}/{key}"
    return f"SID={auth}\nLSID=null\nAuth={auth}\n"


@endpoint
def token(request, ctx, user, params):
    return edit_token(request.headers["authorization"].partition("auth=")[2].strip().rpartition("/")[2])


@endpoint
def user_info(request, ctx, user, params):
    return {"userId": str(user["id"]), "userName": user["username"], "userProfileId": str(user["id"]),
            "userEmail": "", "isBloggerUser": False, "signupTimeSec": 0, "isMultiLoginEnabled": False}
