"""Who is calling a sync API (Miniflux, Google Reader): an API key, or a username and password (HTTP Basic).

API keys are looked up by their SHA-256 (one indexed read). A password is checked with argon2, which is slow on
purpose (tens of milliseconds); apps that use Basic auth send it with every request, so a successful check is
remembered for ``BASIC_TTL`` seconds under a hash of the pair, and honoured only while the user's password hash
is unchanged and the account enabled (one indexed read). A wrong password is never remembered.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
import time

from ..accounts.users import authenticate

BASIC_TTL = 300.0
_MAX_REMEMBERED = 10_000
_PEPPER = secrets.token_bytes(16)  # per process: the remembered hashes mean nothing outside it
_remembered: dict[bytes, tuple[float, int, str]] = {}  # hash of (name, password) -> (until, user id, password hash)
TOUCH_EVERY = 3600.0  # a key's last_used_at is written at most this often (per process): not a write per request
_touched: dict[tuple[str, int], float] = {}  # (database, key id) -> when last written


def user_for_key(store, token: str | None) -> dict | None:
    """The enabled user owning this API key (any kind), or None."""
    if not token or len(token) > 256:
        return None
    user = store.api_keys.lookup(token.strip())
    if user is not None:
        now = time.monotonic()
        seen = (store.db.url, user["api_key_id"])
        if now - _touched.get(seen, -TOUCH_EVERY) >= TOUCH_EVERY:
            _touched[seen] = now
            store.api_keys.touch(user["api_key_id"])
    return user


def basic_credentials(header: str | None) -> tuple[str, str] | None:
    """(username, password) from an ``Authorization: Basic ...`` header, or None when it is not one."""
    if not header or not header[:6].lower() == "basic " or len(header) > 2048:
        return None
    try:
        name, sep, password = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return (name, password) if sep else None


def user_for_password(store, username: str, password: str, clock=time.monotonic) -> dict | None:
    """The user for HTTP Basic: the account's password, or one of the user's API keys as the password (what the
    "Get the app" page tells people to use, so a leaked app config never holds the account password)."""
    by_key = user_for_key(store, password)
    if by_key is not None:
        return by_key if by_key["username_key"] == username.strip().lower() else None
    key = hashlib.sha256(_PEPPER + username.lower().encode() + b"\0" + password.encode("utf-8", "replace")).digest()
    hit = _remembered.get(key)
    if hit is not None and hit[0] > clock():
        user = store.users.by_username(username)
        if user is not None and user["id"] == hit[1] and user["password_hash"] == hit[2] and not user["disabled"]:
            return user
        _remembered.pop(key, None)
    user = authenticate(store, username, password)
    if user is not None:
        if len(_remembered) >= _MAX_REMEMBERED:
            _remembered.clear()
        _remembered[key] = (clock() + BASIC_TTL, user["id"], user["password_hash"])
    return user


def forget_passwords() -> None:
    """Drop every remembered password check (tests; a password change is caught by its hash anyway)."""
    _remembered.clear()
