"""Creating users and signing them in: names, roles and passwords checked in one place (web, CLI and sync APIs)."""
from __future__ import annotations

import re

from ..errors import InvalidInput
from ..store.clock import utcnow
from .passwords import hash_password, needs_rehash, verify_password

ROLES = ("admin", "moderator", "reader")
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{1,31}")  # 2-32 characters: letters, digits, _ . -; no markup


def check_username(username: str) -> str:
    name = username.strip()
    if not USERNAME.fullmatch(name):
        raise InvalidInput("A username has 2 to 32 characters: letters, digits, '_', '.' or '-', starting with a "
                           "letter or digit.", code="invalid_username")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput(f"Unknown role {role!r}: one of {', '.join(ROLES)}", code="invalid_role")
    return role


def create_user(store, username: str, password: str, role: str = "reader") -> dict:
    """A new user (raises InvalidInput for a bad name, role or password; Conflict when the name is taken)."""
    return store.users.add(check_username(username), hash_password(password), check_role(role))


def authenticate(store, username: str, password: str) -> dict | None:
    """The user when the name and password match and the account is enabled; otherwise None (same time either way)."""
    user = store.users.by_username(username.strip()) if len(username) <= 64 and "\x00" not in username else None
    ok = verify_password(user["password_hash"] if user else None, password)
    if not ok or user is None or user["disabled"]:
        return None
    values = {"last_login_at": utcnow()}
    if needs_rehash(user["password_hash"]):
        values["password_hash"] = hash_password(password)
    return store.users.update(user["id"], **values)


def change_password(store, user: dict, current: str, new: str) -> dict:
    if not verify_password(user["password_hash"], current):
        raise InvalidInput("The current password is not right.", code="wrong_password", status=403)
    return store.users.update(user["id"], password_hash=hash_password(new))


def can_moderate(user: dict | None) -> bool:
    return bool(user) and user["role"] in ("admin", "moderator")


def is_admin(user: dict | None) -> bool:
    return bool(user) and user["role"] == "admin"
