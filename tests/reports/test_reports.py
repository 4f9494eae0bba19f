"""Each report against figures computed by hand on the small dataset (conftest.py)."""
from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import load_workbook

from devparty_admin.reports.core import PlanReport
from devparty_admin.reports.facts import Subtree
from devparty_admin.reports.period import Period

from .conftest import admit

PERIOD_2020_2021 = "start=01/01/2020&end=31/12/2021"


def table(html: str, key: str) -> list[list[str]]:
    """The body rows of report table ``key`` as the user reads them."""
    found = re.search(rf'id="table-{key}"(.*?)</table>', html, re.S)
    assert found, f"no table {key}"
    rows = re.findall(r"<tr>(.*?)</tr>", found.group(1).split("<tbody>", 1)[1], re.S)
    return [[re.sub(r"<[^>]+>", "", cell).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]


def links(html: str, key: str) -> list[str]:
    found = re.search(rf'id="table-{key}"(.*?)</table>', html, re.S)
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', found.group(1))]


def list_names(session, url: str) -> list[str]:
    html = session.get(url).get_data(as_text=True)
    return sorted(re.findall(r'<td class="col-full_name">\s*(.*?)\s*</td>', html, re.S))


def test_admissions_by_year_and_unit_with_period_boundaries(dataset, login_as):
    session = login_as(dataset.committee_user)
    html = session.get(f"/admin/reports/admissions?{PERIOD_2020_2021}").get_data(as_text=True)
    assert table(html, "by_year") == [["2020", "1"], ["2021", "2"], ["Tổng cộng", "3"]]
    assert table(html, "by_unit") == [["Đảng bộ A (trực tiếp)", "0"], ["Chi bộ A1", "2"],
                                      ["Chi bộ A2", "1"]]
    # 31/12/2020 belongs to 2020 only; 01/01/2021 to 2021 only.
    html = session.get("/admin/reports/admissions?start=01/01/2021&end=31/12/2021").get_data(
        as_text=True)
    assert table(html, "by_year") == [["2021", "2"], ["Tổng cộng", "2"]]
    html = session.get("/admin/reports/admissions?start=31/12/2020&end=31/12/2020").get_data(
        as_text=True)
    assert table(html, "by_year") == [["2020", "1"], ["Tổng cộng", "1"]]


def test_each_figure_links_to_the_list_of_exactly_those_people(dataset, login_as):
    session = login_as(dataset.committee_user)
    html = session.get(f"/admin/reports/admissions?{PERIOD_2020_2021}").get_data(as_text=True)
    year_2021, total = links(html, "by_year")[1:3]
    assert list_names(session, year_2021) == ["Lê Văn Đầu", "Trần Thị Học"]
    assert list_names(session, total) == ["Lê Văn Cuối", "Lê Văn Đầu", "Trần Thị Học"]
    unit_links = links(html, "by_unit")
    a2_count = [link for link in unit_links if "flt0_unit" in link][-1]
    assert list_names(session, a2_count) == ["Trần Thị Học"]
    # A unit's name opens the same report for that unit.
    drill = [link for link in unit_links if "/admin/reports/admissions" in link][0]
    assert "Chi bộ A1" in session.get(drill).get_data(as_text=True)


def test_the_administrator_sees_every_unit_and_a_committee_cannot_leave_its_subtree(
        dataset, login_as, make):
    admin = login_as(make.user("admin", None))
    html = admin.get(f"/admin/reports/admissions?{PERIOD_2020_2021}").get_data(as_text=True)
    assert table(html, "by_unit") == [["Tỉnh", "4"]]
    html = admin.get(f"/admin/reports/admissions?unit={dataset.province.id}&{PERIOD_2020_2021}"
                     ).get_data(as_text=True)
    assert table(html, "by_unit") == [["Tỉnh (trực tiếp)", "0"], ["Đảng bộ A", "3"],
                                      ["Chi bộ B", "1"]]
    session = login_as(dataset.committee_user)
    assert session.get(f"/admin/reports/admissions?unit={dataset.b.id}").status_code == 404
    assert session.get(f"/admin/reports/admissions.xlsx?unit={dataset.b.id}").status_code == 404
    assert session.get("/admin/reports/admissions?unit=abc").status_code == 404
    assert session.get("/admin/reports/nothing").status_code == 404


def test_a_wrong_period_is_explained_and_the_default_used(dataset, login_as):
    session = login_as(dataset.committee_user)
    response = session.get("/admin/reports/admissions?start=31/02/2021&end=xyz")
    assert response.status_code == 200
    assert "nhập ngày theo dạng dd/mm/yyyy" in response.get_data(as_text=True)
    response = session.get("/admin/reports/admissions?start=01/01/2022&end=01/01/2021")
    assert "Ngày kết thúc kỳ báo cáo trước ngày bắt đầu" in response.get_data(as_text=True)


def test_members_report_counts_official_probationary_and_staff(dataset, make, login_as):
    """Members by unit, and among staff only the members of units that record their staff
    (Đảng bộ A's own member, a "Chi bộ" level unit without staff, stays out of 5/15)."""
    make.member(dataset.a, status="official")
    session = login_as(dataset.committee_user)
    html = session.get(f"/admin/reports/members?{PERIOD_2020_2021}").get_data(as_text=True)
    rows = table(html, "members")
    assert rows[0][:4] == ["Đảng bộ A (trực tiếp)", "1", "0", "1"]
    assert rows[1][:5] == ["Chi bộ A1", "3", "1", "4", "2"]
    assert rows[1][5:] == ["50,0%", "4/10", "40,0%"]
    assert rows[2][:5] == ["Chi bộ A2", "1", "0", "1", "1"]
    assert rows[-1][:5] == ["Tổng cộng", "5", "1", "6", "3"]
    assert table(html, "staff") == [["Chi bộ", "5", "15", "5/15", "33,3%"]]
    probationary = [link for link in links(html, "members") if "status=probationary" in link][1]
    html = session.get(probationary).get_data(as_text=True)
    assert html.count('<td class="col-full_name">') == 1


def test_new_members_profile(dataset, login_as):
    session = login_as(dataset.committee_user)
    html = session.get("/admin/reports/new_members?start=01/01/2021&end=31/12/2021").get_data(
        as_text=True)
    rows = {row[0]: row[1:] for row in table(html, "profile")}
    assert rows["Số kết nạp"] == ["2", "100,0%"]
    assert rows["Phụ nữ"] == ["1", "50,0%"]
    assert rows["Người dân tộc thiểu số"] == ["1", "50,0%"]
    assert rows["Đoàn viên thanh niên"] == ["1", "50,0%"]
    assert rows["Học sinh, sinh viên"] == ["1", "50,0%"]
    assert rows["Từ 18 đến 30 tuổi"] == ["2", "100,0%"]
    assert rows["Tuổi bình quân"][0] == "20,5"  # 2021-1998 = 23 and 2021-2003 = 18
    women = [link for link in links(html, "profile") if "group=women" in link][0]
    assert list_names(session, women) == ["Trần Thị Học"]
    assert table(html, "occupation") == [["Học sinh, sinh viên", "1", "50,0%"],
                                         ["Chưa ghi", "1", "50,0%"]]


def test_plan_targets_roll_up_and_progress_comes_from_events(dataset, login_as, make, db):
    session = login_as(dataset.committee_user)
    html = session.get("/admin/reports/plan?start=01/01/2021&end=31/12/2021").get_data(as_text=True)
    assert table(html, "targets")[0] == ["Kết nạp đảng viên", "5", "2", "40,0%"]
    # A's own target (5) wins over its children's; A1 has its own, A2 none.
    assert table(html, "behind") == [
        ["Đảng bộ A", "5", "2", "40,0%", "5", "Có"],
        ["Chi bộ A1", "2", "1", "50,0%", "2", "Có"],
    ]
    admin = login_as(make.user("admin", None))
    html = admin.get(f"/admin/reports/plan?unit={dataset.province.id}&start=01/01/2021"
                     "&end=31/12/2021").get_data(as_text=True)
    # The province has no plan: its target is A's 5 plus B's 1, set against A's and B's.
    assert table(html, "targets")[0] == ["Kết nạp đảng viên (các đơn vị có kế hoạch)", "6", "3",
                                         "50,0%"]
    assert ["Chi bộ B", "1", "1", "100,0%", "1", "Không"] in table(html, "behind")
    # Sympathizer target only A1 set: it rolls up to A.
    html = session.get("/admin/reports/plan?start=01/01/2021&end=31/12/2021").get_data(as_text=True)
    assert table(html, "targets")[1][:2] == ["Cảm tình Đảng mới (các đơn vị có kế hoạch)", "3"]


def test_class_targets_count_the_attendees_of_classes_ended_in_the_period(dataset, login_as, db):
    """Đảng bộ A sets an awareness-class target for its whole subtree; only Chi bộ A1 sets a
    new-member-class target, so that one is set against A1's attendees alone. A class that
    ended before the period, and a person outside the subtree, are not counted."""
    from devparty_admin.models import Enrollment, Plan, TrainingClass

    db.session.query(Plan).filter_by(organization_id=dataset.a.id).one().target_awareness = 4
    db.session.query(Plan).filter_by(organization_id=dataset.a1.id).one(
        ).target_new_member_class = 1

    def held(kind: str, ended: date, *people) -> None:
        course = TrainingClass(kind=kind, name=f"Lớp {kind} {ended}", start_date=ended,
                               end_date=ended, organization=dataset.a)
        db.session.add_all([course, *(Enrollment(training_class=course, candidate=person)
                                      for person in people)])

    a1, a2, b = (dataset.admitted[key] for key in ("a1_2020", "a2_2021", "b_2021"))
    held("awareness", date(2021, 5, 1), a1, dataset.admitted["a1_2021"], a2, b)
    held("awareness", date(2020, 12, 1), a2)
    held("new_member", date(2021, 9, 1), a1, a2)
    db.session.commit()
    session = login_as(dataset.committee_user)
    html = session.get("/admin/reports/plan?start=01/01/2021&end=31/12/2021").get_data(as_text=True)
    rows = {row[0]: row[1:] for row in table(html, "targets")}
    assert rows["Học lớp nhận thức về Đảng"] == ["4", "3", "75,0%"]
    assert rows["Học lớp đảng viên mới (các đơn vị có kế hoạch)"] == ["1", "1", "100,0%"]
    html = session.get(f"/admin/reports/plan?unit={dataset.a2.id}&start=01/01/2020"
                       "&end=31/12/2021").get_data(as_text=True)
    achieved = {row[0]: row[2] for row in table(html, "targets")}
    assert achieved["Học lớp nhận thức về Đảng"] == "2"
    assert achieved["Học lớp đảng viên mới"] == "1"


def test_plan_due_share_follows_the_calendar(dataset, app, db):
    subtree = Subtree(dataset.a, Period.year(2021))
    with app.test_request_context():
        early = PlanReport().tables(subtree, today=date(2021, 3, 1))[1]
        midyear = PlanReport().tables(subtree, today=date(2021, 7, 2))[1]
    # By 1 March 60 of 365 days have passed: 5 × 60/365 rounds to 1, and A has 2: on track.
    assert [early.rows[0][4].value, early.rows[0][5].value] == [1, "Không"]
    # By 2 July, day 183: 5 × 183/365 rounds to 3, and A has 2: behind.
    assert [midyear.rows[0][4].value, midyear.rows[0][5].value] == [3, "Có"]


def test_units_that_admitted_nobody(dataset, login_as, make, db):
    make.org("Chi bộ A3", parent=dataset.a)
    session = login_as(dataset.committee_user)
    html = session.get("/admin/reports/inactive?start=01/01/2021&end=31/12/2021").get_data(
        as_text=True)
    assert table(html, "inactive_summary") == [["3", "2", "1"]]
    assert table(html, "inactive") == [["Chi bộ A3", "Đảng bộ A", "0"]]
    # By today's tree (no unit has moved): the same units.
    html = session.get("/admin/reports/inactive?start=01/01/2021&end=31/12/2021&tree=now")
    assert html.status_code == 200
    assert table(html.get_data(as_text=True), "inactive") == [["Chi bộ A3", "Đảng bộ A", "0"]]
    html = session.get("/admin/reports/inactive?start=01/01/2022&end=31/12/2022").get_data(
        as_text=True)
    assert [row[0] for row in table(html, "inactive")] == ["Chi bộ A1", "Chi bộ A2", "Chi bộ A3"]


def _on_probation(db, candidate, day: date) -> None:
    """The admitted ``candidate`` starts its probation on ``day``."""
    from devparty_admin.models import StageEvent
    db.session.add(StageEvent(candidate=candidate, from_stage="admitted", to_stage="probationary",
                              effective_on=day))
    candidate.stage = "probationary"
    db.session.commit()


def _funnel_2021(dataset, login_as) -> dict[str, list[str]]:
    session = login_as(dataset.committee_user)
    html = session.get("/admin/reports/funnel?start=01/01/2021&end=31/12/2021").get_data(
        as_text=True)
    return {row[0]: row[1:] for row in table(html, "funnel")}


def test_funnel_now_entered_left_and_days(dataset, login_as, db):
    _on_probation(db, dataset.admitted["a1_2021"], date(2021, 1, 15))
    rows = _funnel_2021(dataset, login_as)
    assert rows["Quần chúng ưu tú (nguồn)"] == ["1", "0", "0", "–"]
    assert rows["Đã có quyết định kết nạp"] == ["3", "2", "1", "14"]
    assert rows["Đảng viên dự bị"] == ["1", "1", "0", "–"]


def test_funnel_averages_the_days_in_a_stage_over_every_move_out_of_it(dataset, login_as, db):
    """Two moves out of "admitted" in the period, after 14 and 198 days: 106 on average, the
    same on both engines (PostgreSQL subtracts dates, SQLite counts Julian days)."""
    _on_probation(db, dataset.admitted["a1_2021"], date(2021, 1, 15))
    _on_probation(db, dataset.admitted["a2_2021"], date(2021, 12, 30))
    assert _funnel_2021(dataset, login_as)["Đã có quyết định kết nạp"][2:] == ["2", "106"]


def test_a_unit_moved_away_is_listed_where_its_admissions_happened(dataset, login_as, db):
    """Chi bộ A2 moves from Đảng bộ A to the province in 2026: by the tree as it was, A's
    report of 2021 still lists it with its 2021 admission, found through the steps' paths; a
    period in which it admitted nobody does not list it."""
    dataset.a2.parent = dataset.province
    db.session.commit()
    session = login_as(dataset.committee_user)

    def by_unit(year: int) -> dict[str, str]:
        html = session.get(f"/admin/reports/admissions?start=01/01/{year}&end=31/12/{year}")
        return dict(map(tuple, table(html.get_data(as_text=True), "by_unit")))

    assert by_unit(2021)["Chi bộ A2"] == "1"
    assert by_unit(2021)["Chi bộ A1"] == "1"
    assert "Chi bộ A2" not in by_unit(2020)


def test_excel_download_has_the_same_numbers(dataset, login_as):
    session = login_as(dataset.committee_user)
    response = session.get(f"/admin/reports/admissions.xlsx?{PERIOD_2020_2021}")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    workbook = load_workbook(io.BytesIO(response.data))
    sheet = workbook["Số kết nạp theo năm"]
    values = [row for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert values == [(2020, 1), (2021, 2), ("Tổng cộng", 3)]
    assert "Đảng bộ A" in sheet["A2"].value
    members = load_workbook(io.BytesIO(session.get(
        f"/admin/reports/members.xlsx?{PERIOD_2020_2021}").data)).worksheets[0]
    row = [r for r in members.iter_rows(min_row=5, values_only=True) if r[0] == "Chi bộ A1"][0]
    assert row[1:6] == (3, 1, 4, 2, 0.5)
    assert members.cell(6, 6).number_format == "0.0%"


def test_reports_need_a_login(dataset, browser):
    response = browser.get("/admin/reports/admissions")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert browser.get("/admin/reports/admissions.xlsx").status_code == 302


def test_the_report_list_includes_every_core_report(dataset, login_as):
    html = login_as(dataset.committee_user).get("/admin/reports/").get_data(as_text=True)
    assert re.findall(r'data-report="(\w+)"', html) == [
        "admissions", "funnel", "members", "new_members", "plan", "inactive", "health"]


def test_a_new_admission_moves_the_figures(dataset, login_as, make, db):
    admit(db, make.candidate(dataset.a2, full_name="Mới Vào"), date(2021, 12, 31))
    html = login_as(dataset.committee_user).get(
        f"/admin/reports/admissions?{PERIOD_2020_2021}").get_data(as_text=True)
    assert table(html, "by_year")[1] == ["2021", "3"]


def test_quarter_targets_against_admissions(dataset, login_as, db):
    from devparty_admin.models import Plan
    plan = db.session.query(Plan).filter_by(organization_id=dataset.a.id).one()
    plan.q1_admissions, plan.q2_admissions = 1, 2
    db.session.commit()
    html = login_as(dataset.committee_user).get(
        "/admin/reports/plan?start=01/01/2021&end=31/12/2021").get_data(as_text=True)
    assert table(html, "quarters") == [["1", "1", "1", "100,0%"], ["2", "2", "1", "50,0%"],
                                       ["3", "–", "0", "–"], ["4", "–", "0", "–"]]


def test_a_report_goes_up_only_as_far_as_the_users_own_unit(dataset, make, login_as):
    """"Up to" the unit above: from a unit below one's own, up to it; from one's own unit,
    nowhere (the unit above is outside the subtree); for those who see every unit, up to the
    root."""
    def up(session, unit=None) -> list[str]:
        query = f"&unit={unit.id}" if unit is not None else ""
        html = session.get(f"/admin/reports/members?{PERIOD_2020_2021}{query}")
        return re.findall(r">lên (.*?)</a>", html.get_data(as_text=True))

    committee = login_as(dataset.committee_user)
    assert up(committee) == [] and up(committee, dataset.a1) == ["Đảng bộ A"]
    administrator = login_as(make.user("admin", dataset.a))
    assert up(administrator) == ["Tỉnh"] and up(administrator, dataset.province) == []


def test_a_report_read_for_one_unit_and_period_then_another_shows_each_its_own(
        dataset, login_as):
    """Chi bộ A1 and A2 are subtrees of one shape, so a report's statements built for the
    first are run again for the second with its own unit and period: each page shows its
    own unit's figures, never the previous page's."""
    session = login_as(dataset.committee_user)

    def read(code: str, unit, year: int, key: str) -> dict[str, list[str]]:
        html = session.get(f"/admin/reports/{code}?unit={unit.id}"
                           f"&start=01/01/{year}&end=31/12/{year}").get_data(as_text=True)
        return {row[0]: row[1:] for row in table(html, key)}

    for _ in range(2):  # the second round runs every statement kept by the first
        women = read("new_members", dataset.a2, 2021, "profile")["Phụ nữ"]
        assert women == ["1", "100,0%"]
        assert read("new_members", dataset.a1, 2021, "profile")["Phụ nữ"] == ["0", "0,0%"]
        assert read("new_members", dataset.a2, 2019, "profile")["Số kết nạp"] == ["1", "100,0%"]
        assert read("members", dataset.a1, 2021, "members")["Chi bộ A1 (trực tiếp)"][:4] == [
            "3", "1", "4", "1"]
        assert read("members", dataset.a2, 2020, "members")["Chi bộ A2 (trực tiếp)"][:4] == [
            "1", "0", "1", "0"]
        assert read("inactive", dataset.a1, 2021, "inactive_summary") == {"1": ["1", "0"]}
        assert read("inactive", dataset.a2, 2020, "inactive_summary") == {"1": ["0", "1"]}
        assert read("inactive", dataset.a2, 2020, "inactive") == {"Chi bộ A2": ["Đảng bộ A", "1"]}
        admitted = "Đã có quyết định kết nạp"
        assert read("funnel", dataset.a1, 2021, "funnel")[admitted][:2] == ["2", "1"]
        assert read("funnel", dataset.a2, 2019, "funnel")[admitted][:2] == ["2", "1"]
        assert read("funnel", dataset.a2, 2020, "funnel")[admitted][:2] == ["2", "0"]
