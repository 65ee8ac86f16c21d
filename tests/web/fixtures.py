"""Fixtures shared by the web and API tests (imported by both conftests): every test runs on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from broadsheet.web.app import create_app
from tests.support.db import database_url, pg_server, store  # noqa: F401  (fixtures re-exported)

from .seeding import make_context


@pytest.fixture
def ctx(store):  # noqa: F811
    context = make_context(store, page_size=5)
    yield context
    context.pipeline.close()


@pytest.fixture
def client(ctx):
    with TestClient(create_app(ctx), raise_server_exceptions=False) as c:
        yield c
