"""A page read that wrote nothing ends its transaction with COMMIT on PostgreSQL, so the
connection keeps the statements psycopg prepared (``request_hooks.end_reads_with_commit``);
anything a request wrote and did not commit is still rolled back."""
from sqlalchemy import func, select, text

from devparty_admin import create_app
from devparty_admin.models import Organization


def test_reads_keep_their_prepared_statements_and_unsaved_writes_are_lost(
        database_url, db, tmp_path):
    from devparty_admin.extensions import db as extension

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url,
                      "SECRET_KEY": "test-secret", "DEVPARTY_PLUGINS": [],
                      "DEVPARTY_UPLOAD_DIR": str(tmp_path / "uploads"),
                      "DEVPARTY_PAPER_DIR": str(tmp_path / "papers")})

    @app.route("/units-counted")
    def units_counted():
        return str(extension.session.scalar(select(func.count()).select_from(Organization)))

    @app.route("/unsaved-unit")
    def unsaved_unit():  # a page that writes, then never commits
        extension.session.add(Organization(name="Chưa lưu", level="Chi bộ"))
        extension.session.flush()
        return "added"

    @app.route("/prepared")
    def prepared():
        return str(extension.session.scalar(text("SELECT count(*) FROM pg_prepared_statements")))

    client = app.test_client()
    assert [client.get("/units-counted").text for _ in range(6)] == ["0"] * 6
    if db.engine.dialect.name == "postgresql":  # psycopg prepares a statement on its fifth run
        assert int(client.get("/prepared").text) >= 1
    assert client.get("/unsaved-unit").text == "added"
    assert client.get("/units-counted").text == "0"
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 0
    with app.app_context():
        extension.engine.dispose()
