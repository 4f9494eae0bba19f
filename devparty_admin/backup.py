"""One archive holding everything an installation needs to come back: the database (SQLite's
online backup API, or PostgreSQL's ``pg_dump`` custom format), the uploaded files and the
secret key. Restoring goes into an empty installation only, so nothing is overwritten."""
from __future__ import annotations

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from flask import current_app
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from .extensions import db
from .health import expected_heads

FORMAT = 1


class BackupError(RuntimeError):
    """Said to the operator as it is (Vietnamese), with what to do."""


def _tool(name: str) -> str:
    """A PostgreSQL client program, the newest installed (it must not be older than the server)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name)]
    if not found or found[-1] is None:
        raise BackupError(f"Không tìm thấy chương trình {name} (gói postgresql-client).")
    return found[-1]


def _libpq_url() -> str:
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _sqlite_path() -> Path:
    return Path(make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).database)


def _is_sqlite() -> bool:
    return db.engine.dialect.name == "sqlite"


def _secret_file() -> Path:
    return Path(current_app.config["DEVPARTY_SECRET_KEY_FILE"])


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy while others read and write."""
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        with copy:
            origin.backup(copy)
    finally:
        origin.close()
        copy.close()


def make_backup(target: Path) -> dict:
    """Write the archive to ``target`` while the application may keep running."""
    manifest = {"format": FORMAT, "engine": db.engine.dialect.name,
                "created_at": datetime.now(timezone.utc).isoformat(),
                "migrations": sorted(expected_heads())}
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if _is_sqlite():
            _sqlite_copy(_sqlite_path(), work / "database.sqlite3")
        else:
            subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner",
                            f"--file={work / 'database.dump'}", _libpq_url()],
                           check=True, capture_output=True)
        uploads = Path(current_app.config["DEVPARTY_UPLOAD_DIR"])
        manifest["uploads"] = sum(1 for p in uploads.iterdir() if p.is_file()) if uploads.is_dir() else 0
        manifest["secret_key"] = _secret_file().exists()
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            for name in ("manifest.json", "database.sqlite3", "database.dump"):
                if (work / name).exists():
                    archive.add(work / name, arcname=name)
            if uploads.is_dir():
                archive.add(uploads, arcname="uploads")
            papers = Path(current_app.config["DEVPARTY_PAPER_DIR"])
            if papers.is_dir():
                archive.add(papers, arcname="papers")  # the office's own paper templates
            if manifest["secret_key"]:
                archive.add(_secret_file(), arcname="secret_key")
        os.replace(partial, target)
    return manifest


def _database_is_empty() -> bool:
    return not inspect(db.engine).get_table_names()


def restore_backup(source: Path) -> dict:
    """Bring an archive back into this installation, which must be empty (a new database, no
    uploaded files). Raises BackupError, having changed nothing, otherwise."""
    if not _database_is_empty():
        raise BackupError("Cơ sở dữ liệu đích đã có dữ liệu. Hãy khôi phục vào một cơ sở dữ liệu "
                          "mới (PostgreSQL: tạo database mới; SQLite: một tệp mới).")
    uploads = Path(current_app.config["DEVPARTY_UPLOAD_DIR"])
    if uploads.is_dir() and any(uploads.iterdir()):
        raise BackupError(f"Thư mục tệp đính kèm {uploads} không trống.")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        try:
            with tarfile.open(source, "r:gz") as archive:
                archive.extractall(work, filter="data")
            manifest = json.loads((work / "manifest.json").read_text())
        except (OSError, tarfile.TarError, ValueError, KeyError):
            raise BackupError(f"{source} không phải là tệp sao lưu của DevParty Admin.") from None
        if manifest.get("engine") != db.engine.dialect.name:
            raise BackupError(f"Bản sao lưu là của {manifest.get('engine')}, còn hệ thống này dùng "
                              f"{db.engine.dialect.name}.")
        db.engine.dispose()
        if _is_sqlite():
            _sqlite_copy(work / "database.sqlite3", _sqlite_path())
        else:
            subprocess.run([_tool("pg_restore"), "--no-owner", "--exit-on-error",
                            f"--dbname={_libpq_url()}", str(work / "database.dump")],
                           check=True, capture_output=True)
        if (work / "uploads").is_dir():
            uploads.mkdir(parents=True, exist_ok=True)
            for item in (work / "uploads").iterdir():
                shutil.copy2(item, uploads / item.name)
        if (work / "papers").is_dir():
            shutil.copytree(work / "papers", current_app.config["DEVPARTY_PAPER_DIR"],
                            dirs_exist_ok=True)
        if (work / "secret_key").exists():
            _secret_file().parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(work / "secret_key", _secret_file())
            _secret_file().chmod(0o600)
    return manifest
