"""Secrets handed to users (session cookies, API keys, invite codes, feed links) and how the store keeps them."""
from __future__ import annotations

import hashlib
import secrets


def new_token(nbytes: int = 32) -> str:
    """A random URL-safe token (43 characters for 32 bytes)."""
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str) -> str:
    """What the store keeps of a secret: its SHA-256, so a leaked table logs no one in."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
