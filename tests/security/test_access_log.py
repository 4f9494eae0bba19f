"""The access log: every export (with filter and row count) and every opened person record,
visible to administrators only, and append-only."""
from __future__ import annotations

from devparty_admin.models import AccessLog


def test_exports_and_opened_records_are_logged(make, login_as, db):
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    candidate = make.candidate(unit, full_name="Phạm Thị Lan", stage="sympathizer")
    make.candidate(unit, full_name="Phạm Văn Nam")
    viewer = make.user("viewer", unit.parent, username="thanhtra")
    session = login_as(viewer)
    assert session.get("/admin/candidate/export/xlsx/?flt0_stage=sympathizer").status_code == 200
    assert session.get(f"/admin/candidate/details/?id={candidate.id}").status_code == 200
    assert session.get("/admin/candidate/details/?id=999999").status_code == 404
    entries = db.session.query(AccessLog).order_by(AccessLog.id).all()
    assert [(e.action, e.screen, e.record_id, e.rows) for e in entries] == [
        ("export", "candidate", None, 1), ("open", "candidate", candidate.id, None)]
    assert entries[0].detail == "flt0_stage=sympathizer" and entries[0].user_id == viewer.id
    assert session.get("/admin/access_log/").status_code == 403
    admin = login_as(make.user("admin", None))
    page = admin.get("/admin/access_log/").get_data(as_text=True)
    assert "thanhtra" in page and "Xuất dữ liệu" in page and "Mở hồ sơ" in page
