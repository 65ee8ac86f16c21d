"""Store fixtures: every test that takes ``store`` runs on SQLite and on PostgreSQL (127.0.0.1:5432, db `test`).

Each PostgreSQL test gets a fresh database cloned per test run (created from the `test` server, dropped at the end).
"""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from broadsheet.store import Store

PG_ADMIN_URL = os.environ.get("BROADSHEET_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> bool:
    try:
        eng = create_engine(PG_ADMIN_URL)
        with eng.connect() as c:
            c.execute(text("select 1"))
        eng.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_server():
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    return PG_ADMIN_URL


def _new_pg_database(admin_url: str) -> tuple[str, callable]:
    name = f"bs_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.rsplit("/", 1)[0] + "/" + name

    def drop():
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return url, drop


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'broadsheet.db'}"
        return
    admin_url = request.getfixturevalue("pg_server")
    url, drop = _new_pg_database(admin_url)
    yield url
    drop()


@pytest.fixture
def store(database_url):
    s = Store(database_url)
    yield s
    s.close()
