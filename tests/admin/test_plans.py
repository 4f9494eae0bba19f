"""The plans screen: one plan per unit and year, sensible targets, progress from events."""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from devparty_admin.models import Plan

from ..reports.conftest import admit


@pytest.fixture
def committee(make, login_as):
    unit = make.org("Đảng bộ A", parent=make.org("Tỉnh"))
    branch = make.org("Chi bộ A1", parent=unit)
    session = login_as(make.user("committee", unit))
    session.refresh_token(session.get("/admin/plan/new/").get_data(as_text=True))
    return unit, branch, session


def _plans(db) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Plan))


def test_create_a_plan_and_see_progress_from_admissions(committee, make, db):
    unit, branch, session = committee
    response = session.post("/admin/plan/new/", data={
        "organization": str(unit.id), "year": "2021", "number": "58-KH/ĐU",
        "issued_on": "19/02/2021", "target_admissions": "4"})
    assert response.status_code == 302
    admit(db, make.candidate(branch, full_name="Lê Văn Một"), date(2021, 3, 1))
    admit(db, make.candidate(branch, full_name="Lê Văn Hai"), date(2020, 3, 1))
    html = session.get("/admin/plan/").get_data(as_text=True)
    assert "58-KH/ĐU" in html and "19/02/2021" in html
    row = re.search(r'<td class="col-target_admissions">\s*4\s*</td>\s*'
                    r'<td class="col-admitted">\s*1\s*</td>\s*<td class="col-share">\s*25,0%', html)
    assert row, "admissions of 2021 under the unit, against its target"


@pytest.mark.parametrize("data, message", [
    ({"year": "1800"}, "Nhập năm trong khoảng 1930 đến 2100."),
    ({"target_admissions": "-3"}, "Số phải nằm trong khoảng 0 đến 1000000."),
    ({"target_admissions": "4", "q1_admissions": "3", "q2_admissions": "3"},
     "Tổng chỉ tiêu các quý là 6, lớn hơn chỉ tiêu kết nạp cả năm (4)."),
])
def test_bad_plans_are_refused_with_a_message(committee, db, data, message):
    unit, _branch, session = committee
    html = session.post("/admin/plan/new/", data={
        "organization": str(unit.id), "year": "2022", **data}).get_data(as_text=True)
    assert message in html
    assert _plans(db) == 0


def test_one_plan_per_unit_and_year(committee, db):
    unit, _branch, session = committee
    db.session.add(Plan(organization_id=unit.id, year=2022, target_admissions=3))
    db.session.commit()
    html = session.post("/admin/plan/new/", data={
        "organization": str(unit.id), "year": "2022"}).get_data(as_text=True)
    assert "Đơn vị này đã có kế hoạch năm 2022." in html
    assert _plans(db) == 1


def test_branches_read_plans_and_nobody_sees_another_subtree(committee, make, login_as, db):
    unit, branch, _session = committee
    outside = make.org("Đảng bộ B")
    foreign = Plan(organization_id=outside.id, year=2022, target_admissions=9)
    own = Plan(organization_id=unit.id, year=2022, target_admissions=3)
    db.session.add_all([foreign, own])
    db.session.commit()
    reader = login_as(make.user("branch", branch))
    assert reader.get(f"/admin/plan/details/?id={foreign.id}").status_code == 404
    assert reader.get("/admin/plan/new/").status_code == 302
    reader.refresh_token(reader.get("/admin/plan/").get_data(as_text=True))
    reader.post("/admin/plan/new/", data={"organization": str(branch.id), "year": "2023"})
    assert _plans(db) == 2

