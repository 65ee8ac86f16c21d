"""Signing readers in for the reading tests (the session pattern of test_signed_in.py) and seeding their articles."""
from __future__ import annotations

from datetime import timedelta

from broadsheet.accounts.users import create_user
from broadsheet.web.auth import SESSION_COOKIE


class Reader:
    """A user with a session; ``use(client)`` makes the client act as them."""

    def __init__(self, ctx, name: str):
        self.user = create_user(ctx.store, name, "a good password")
        self.id = self.user["id"]
        self.token, self.csrf = ctx.store.sessions.create(self.id, timedelta(days=1))

    def use(self, client):
        client.cookies.clear()
        client.cookies.set(SESSION_COOKIE, self.token)
        return client

    def post(self, client, url: str, data: dict | None = None, csrf: bool = True, **kwargs):
        self.use(client)
        form = dict(data or {})
        if csrf:
            form["csrf_token"] = self.csrf
        return client.post(url, data=form, follow_redirects=False, **kwargs)
