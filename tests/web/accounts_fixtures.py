"""Clients for the accounts and comments tests: the app with a chosen BROADSHEET_SIGNUP and limits, both databases."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from fastapi.testclient import TestClient

from broadsheet.accounts.users import create_user
from broadsheet.web.app import create_app
from broadsheet.web.auth import SESSION_COOKIE
from tests.support.forms import PASSWORD, Forms

from .seeding import make_context


@contextmanager
def app_client(store, **settings):
    ctx = make_context(store, page_size=5, **settings)
    try:
        with TestClient(create_app(ctx), raise_server_exceptions=False) as client:
            yield client, ctx
    finally:
        ctx.pipeline.close()


def signed_in(client, store, name: str, role: str = "reader") -> tuple[dict, Forms]:
    """A user made in the store and signed in on ``client`` (a fresh session cookie)."""
    user = store.users.by_username(name) or create_user(store, name, PASSWORD, role)
    token, _csrf = store.sessions.create(user["id"], timedelta(days=1))
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, token)
    return user, Forms(client)
