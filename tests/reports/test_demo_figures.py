"""The demo reproduces the seed articles' figures through the reports, as users will look for
them (acceptance of issue 6: the justice committee's admissions 2015–2020 are 7, 5, 3, 1, 3, 3)."""
from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from devparty_admin.demo import DEMO_PASSWORD, load_demo
from devparty_admin.plugins import plugins
from devparty_admin.testing import Browser

from .test_reports import table


@pytest.fixture
def demo(app, db):
    for name in ("police", "procuracy", "justice", "commune"):
        plugins().set_enabled(name, True)
    db.session.commit()
    load_demo()

    def login(username: str) -> Browser:
        session = Browser(app.test_client())
        assert session.login(username, DEMO_PASSWORD).status_code == 302
        return session

    return login


def test_the_seed_figures_come_out_of_the_reports(demo):
    justice = demo("demo.tuphap")
    html = justice.get("/admin/reports/admissions").get_data(as_text=True)
    years = dict(map(tuple, table(html, "by_year")))
    assert [years[str(year)] for year in range(2015, 2021)] == ["7", "5", "3", "1", "3", "3"]
    period = "start=01/01/2015&end=31/12/2020"
    html = justice.get(f"/admin/reports/admissions?{period}").get_data(as_text=True)
    assert table(html, "by_year")[-1] == ["Tổng cộng", "22"]
    sheet = load_workbook(io.BytesIO(justice.get(f"/admin/reports/admissions.xlsx?{period}").data)
                          )["Số kết nạp theo năm"]
    assert list(sheet.iter_rows(min_row=5, values_only=True)) == [
        (2015, 7), (2016, 5), (2017, 3), (2018, 1), (2019, 3), (2020, 3), ("Tổng cộng", 22)]
    members = table(justice.get("/admin/reports/members").get_data(as_text=True), "members")
    assert members[-1][:4] == ["Tổng cộng", "43", "3", "46"]
    plan = table(justice.get("/admin/reports/plan?start=01/01/2021&end=31/12/2021").get_data(
        as_text=True), "targets")
    assert plan[0] == ["Kết nạp đảng viên", "2", "2", "100,0%"]

    police = demo("demo.congan")
    rows = table(police.get("/admin/reports/members?start=01/01/2022&end=31/12/2022").get_data(
        as_text=True), "members")
    assert rows[-1][3:6] == ["1098", "34", "3,1%"]

    procuracy = demo("demo.vks")
    staff = table(procuracy.get("/admin/reports/members").get_data(as_text=True), "staff")
    assert ["Chi bộ trực thuộc", "75", "77", "75/77", "97,4%"] in staff
    assert ["Chi bộ cơ sở", "119", "149", "119/149", "79,9%"] in staff

    # Nông Cống's district ended on 1/7/2025: its figures read by the tree as it was.
    province, district = demo("demo.tinhuy"), unit_id("NC")
    plan = table(province.get(f"/admin/reports/plan?unit={district}&start=01/01/2022&end=31/12/2022"
                              ).get_data(as_text=True), "targets")
    assert plan[0] == ["Kết nạp đảng viên", "200", "82", "41,0%"]
    profile = dict((row[0], row[1]) for row in table(province.get(
        f"/admin/reports/new_members?unit={district}&start=01/01/2021&end=31/12/2021").get_data(
        as_text=True), "profile"))
    assert (profile["Số kết nạp"], profile["Học sinh, sinh viên"]) == ("206", "25")
    years = table(province.get(f"/admin/reports/admissions?unit={unit_id('TS')}&start=01/01/2020"
                               "&end=31/12/2022").get_data(as_text=True), "by_year")
    assert years[-1] == ["Tổng cộng", "12"]


def unit_id(code: str) -> int:
    from devparty_admin.extensions import db
    from devparty_admin.models import Organization
    return db.session.scalar(select(Organization.id).where(Organization.code == code))


def test_the_2025_reform_reads_by_the_tree_as_it_was_or_summed_into_todays_units(demo):
    """2021 by the tree as it was: the district with its five communes (206); summed into
    today's units: the two communes that took them over (56 + 150). 2026 has no district."""
    province = demo("demo.tinhuy")
    by_unit = "/admin/reports/admissions?start=01/01/2021&end=31/12/2021"
    then = dict(map(tuple, table(province.get(by_unit).get_data(as_text=True), "by_unit")))
    assert then["Đảng bộ huyện Nông Cống (đã kết thúc 01/07/2025)"] == "206"
    assert not any("Trường Văn" in name for name in then)
    now = dict(map(tuple, table(province.get(by_unit + "&tree=now").get_data(as_text=True),
                                "by_unit")))
    assert (now["Đảng bộ xã Trường Văn"], now["Đảng bộ xã Nông Cống"]) == ("56", "150")
    assert not any("Nông Cống (đã kết thúc" in name for name in now)
    html = province.get(by_unit + "&tree=now").get_data(as_text=True)
    assert "cộng vào các đơn vị hiện nay" in html
    year = date.today().year
    today = dict(map(tuple, table(province.get(
        f"/admin/reports/admissions?start=01/01/{year}&end=31/12/{year}").get_data(as_text=True),
        "by_unit")))
    assert "Đảng bộ xã Trường Văn" in today and not any("huyện" in name for name in today)

    commune = demo("demo.truongvan")  # the new commune: its hamlets' past summed into it
    period = "start=01/01/2020&end=31/12/2022"
    years = table(commune.get(f"/admin/reports/admissions?{period}&tree=now").get_data(
        as_text=True), "by_year")
    assert years[-1] == ["Tổng cộng", str(12 + 51 + 20)]
    assert table(commune.get(f"/admin/reports/admissions?{period}").get_data(as_text=True),
                 "by_year")[-1] == ["Tổng cộng", "0"]
    for tree, admitted in (("&tree=now", str(12 + 51 + 20)), ("", "0")):  # the profile too
        profile = table(commune.get(f"/admin/reports/new_members?{period}{tree}").get_data(
            as_text=True), "profile")
        assert profile[0][:2] == ["Số kết nạp", admitted]
    procuracy = demo("demo.vks")
    years = table(procuracy.get(f"/admin/reports/admissions?unit={unit_id('VKS-H1')}&start="
                                "01/01/2018&end=31/12/2022").get_data(as_text=True), "by_year")
    assert years[-1] == ["Tổng cộng", "5"]


def test_each_sector_plugin_reports_its_figures(demo, db):
    justice = demo("demo.tuphap")
    html = justice.get("/admin/reports/justice_qualifications").get_data(as_text=True)
    theory = dict((row[0], row[1]) for row in table(html, "theory"))
    assert (theory["Cao cấp"], theory["Trung cấp"], theory["Sơ cấp"]) == ("6", "9", "6")
    law = dict((row[0], row[1]) for row in table(html, "law"))
    assert (law["Thạc sĩ Luật"], law["Cử nhân Luật"]) == ("6", "16")
    assert justice.get("/admin/reports/police_ranks").status_code == 404  # another sector's

    police = demo("demo.congan")
    rows = table(police.get("/admin/reports/police_ranks?start=01/01/2022&end=31/12/2022")
                 .get_data(as_text=True), "police_ranks")
    assert rows[-1][0] == "Toàn Đảng bộ" and rows[-1][-3:] == ["34", "1098", "3,1%"]

    procuracy = demo("demo.vks")
    rows = table(procuracy.get("/admin/reports/procuracy_staff").get_data(as_text=True),
                 "procuracy_staff")
    assert rows[-1] == ["Tổng cộng", "194", "226", "194/226", "85,8%"]

    admin = demo("demo.admin")
    rows = table(admin.get(f"/admin/reports/commune_hamlets?unit={unit_id('TS')}&start=01/01/2020"
                           "&end=31/12/2022").get_data(as_text=True), "commune_hamlets")
    assert sum(int(row[-1]) for row in rows) == 12 and rows[0][0] == "Thôn 1"
    commune = demo("demo.truongvan")
    plugins().set_enabled("commune", False)
    db.session.commit()
    assert commune.get("/admin/reports/commune_hamlets").status_code == 404
