"""The one place that chooses the database (``BROADSHEET_DATABASE_URL``) and brings its schema up to date."""
from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.engine import Dialect, Engine, make_url
from sqlalchemy.sql import Select

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


class Prepared:
    """A SELECT built once (at import, with ``bindparam``s), compiled once per dialect, for the hot read paths.

    ``Database.rows()`` runs it. On SQLite it goes straight to the driver: the compiled SQL, the bound values in
    order and the column types' own result processors (e.g. text to datetime), without SQLAlchemy's per-execution
    machinery, which costs several times the query itself on the pages' small indexed reads. Elsewhere it is an
    ordinary ``conn.execute()``. Both give the same dicts (see tests/store/test_prepared.py).
    """

    __slots__ = ("stmt", "_compiled")

    def __init__(self, stmt: Select):
        self.stmt = stmt
        self._compiled: dict[str, tuple] = {}

    def compiled(self, dialect: Dialect) -> tuple | None:
        """(sql, bind names in order, their processors or None, expanding bind names, column keys,
        [(column index, result processor)]), or None when the statement needs SQLAlchemy to run."""
        try:
            return self._compiled[dialect.name]
        except KeyError:
            pass
        c = self.stmt.compile(dialect=dialect)
        names = list(c.positiontup or ())
        expanding = {n for n in names if c.binds[n].expanding}
        if len(names) != len(c.binds) or c.string.count("POSTCOMPILE") != len(expanding):
            out = None
        else:
            binds = [c.binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
            cols = list(self.stmt.selected_columns)
            procs = [(i, p) for i, p in enumerate(col.type.dialect_impl(dialect).result_processor(dialect, None)
                                                 for col in cols) if p is not None]
            out = (c.string, names, binds if any(binds) else None, expanding, [col.key for col in cols], procs)
        self._compiled[dialect.name] = out
        return out


class Database:
    """Engine, dialect-specific search, and a write lock (SQLite allows one writer; we queue them here)."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        # Driver connections for Prepared reads on a SQLite file (not :memory:, where each connection is its own
        # database): autocommit, so each SELECT reads the latest commit (WAL) and nothing needs BEGIN / ROLLBACK.
        database = self.engine.url.database
        self._lean = self.dialect == "sqlite" and bool(database) and database != ":memory:" \
            and not database.startswith("file:")
        self._write_lock = None
        if self.dialect == "sqlite":  # a file database queues its writers across processes too
            from .write_queue import WriteQueue

            self._write_lock = WriteQueue(os.path.abspath(database) if self._lean else None)
        self._idle: list = []  # idle driver connections (list.pop/append are atomic: no lock needed)
        self._closed = False
        # Reads are in-process file reads (no network round trip): small ones may run on the web server's event loop.
        self.local_reads = self.dialect == "sqlite"
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
            with self._begin_write() as conn:
                yield conn
            return
        with self._write_lock.turn(), self._begin_write() as conn:
            yield conn

    @contextmanager
    def _begin_write(self):
        with self.engine.connect() as conn:
            conn.execution_options(sqlite_write=True)  # BEGIN IMMEDIATE on SQLite (see sqlite.py)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self):
        with self.engine.connect() as conn:
            yield conn

    def rows(self, prepared: Prepared, **params) -> list[dict]:
        """The rows of one prepared SELECT, as dicts keyed by column (label) name."""
        compiled = prepared.compiled(self.engine.dialect) if self._lean else None
        if compiled is None:
            with self.engine.connect() as conn:
                return [r._asdict() for r in conn.execute(prepared.stmt, params)]
        sql, names, binds, expanding, keys, procs = compiled
        values = [params[n] for n in names]
        if binds:
            values = [v if p is None or v is None or n in expanding else p(v) for n, v, p in zip(names, values, binds)]
        if expanding:  # IN (:ids): one placeholder per value, as SQLAlchemy would render it
            flat = []
            for n, v, p in zip(names, values, binds or [None] * len(names)):
                if n not in expanding:
                    flat.append(v)
                    continue
                if not v:  # an empty IN: let SQLAlchemy write its always-false form
                    with self.engine.connect() as conn:
                        return [r._asdict() for r in conn.execute(prepared.stmt, params)]
                flat.extend(v if p is None else [x if x is None else p(x) for x in v])
                sql = sql.replace(f"__[POSTCOMPILE_{n}]", ", ".join("?" * len(v)), 1)
            values = flat
        try:
            dbapi_conn = self._idle.pop()
        except IndexError:
            dbapi_conn = self._connect_lean()
        try:
            fetched = dbapi_conn.execute(sql, values).fetchall()
        except BaseException:
            dbapi_conn.close()  # in an unknown state: do not reuse
            raise
        self._release_lean(dbapi_conn)
        if not procs:
            return [dict(zip(keys, r)) for r in fetched]
        out = []
        for r in fetched:
            r = list(r)
            for i, p in procs:
                r[i] = p(r[i])
            out.append(dict(zip(keys, r)))
        return out

    def first(self, prepared: Prepared, **params) -> dict | None:
        rows = self.rows(prepared, **params)
        return rows[0] if rows else None

    def _connect_lean(self):
        fairy = self.engine.raw_connection()  # the engine's connect hook has set the pragmas and autocommit
        fairy.detach()  # ours from now on: closed by us, never returned to the engine's pool
        return fairy.dbapi_connection

    def _release_lean(self, dbapi_conn) -> None:
        if self._closed or len(self._idle) >= 8:
            dbapi_conn.close()
        else:
            self._idle.append(dbapi_conn)

    def dispose(self) -> None:
        self._closed = True
        while self._idle:
            self._idle.pop().close()
        self.engine.dispose()
        if self._write_lock is not None:
            self._write_lock.close()
