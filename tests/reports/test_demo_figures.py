"""The demo reproduces the seed articles' figures through the reports, as users will look for
them (acceptance of issue 6: the justice committee's admissions 2015–2020 are 7, 5, 3, 1, 3, 3)."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

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

    district = demo("demo.nongcong")
    plan = table(district.get("/admin/reports/plan?start=01/01/2022&end=31/12/2022").get_data(
        as_text=True), "targets")
    assert plan[0] == ["Kết nạp đảng viên", "200", "82", "41,0%"]
    profile = dict((row[0], row[1]) for row in table(district.get(
        "/admin/reports/new_members?start=01/01/2021&end=31/12/2021").get_data(as_text=True),
        "profile"))
    assert (profile["Số kết nạp"], profile["Học sinh, sinh viên"]) == ("206", "25")
    commune = demo("demo.truongson")
    years = table(commune.get("/admin/reports/admissions?start=01/01/2020&end=31/12/2022").get_data(
        as_text=True), "by_year")
    assert years[-1] == ["Tổng cộng", "12"]


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

    commune = demo("demo.truongson")
    rows = table(commune.get("/admin/reports/commune_hamlets?start=01/01/2020&end=31/12/2022")
                 .get_data(as_text=True), "commune_hamlets")
    assert sum(int(row[-1]) for row in rows) == 12 and rows[0][0] == "Thôn 1"

    plugins().set_enabled("commune", False)
    db.session.commit()
    assert commune.get("/admin/reports/commune_hamlets").status_code == 404
