"""The testing kit, a pytest plugin (entry point ``pytest11``) that the product's tests and any
plugin package's tests use alike: one app per database engine (SQLite, and PostgreSQL started
for the run), a clean database per test, clients that log in and post with the CSRF token,
factories (``testing.factories``), a branch with members and a candidate ready to be proposed,
and a helper that walks a person along the path (``testing.workflow``). See docs/plugins.md.

A plugin's tests choose the plugins enabled by default with a ``devparty_plugins`` fixture.
"""
from __future__ import annotations

import os
import re

import pytest
from flask_migrate import upgrade
from sqlalchemy import event, text

from devparty_admin import create_app
from devparty_admin.extensions import db as _db

from .factories import TEST_PASSWORD, Factories
from .postgres import TemporaryPostgres

pytest_plugins = ["devparty_admin.testing.workflow"]

REQUIRE_ALL = os.environ.get("DEVPARTY_REQUIRE_ALL_ENGINES") == "1"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def unavailable(reason: str):
    """Outside CI a developer without PostgreSQL/Chromium still runs the rest; CI never skips."""
    if REQUIRE_ALL:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url():
    if os.environ.get("DEVPARTY_TEST_POSTGRES"):
        yield os.environ["DEVPARTY_TEST_POSTGRES"]
        return
    try:
        server = TemporaryPostgres()
        url = server.start()
    except Exception as error:  # noqa: BLE001 - any failure means "no local PostgreSQL"
        unavailable(f"PostgreSQL could not be started: {error}")
    yield url
    server.stop()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def devparty_plugins() -> list[str]:
    """The plugins enabled by default in the test app (none: each test enables what it is
    about). A plugin package's conftest overrides it with its own name."""
    return []


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory, devparty_plugins):
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret",
        "DEVPARTY_UPLOAD_DIR": str(tmp_path_factory.mktemp("uploads")),
        "DEVPARTY_PAPER_DIR": str(tmp_path_factory.mktemp("papers")),
        "DEVPARTY_PLUGINS": list(devparty_plugins),  # whatever the shell says
    })
    with app.app_context():
        _db.drop_all()
        with _db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade(revision="heads")
        # Rows the migrations seed (the working calendar's known swaps) are put back after
        # each test empties the tables.
        with _db.engine.connect() as connection:
            app.extensions["seeded_rows"] = {
                table: [{k: v for k, v in row._mapping.items() if k != "id"}  # ids: new ones
                        for row in connection.execute(table.select())]
                for table in _db.metadata.sorted_tables}
    return app


@pytest.fixture
def db(app):
    """The database, emptied after each test."""
    with app.app_context():
        yield _db
        _db.session.rollback()
        _db.session.remove()
        tables = [table.name for table in reversed(_db.metadata.sorted_tables)]
        with _db.engine.begin() as connection:
            if _db.engine.dialect.name == "postgresql":
                connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
            else:
                # History refuses DELETE (append-only triggers): lift them while emptying.
                triggers = connection.execute(text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
                for name, _sql in triggers:
                    connection.execute(text(f"DROP TRIGGER {name}"))
                for table in tables:
                    connection.execute(text(f"DELETE FROM {table}"))
                for _name, sql in triggers:
                    connection.execute(text(sql))
            for table, rows in app.extensions["seeded_rows"].items():
                if rows:
                    connection.execute(table.insert(), rows)


@pytest.fixture
def make(db) -> Factories:
    return Factories(db.session)


class Browser:
    """A test client that logs in through the real form and posts with the CSRF token."""

    def __init__(self, client) -> None:
        self.client = client
        self.token = ""

    def refresh_token(self, html: str | None = None) -> str:
        html = html if html is not None else self.get("/login").get_data(as_text=True)
        found = _CSRF.search(html)
        assert found, "page has no CSRF token"
        self.token = found.group(1)
        return self.token

    def login(self, username: str, password: str = TEST_PASSWORD):
        self.refresh_token()
        return self.post("/login", data={"username": username, "password": password})

    def _request(self, method: str, url: str, **kwargs):
        """Each request gets its own app context, hence its own database session, as in
        production; otherwise it would reuse the test's session and its cached rows."""
        with self.client.application.app_context():
            response = self.client.open(url, method=method, **kwargs)
            response.get_data()  # read streamed bodies (exports) while the context is alive
        return response

    def get(self, url: str, **kwargs):
        return self._request("GET", url, **kwargs)

    def post(self, url: str, data: dict | None = None, with_token: bool = True, **kwargs):
        data = dict(data or {})
        if with_token:
            data.setdefault("csrf_token", self.token)
        return self._request("POST", url, data=data, **kwargs)


@pytest.fixture
def browser(app, db) -> Browser:
    return Browser(app.test_client())


@pytest.fixture
def login_as(app, db):
    """login_as(user) -> a Browser logged in as that user."""

    def login(user) -> Browser:
        session = Browser(app.test_client())
        response = session.login(user.username)
        assert response.status_code == 302, "log-in failed"
        return session

    return login


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(db):
    """with count_queries() as counter: ... counter.count is the number of SQL statements."""
    from contextlib import contextmanager

    @contextmanager
    def counting():
        counter = QueryCounter()
        event.listen(db.engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(db.engine, "before_cursor_execute", counter)

    return counting
