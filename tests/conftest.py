pytest_plugins = ["tests.support.db"]  # `store` fixture: every store test runs on SQLite and PostgreSQL

import pytest

from broadsheet.config import Settings
from tests.support.http_server import LocalHTTPServer


@pytest.fixture
def http_server():
    """A real HTTP server on 127.0.0.1; see tests/support/http_server.py."""
    with LocalHTTPServer() as server:
        yield server


@pytest.fixture
def settings() -> Settings:
    """Settings for tests that fetch from ``http_server``: loopback allowed, no politeness delay, quick failures."""
    return Settings.load(allow_private_networks=True, per_host_delay=0, fetch_retries=1, fetch_timeout=2)
