"""The dashboard draws its charts with nothing but the local server, and an import with errors
shows them row by row (after the progress bar runs) and saves nothing."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from devparty_admin.models import Candidate, Plan

from ..imports.test_import import person, xlsx
from ..reports.conftest import admit
from .test_candidate_screens import _log_in

pytestmark = pytest.mark.browser


def test_dashboard_charts_render_offline(page, make, db):
    unit = make.org("Đảng bộ A", parent=make.org("Tỉnh"))
    branch = make.org("Chi bộ A1", parent=unit)
    this_year = date.today().year
    for day in (date(this_year, 1, 1), date(this_year, 1, 20), date(this_year, 3, 5)):
        admit(db, make.candidate(branch, full_name=f"Người {day:%d%m}"), day)
    db.session.add(Plan(organization_id=unit.id, year=this_year, target_admissions=6))
    db.session.commit()
    make.user("committee", unit, username="bantochuc")
    _log_in(page, "bantochuc")
    assert page.inner_text("#admitted-total").startswith("3")
    assert "50,0%" in page.inner_text("#table-targets")
    months = page.locator("#chart-months rect.bar")
    assert months.count() == 12
    widths = [float(months.nth(i).get_attribute("width")) for i in range(12)]
    assert widths[0] > widths[2] > 0 and widths[1] == 0  # two in January, one in March
    assert page.locator("#chart-funnel rect.bar").count() == 9  # one bar a stage of the path
    assert page.locator("#chart-funnel svg").is_visible()
    page.click("nav >> text=Báo cáo")
    page.click("a.dropdown-item[href$='/admin/reports/']")
    page.click("[data-report=admissions]")
    page.wait_for_selector("#chart-by_year")
    assert page.locator("#chart-by_year rect.bar").count() >= 1
    assert page.external_requests == []


def test_an_import_with_errors_lists_them_and_saves_nothing(page, make, db, tmp_path):
    unit = make.org("Chi bộ A1", parent=make.org("Đảng bộ A", code="A"), code="A1")
    make.user("committee", unit.parent, username="bantochuc")
    rows = [person(f"Người Số {i}", f"0012000{i:05d}") for i in range(2500)]
    rows.append(person("Sai Căn Cước", "123"))
    rows.append(person("Đơn Vị Lạ", "001299999999", unit="ZZ"))
    path = tmp_path / "danh_sach.xlsx"
    path.write_bytes(xlsx(rows))
    _log_in(page, "bantochuc")
    page.goto(f"{page.base}/admin/imports/")
    page.set_input_files("#import-candidate input[type=file]", str(path))
    page.click("#import-candidate button[type=submit]")
    page.wait_for_selector("#job-summary", timeout=60_000)  # the progress bar ran to the end
    assert page.inner_text("#error-rows") == "2"
    errors = page.inner_text("#import-errors")
    assert "2502" in errors and "Số CCCD phải gồm đúng 12 chữ số" in errors
    assert "2503" in errors and "Không có tổ chức đảng nào mang mã “ZZ”." in errors
    assert page.locator("#commit").count() == 0 and page.is_visible("#not-imported")
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Candidate)) == 0
    assert page.external_requests == []
