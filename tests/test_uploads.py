"""Dossier files: into place only when the record is committed, gone when it is not, replaced
files removed, a storage failure explained without server paths, orphans pruned."""
from __future__ import annotations

import io
import os
import time
from pathlib import Path

from devparty_admin.extensions import db as _db
from devparty_admin.models import DossierItem
from devparty_admin.uploads import prune, recorded_names, store

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _files(app) -> list[str]:
    return sorted(os.listdir(app.config["DEVPARTY_UPLOAD_DIR"]))


def _empty(app) -> None:
    for name in _files(app):
        (Path(app.config["DEVPARTY_UPLOAD_DIR"]) / name).unlink()


def test_a_file_takes_its_place_only_on_commit(app, db):
    _empty(app)
    db.session.query(DossierItem).count()  # as a view, which has read its record first
    name, _type, _size = store(PDF, db.session)
    assert _files(app) == [name + ".part"]
    db.session.rollback()
    assert _files(app) == []
    name, _type, _size = store(PDF, db.session)
    db.session.commit()
    assert _files(app) == [name]


def test_replacing_a_document_removes_the_old_file(branch, login_as, app, db):
    _empty(app)
    item = db.session.query(DossierItem).filter_by(form_code="1-KND").one()
    session = login_as(branch.branch_user)
    session.refresh_token(session.get("/admin/dossier/").get_data(as_text=True))
    data = {"candidate": str(branch.candidate.id), "form_code": "1-KND", "status": "done"}
    for _ in range(3):
        response = session.post(f"/admin/dossier/edit/?id={item.id}", data={
            **data, "upload": (io.BytesIO(PDF), "don.pdf")}, content_type="multipart/form-data")
        assert response.status_code == 302
    db.session.expire_all()
    assert _files(app) == [db.session.get(DossierItem, item.id).file_name]


def test_unwritable_storage_is_explained_and_nothing_is_saved(branch, login_as, app, db,
                                                             monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setitem(app.config, "DEVPARTY_UPLOAD_DIR", str(blocker / "uploads"))
    item = db.session.query(DossierItem).filter_by(form_code="1-KND").one()
    session = login_as(branch.branch_user)
    session.refresh_token(session.get("/admin/dossier/").get_data(as_text=True))
    response = session.post(f"/admin/dossier/edit/?id={item.id}", data={
        "candidate": str(branch.candidate.id), "form_code": "1-KND", "status": "done",
        "upload": (io.BytesIO(PDF), "don.pdf")}, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "không lưu được tệp" in page and str(tmp_path) not in page and "Errno" not in page
    db.session.expire_all()
    assert db.session.get(DossierItem, item.id).file_name is None


def test_orphans_are_pruned(app, db):
    _empty(app)
    kept, _type, _size = store(PDF, db.session)
    db.session.commit()
    orphan = Path(app.config["DEVPARTY_UPLOAD_DIR"]) / "0123456789abcdef.pdf"
    orphan.write_bytes(PDF)
    old = time.time() - 7200
    for path in Path(app.config["DEVPARTY_UPLOAD_DIR"]).iterdir():
        os.utime(path, (old, old))
    with app.app_context():
        assert prune(recorded_names(_db.session) | {kept}) == 1
    assert _files(app) == [kept]
