"""Backup and restore: one archive with the database, the files and the secret key; restored
into an empty installation, the data of the moment of the backup is back, later changes not."""
from __future__ import annotations

import tarfile

from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from devparty_admin import create_app
from devparty_admin.extensions import db as _db
from devparty_admin.models import Candidate
from devparty_admin.testing import Browser
from devparty_admin.testing.factories import Factories

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _installation(url: str, folder):
    folder.mkdir()
    (folder / "secret_key").write_text(f"key-of-{folder.name}")
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x",
                       "DEVPARTY_PLUGINS": [], "DEVPARTY_UPLOAD_DIR": str(folder / "uploads"),
                       "DEVPARTY_PAPER_DIR": str(folder / "papers"),
                       "DEVPARTY_SECRET_KEY_FILE": str(folder / "secret_key")})


def _cli(app, *args):
    return app.test_cli_runner().invoke(args=["devparty", *args])


def _new_postgres_database(url: str, name: str) -> str:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def test_backup_change_restore(database_url, tmp_path):
    if database_url.startswith("sqlite"):
        source_url = f"sqlite:///{tmp_path / 'source.sqlite3'}"
        target_url = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    else:
        source_url = _new_postgres_database(database_url, "backup_source")
        target_url = _new_postgres_database(database_url, "backup_target")
    source = _installation(source_url, tmp_path / "source")
    with source.app_context():
        upgrade(revision="heads")
        make = Factories(_db.session)
        unit = make.org("Chi bộ 01")
        make.user("branch", unit, username="bithu")
        make.candidate(unit, full_name="Người Trước Sao Lưu")
    (tmp_path / "source" / "uploads").mkdir()
    (tmp_path / "source" / "uploads" / "abc.pdf").write_bytes(PDF)
    (tmp_path / "source" / "papers").mkdir()
    (tmp_path / "source" / "papers" / "6-KND.docx").write_bytes(b"the office's own template")
    archive = tmp_path / "devparty.tar.gz"
    result = _cli(source, "backup", str(archive))
    assert result.exit_code == 0, result.output
    with tarfile.open(archive) as contents:
        names = set(contents.getnames())
    assert {"manifest.json", "uploads/abc.pdf", "papers/6-KND.docx", "secret_key"} <= names
    with source.app_context():  # the change made after the backup
        Factories(_db.session).candidate(_db.session.query(Candidate).first().organization,
                                         full_name="Người Sau Sao Lưu")
        _db.engine.dispose()

    target = _installation(target_url, tmp_path / "target")
    result = _cli(target, "restore", str(archive))
    assert result.exit_code == 0, result.output
    with target.app_context():
        names = sorted(c.full_name for c in _db.session.query(Candidate))
        _db.session.remove()
    assert names == ["Người Trước Sao Lưu"]
    assert (tmp_path / "target" / "uploads" / "abc.pdf").read_bytes() == PDF
    assert (tmp_path / "target" / "papers" / "6-KND.docx").read_bytes() == \
        b"the office's own template"
    assert (tmp_path / "target" / "secret_key").read_text() == "key-of-source"
    client = Browser(target.test_client())
    assert client.login("bithu").status_code == 302
    again = _cli(target, "restore", str(archive))
    assert again.exit_code != 0 and "đã có dữ liệu" in again.output
    with target.app_context():
        _db.engine.dispose()
