"""Running as a server: /healthz, the 503 page when the database is away, SQLite settings."""
from __future__ import annotations

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from devparty_admin import create_app
from devparty_admin.extensions import db as _db
from devparty_admin.testing import Browser, unavailable
from devparty_admin.testing.factories import Factories
from devparty_admin.testing.postgres import TemporaryPostgres


def test_healthz_reports_database_and_migrations(browser, db):
    response = browser.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"database": "ok", "migrations": "ok"}
    with db.engine.begin() as connection:
        heads = [row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))]
        connection.execute(text("DELETE FROM alembic_version WHERE version_num = :v"), {"v": heads[0]})
    try:
        behind = browser.get("/healthz")
        assert behind.status_code == 503 and behind.json["migrations"] == "behind"
    finally:
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": heads[0]})


def test_engine_settings_for_a_server(app, db):
    """SQLite: WAL, a busy timeout, foreign keys; PostgreSQL: connections checked before use,
    no JIT compilation of report queries."""
    if db.engine.dialect.name == "postgresql":
        assert db.engine.pool._pre_ping
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("SHOW jit").scalar() == "off"
        return
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.fixture
def own_postgres():
    """A PostgreSQL server of this test's own, which the test may stop."""
    try:
        server = TemporaryPostgres()
        server.start()
    except Exception as error:  # noqa: BLE001
        unavailable(f"PostgreSQL could not be started: {error}")
    yield server
    server.stop()


def test_database_outage_gives_503_and_recovers_alone(own_postgres, tmp_path):
    app = create_app({"TESTING": False, "SQLALCHEMY_DATABASE_URI": own_postgres.url,
                      "SECRET_KEY": "outage", "DEVPARTY_PLUGINS": [],
                      "DEVPARTY_UPLOAD_DIR": str(tmp_path)})
    with app.app_context():
        upgrade(revision="heads")
        Factories(_db.session).user("admin", None, username="quantri")
    client = Browser(app.test_client())
    assert client.login("quantri").status_code == 302
    assert client.get("/admin/").status_code == 200
    own_postgres.pause()
    try:
        for path in ("/admin/", "/admin/candidate/", "/healthz"):
            response = client.get(path)
            assert response.status_code == 503, path
        page = client.get("/admin/").get_data(as_text=True)
        assert "không kết nối được cơ sở dữ liệu" in page
        assert "Traceback" not in page and "Internal Server Error" not in page
    finally:
        own_postgres.resume()
    assert client.get("/admin/").status_code == 200
    assert client.get("/healthz").status_code == 200
    with app.app_context():
        _db.engine.dispose()


def test_a_writing_request_takes_the_lock_once(app, db):
    """A POST's session begins with the write lock (SQLite: BEGIN IMMEDIATE); another
    connection the same request opens (an inspector, a report) still reads at once instead of
    queueing behind its own request's lock until the busy timeout."""
    from devparty_admin.models import Organization

    with app.test_request_context("/admin/candidate/new/", method="POST"):
        db.session.add(Organization(name="Chi bộ khóa", level="Chi bộ"))
        db.session.flush()
        with db.engine.connect() as other:
            assert other.execute(text("SELECT count(*) FROM organization")).scalar() >= 0
        db.session.rollback()
