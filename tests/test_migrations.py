"""`flask db upgrade` on an empty database gives exactly the models' schema."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext


def test_upgrade_from_empty_matches_the_models(app, db):
    # The session's app was built by running every migration on an empty database.
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_upgrading_a_populated_database_keeps_its_data_and_guards(database_url, tmp_path):
    """From the previous release's schema, with people, acts and history in it, to today's:
    rows survive the table rebuilds, foreign keys hold, history is append-only afterwards."""
    import pytest
    from flask_migrate import upgrade
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DatabaseError

    from devparty_admin import create_app
    from devparty_admin.extensions import db as _db

    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    else:
        admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS upgrade_from_old"))
            connection.execute(text("CREATE DATABASE upgrade_from_old"))
        admin.dispose()
        url = make_url(database_url).set(database="upgrade_from_old").render_as_string(
            hide_password=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "DEVPARTY_PLUGINS": [],
                      "DEVPARTY_UPLOAD_DIR": str(tmp_path)})
    with app.app_context():
        upgrade(revision="ea0e491a4e12")  # the schema of the previous release
        with _db.engine.begin() as connection:
            for statement in (
                "INSERT INTO organization (id, name, name_folded, level, path, active) "
                "VALUES (1, 'Chi bộ 01', 'chi bo 01', 'Chi bộ', '/0000001/', true)",
                "INSERT INTO user_account (id, username, password_hash, display_name, role, "
                "organization_id, active, failed_login_count, created_at) VALUES (1, 'bithu', "
                "'x', 'Bí thư', 'branch', 1, true, 0, '2025-01-01')",
                "INSERT INTO candidate (id, full_name, name_folded, given_folded, sort_key, "
                "organization_id, stage, version, youth_union_member, created_at, updated_at) "
                "VALUES (1, 'Lê An', 'le an', 'an le', '', 1, 'sympathizer', 1, false, "
                "'2025-01-01', '2025-01-01')",
                "INSERT INTO act (id, kind, number, act_date, organization_id, created_by_id, "
                "created_at) VALUES (1, 'branch_resolution', '01-NQ/CB', '2025-02-01', 1, 1, "
                "'2025-02-01')",
                "INSERT INTO stage_event (id, candidate_id, from_stage, to_stage, effective_on, "
                "act_id, actor_id, at) VALUES (1, 1, 'source', 'sympathizer', '2025-02-01', 1, 1, "
                "'2025-02-01')",
            ):
                connection.execute(text(statement))
        upgrade(revision="heads")
        with _db.engine.connect() as connection:
            token = connection.scalar(text("SELECT session_token FROM user_account"))
            assert token and len(token) == 32
            assert connection.scalar(text("SELECT count(*) FROM stage_event")) == 1
        with pytest.raises(DatabaseError, match="append-only"):
            with _db.engine.begin() as connection:
                connection.execute(text("UPDATE act SET number = 'x'"))
        _db.engine.dispose()


def test_indexes_on_an_expression_are_created_on_both_engines(app, db):
    """The indexes filing people by the first letters of their names are on an expression,
    which Alembic cannot compare on SQLite: they are looked up by name on both engines."""
    from sqlalchemy import Column, text
    expected = {index.name for table in db.metadata.tables.values() for index in table.indexes
                if not all(isinstance(part, Column) for part in index.expressions)}
    listing = ("SELECT name FROM sqlite_master WHERE type = 'index'"
               if db.engine.dialect.name == "sqlite" else "SELECT indexname FROM pg_indexes")
    with db.engine.connect() as connection:
        created = set(connection.scalars(text(listing)))
    assert len(expected) == 6 and expected <= created
