"""Filling in Broadsheet's forms in tests as a browser would: fetch the page, read its CSRF token, post the form.

    forms = Forms(client)
    forms.sign_up("ada", "a good password")             # through /signup (open or with invite=...)
    forms.post("/articles/1", "/comments", kind="article", target_id=1, body="Hello")
"""
from __future__ import annotations

import lxml.html

PASSWORD = "a good password"


class Forms:
    def __init__(self, client):
        self.client = client

    def token(self, page: str) -> str:
        """The CSRF token in the first form of ``page`` (fetched now, so cookies are what a browser would hold)."""
        res = self.client.get(page)
        assert res.status_code < 500, res.text
        found = lxml.html.fromstring(res.text).xpath("//input[@name='csrf_token']/@value")
        assert found, f"no csrf_token field on {page}"
        return found[0]

    def post(self, page: str, action: str, follow: bool = False, **fields):
        """Post ``fields`` to ``action`` with the token from ``page``; ``csrf_token=`` overrides it."""
        data = {"csrf_token": self.token(page), **{k: v for k, v in fields.items() if v is not None}}
        return self.client.post(action, data=data, follow_redirects=follow)

    def sign_up(self, username: str, password: str = PASSWORD, invite: str = "", **extra):
        return self.post("/signup", "/signup", username=username, password=password,
                         password2=extra.pop("password2", password), invite=invite, **extra)

    def log_in(self, username: str, password: str = PASSWORD, next: str | None = None):  # noqa: A002
        return self.post("/login", "/login", username=username, password=password, next=next)

    def log_out(self):
        return self.post("/account", "/logout")

    def comment(self, page: str, kind: str, target_id: int, body: str, parent_id: int | None = None):
        return self.post(page, "/comments", kind=kind, target_id=str(target_id), body=body,
                         parent_id=None if parent_id is None else str(parent_id))
