"""The one place that chooses the database (``BROADSHEET_DATABASE_URL``) and brings its schema up to date."""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url

from ..errors import BroadsheetError, InvalidInput

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreUnavailable(BroadsheetError):
    code, status = "store_unavailable", 503


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as e:  # sqlalchemy raises ArgumentError with a terse message
        raise InvalidInput(f"BROADSHEET_DATABASE_URL is not a database URL: {url!r}", code="bad_config") from e
    if parsed.get_backend_name() == "sqlite":
        from .sqlite import sqlite_engine
        return sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_size=10, max_overflow=20, pool_pre_ping=True)
    raise InvalidInput(f"Unsupported database {parsed.get_backend_name()!r}: use sqlite:/// or postgresql://",
                       code="bad_config")


def migrate(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Database:
    """Engine, dialect-specific search, and a write lock (SQLite allows one writer; we queue them here)."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        self._write_lock = threading.RLock() if self.dialect == "sqlite" else None
        try:
            migrate(self.engine)
        except Exception as e:
            safe = make_url(url).render_as_string(hide_password=True)
            reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
            log.error("could not open the store at %s: %s", safe, reason, exc_info=log.isEnabledFor(logging.DEBUG))
            raise StoreUnavailable(f"Could not open the database at {safe}: {reason}") from e
        if self.dialect == "sqlite":
            from .sqlite import SqliteSearch as Search
        else:
            from .postgres import PostgresSearch as Search
        self.search = Search()

    @contextmanager
    def write(self):
        """A write transaction; committed on success, rolled back on error (nothing half-stored)."""
        if self._write_lock is None:
            with self.engine.begin() as conn:
                yield conn
            return
        with self._write_lock, self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self):
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
