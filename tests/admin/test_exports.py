"""Excel export of lists: the filtered, scoped rows, Vietnamese headers, dates as dates."""
from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook


def _sheet(response):
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    return load_workbook(io.BytesIO(response.data)).worksheets[0]


def test_candidate_export_keeps_filters_scope_and_dates(make, login_as):
    mine = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    other = make.org("Chi bộ 02", parent=mine.parent)
    make.candidate(mine, full_name="Nguyễn Văn Một", stage="sympathizer",
                   date_of_birth=date(1999, 2, 3))
    make.candidate(mine, full_name="Nguyễn Văn Hai", stage="source")
    make.candidate(other, full_name="Nguyễn Văn Ngoài", stage="sympathizer")
    session = login_as(make.user("branch", mine))
    sheet = _sheet(session.get("/admin/candidate/export/xlsx/?flt0_stage=sympathizer"))
    headers = [cell.value for cell in sheet[1]]
    assert headers[:4] == ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == ["Nguyễn Văn Một"]
    assert rows[0][1] == "Nam" and rows[0][2] == datetime(1999, 2, 3)
    assert sheet.cell(2, 3).number_format == "DD/MM/YYYY"
    assert rows[0][headers.index("Giai đoạn")] == "Cảm tình Đảng"
    everything = _sheet(session.get("/admin/candidate/export/xlsx/"))
    assert sorted(r[0] for r in everything.iter_rows(min_row=2, values_only=True)) == [
        "Nguyễn Văn Hai", "Nguyễn Văn Một"]


def test_member_export_of_many_rows(make, login_as, db):
    from devparty_admin.models import Member
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    db.session.add_all(Member(organization=unit, full_name=f"Đảng Viên {i}", status="official",
                              national_id=f"{i:012d}", admission_date=date(2010, 1, 1 + i % 28))
                       for i in range(2500))
    db.session.commit()
    session = login_as(make.user("committee", unit.parent))
    sheet = _sheet(session.get("/admin/member/export/xlsx/"))
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2500
    headers = [cell.value for cell in sheet[1]]
    assert rows[0][headers.index("Tình trạng")] == "Chính thức"
    assert isinstance(rows[0][headers.index("Ngày quyết định kết nạp")], datetime)
