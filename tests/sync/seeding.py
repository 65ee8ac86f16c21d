"""Two readers with their own subscriptions, categories, API keys and articles, for the sync API tests."""
from __future__ import annotations

import base64
from dataclasses import dataclass, field

import pytest

from broadsheet.accounts.users import create_user
from broadsheet.api.sync_auth import forget_passwords
from tests.web.seeding import add_source, record, seed

PASSWORD = "a good password"


@dataclass
class Reader:
    user: dict
    key: str
    sources: list[dict] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)  # slug -> article id
    categories: dict[str, dict] = field(default_factory=dict)

    @property
    def token(self) -> dict:
        return {"X-Auth-Token": self.key}

    @property
    def basic(self) -> dict:
        raw = f"{self.user['username']}:{PASSWORD}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode()}


def make_readers(store) -> tuple[Reader, Reader]:
    """ann follows outlets 1 (category News, 3 articles) and 2 (no category, 2 articles); ben follows outlet 3."""
    forget_passwords()
    ann = Reader(create_user(store, "ann", PASSWORD), "")
    ben = Reader(create_user(store, "ben", PASSWORD), "")
    ann.key = store.api_keys.create(ann.user["id"], "phone")
    ben.key = store.api_keys.create(ben.user["id"], "tablet")
    s1, s2, s3 = add_source(store, 1), add_source(store, 2), add_source(store, 3)
    ids = seed(store, s1, record("a1", 5), record("a2", 4), record("a3", 3))
    ids += seed(store, s2, record("b1", 2.5), record("b2", 1.5))
    ben_ids = seed(store, s3, record("c1", 2), record("c2", 1))
    news = store.subscriptions.add_category(ann.user["id"], "News")
    store.subscriptions.subscribe(ann.user["id"], s1["id"], news["id"])
    store.subscriptions.subscribe(ann.user["id"], s2["id"])
    store.subscriptions.subscribe(ben.user["id"], s3["id"])
    ann.sources, ben.sources = [s1, s2], [s3]
    ann.ids = dict(zip(["a1", "a2", "a3", "b1", "b2"], ids))
    ben.ids = dict(zip(["c1", "c2"], ben_ids))
    ann.categories = {"News": news}
    return ann, ben


@pytest.fixture
def reader(store):
    return make_readers(store)
