"""Flask extensions, created unbound here and initialised in ``create_app``."""
from __future__ import annotations

from flask import has_request_context, request
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

# Explicit constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()


SQLITE_BUSY_TIMEOUT_MS = 30_000


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """SQLite as a server's database: foreign keys enforced as on PostgreSQL, write-ahead log so
    readers never wait for a writer, and a writer waits for another (up to the busy timeout)
    instead of failing at once with "database is locked"."""
    if _is_sqlite(dbapi_connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()


def engine_options(url: str) -> dict:
    """Connection pool settings: PostgreSQL connections are tested before use (a restarted
    server is reconnected to without a restart of ours) and a request waits at most a few
    seconds for a free one, then gets the "unavailable" page instead of hanging.

    PostgreSQL's JIT compiler is turned off for our sessions (unless the URL sets its own
    ``options``): it compiled a province's report queries, costly by its estimate but done in
    a fraction of a second, for 200–400 ms each ("units that admitted nobody": 696 → 272 ms)."""
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}}
    options = {"pool_pre_ping": True, "pool_timeout": 10, "pool_recycle": 1800}
    if "options" not in make_url(url).query:
        options["connect_args"] = {"options": "-c jit=off"}
    return options


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Session, "after_begin")
def _sqlite_write_lock_first(_session, _transaction, connection) -> None:
    """A request that may write (POST …) takes SQLite's write lock when its session begins,
    waiting its turn behind another writer, instead of reading first and then failing when it
    tries to write after another writer's commit ("database is locked"). Reads are left to the
    driver (which begins a transaction only before writing) and, in WAL mode, never wait. Only
    the session's connection does this: a second connection of the same request (an inspector)
    must not queue behind its own request's lock."""
    dbapi_connection = connection.connection.dbapi_connection
    if (_is_sqlite(dbapi_connection) and not dbapi_connection.in_transaction
            and has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS")):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
