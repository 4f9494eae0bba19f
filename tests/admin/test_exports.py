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


def test_formula_like_values_come_back_as_text(make, login_as):
    """A name typed as a formula is shown as typed in another user's file, never run."""
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    make.candidate(unit, full_name='=HYPERLINK("http://x","y")')
    make.candidate(unit, full_name="+84 Nguyễn", notes="@SUM(A1)")
    session = login_as(make.user("committee", unit.parent))
    sheet = _sheet(session.get("/admin/candidate/export/xlsx/"))
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
    names = {cell.value for cell in cells}
    assert '=HYPERLINK("http://x","y")' in names and "+84 Nguyễn" in names and "@SUM(A1)" in names
    assert all(cell.data_type != "f" for cell in cells)
    text = session.get("/admin/candidate/export/csv/").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+84 Nguyễn" in text and "'@SUM(A1)" in text
    assert '\n=' not in text and ',=' not in text


def test_every_list_exports_in_both_formats(make, login_as, app, db):
    """Every screen's .xlsx and .csv download works with rows in it (no 500, no file cut
    after its header), and is named in Vietnamese."""
    from devparty_admin.models import Plan, Sponsor
    from devparty_admin.testing.workflow import add_certificate

    province = make.org("Tỉnh", code="T")
    unit = make.org("Chi bộ 01", parent=province, code="CB01")
    candidate = make.candidate(unit, full_name="Lê Thị Ánh", stage="sympathizer")
    member = make.member(unit, status="official")
    db.session.add(Sponsor(candidate=candidate, member=member, role="helper", known_since=date(2024, 1, 1)))
    db.session.add(Plan(organization=unit, year=2026, target_admissions=3))
    db.session.commit()
    add_certificate(db, candidate, unit, date(2025, 1, 1))
    session = login_as(make.user("admin", None))
    admin = app.extensions["admin"][0]
    endpoints = [view.endpoint for view in admin._views
                 if getattr(view, "export_types", None) and not getattr(view, "plugin_name", None)]
    assert {"candidate", "member", "organization", "plan", "sponsor", "enrollment"} <= set(endpoints)
    for endpoint in endpoints:
        xlsx = session.get(f"/admin/{endpoint}/export/xlsx/")
        assert xlsx.status_code == 200, endpoint
        assert ".xlsx" in xlsx.headers["Content-Disposition"]
        load_workbook(io.BytesIO(xlsx.data))
        csv = session.get(f"/admin/{endpoint}/export/csv/")
        assert csv.status_code == 200, endpoint
        lines = csv.data.decode("utf-8-sig").strip().splitlines()
        if endpoint in ("candidate", "member", "organization", "plan", "sponsor", "enrollment"):
            assert len(lines) >= 2, f"{endpoint} export stops after its header"
    disposition = session.get("/admin/member/export/xlsx/").headers["Content-Disposition"]
    assert "filename*=UTF-8''%C4%90%E1%BA%A3ng" in disposition  # "Đảng viên_…", Đ kept


def test_exports_give_their_connection_back(make, login_as, app, db):
    """Exports are written before the first byte leaves: 200 of them, half abandoned by the
    client after the first chunk, leave no connection checked out and no open transaction,
    and a normal page still answers at once."""
    from sqlalchemy import text

    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    for i in range(30):
        make.candidate(unit, full_name=f"Người {i}")
    session = login_as(make.user("viewer", unit.parent))
    for i in range(200):
        kind = "xlsx" if i % 2 else "csv"
        with app.app_context():
            response = session.client.get(f"/admin/candidate/export/{kind}/", buffered=False)
            assert response.status_code == 200
            next(iter(response.response))
            response.close()  # the client went away mid-download
    db.session.close()  # the test's own session, which read ``unit.parent`` above
    assert db.engine.pool.checkedout() == 0
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as connection:
            idle = connection.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' "
                "AND datname = current_database()"))
        assert idle == 0
    assert session.get("/admin/candidate/").status_code == 200


def test_a_large_download_starts_before_its_rows_are_read(make, login_as, app, db):
    """The header leaves first and the rows follow batch by batch: the first piece of a
    2,500-row download arrives before any person's record was loaded, and the whole file
    holds every row once, in the list's order, with a bold frozen header."""
    from sqlalchemy import event

    from devparty_admin.models import Member
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    db.session.add_all(Member(organization=unit, full_name=f"Đảng Viên {i:04d}", status="official",
                              national_id=f"{i:012d}") for i in range(2500))
    db.session.commit()
    session = login_as(make.user("committee", unit.parent))
    loaded = []
    with app.app_context():
        engine = db.engine
    listener = lambda conn, cursor, statement, *rest: loaded.append(statement)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with app.app_context():
            response = session.client.get("/admin/member/export/xlsx/", buffered=False)
            pieces = iter(response.response)
            first = next(pieces)
            assert first.startswith(b"PK")
            assert not [s for s in loaded if "FROM member" in s and "member.full_name" in s]
            body = first + b"".join(pieces)
            response.close()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    sheet = load_workbook(io.BytesIO(body)).worksheets[0]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [f"Đảng Viên {i:04d}" for i in range(2500)]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    assert sheet.title == "Đảng viên"


def test_a_list_larger_than_a_download_is_refused_with_the_reason(make, login_as, app, db,
                                                                    monkeypatch):
    """Past the download limit nothing is written or logged: the list comes back, filters kept,
    saying how many rows it has and what to do."""
    from devparty_admin.models import AccessLog

    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    for i in range(4):
        make.candidate(unit, full_name=f"Người {i}", stage="sympathizer")
    session = login_as(make.user("committee", unit.parent))
    monkeypatch.setitem(app.config, "DEVPARTY_EXPORT_MAX_ROWS", 3)
    response = session.get("/admin/candidate/export/xlsx/?flt0_stage=sympathizer")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/admin/candidate/?flt0_stage=sympathizer")
    page = session.get(response.headers["Location"]).get_data(as_text=True)
    assert "Danh sách này có 4 dòng; mỗi lần tải về tối đa 3 dòng." in page
    assert db.session.query(AccessLog).filter_by(action="export").count() == 0
    monkeypatch.setitem(app.config, "DEVPARTY_EXPORT_MAX_ROWS", 4)
    assert session.get("/admin/candidate/export/xlsx/?flt0_stage=sympathizer").status_code == 200
