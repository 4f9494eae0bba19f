"""The police plugin: vetting before the proposal, recorded only by vetting staff; police fields."""
import re
from datetime import date

import pytest

from devparty_admin.models import Candidate
from devparty_admin.plugins import plugins
from devparty_admin.testing.workflow import in_sector, reasons, vote

RULE = "Chưa có kết quả thẩm tra chính trị nội bộ"


@pytest.fixture
def police(branch, db):
    return in_sector(branch, db, "police")


def test_proposing_needs_a_passed_vetting(police, db):
    from plugins.police.models import PoliceVetting
    assert any(RULE in r for r in reasons(police, vote(police.unit)))
    db.session.add(PoliceVetting(candidate=police.candidate, result="failed",
                                 vetted_on=date(2025, 5, 1)))
    db.session.commit()
    assert any("không đủ tiêu chuẩn" in r for r in reasons(police, vote(police.unit)))
    police.candidate.police_vetting.result = "passed"
    db.session.commit()
    assert not any("thẩm tra chính trị" in r for r in reasons(police, vote(police.unit)))


def test_only_vetting_staff_record_the_vetting(police, make, login_as, db):
    cid = police.candidate.id
    secretary = login_as(police.branch_user)
    assert secretary.get("/admin/police_vetting/").status_code == 200  # may read
    secretary.refresh_token(secretary.get("/admin/police_vetting/").get_data(as_text=True))
    secretary.post("/admin/police_vetting/new/", data={"candidate": str(cid), "result": "passed",
                                                       "vetted_on": "01/05/2025"})
    assert db.session.get(Candidate, cid).police_vetting is None
    staff = login_as(make.user("police_vetting", police.committee_unit, username="chinhtri"))
    page = staff.get("/admin/police_vetting/new/")
    assert page.status_code == 200
    staff.refresh_token(page.get_data(as_text=True))
    response = staff.post("/admin/police_vetting/new/", data={
        "candidate": str(cid), "result": "passed", "vetted_on": "01/05/2025",
        "document_number": "15-TTCT"})
    assert response.status_code == 302
    db.session.expire_all()
    vetting = db.session.get(Candidate, cid).police_vetting
    assert (vetting.result, vetting.recorded_by.username) == ("passed", "chinhtri")
    # the vetting role reads candidates but cannot move or edit them
    assert staff.get(f"/admin/candidate/details/?id={cid}").status_code == 200
    assert staff.get(f"/admin/candidate/edit/?id={cid}").status_code == 302
    assert staff.get(f"/admin/candidate/move/?id={cid}").status_code == 302


def test_the_vetting_role_is_offered_on_the_user_form_only_while_enabled(police, make, login_as, db):
    admin = login_as(make.user("admin", None))
    assert "police_vetting" in admin.get("/admin/user/new/").get_data(as_text=True)
    make.user("police_vetting", police.committee_unit, username="chinhtri")
    assert "Cán bộ công tác chính trị (thẩm tra)" in admin.get("/admin/user/").get_data(as_text=True)
    plugins().set_enabled("police", False)
    db.session.commit()
    assert "police_vetting" not in admin.get("/admin/user/new/").get_data(as_text=True)
    assert admin.get("/admin/police_vetting/").status_code == 403


def test_police_candidates_show_police_fields_and_not_justice_ones(police, login_as, db):
    plugins().set_enabled("justice", True)
    db.session.commit()
    html = login_as(police.branch_user).get(
        f"/admin/candidate/edit/?id={police.candidate.id}").get_data(as_text=True)
    names = set(re.findall(r'name="((?:police|justice)__\w+)"', html))
    assert names == {"police__rank", "police__service_type", "police__police_unit",
                     "police__position", "police__joined_on"}
    assert "Thượng úy" in html and "Đại tướng" in html


def test_vetting_details_and_edit_pages_open(police, make, login_as, db):
    """The vetting record is keyed by its candidate: its pages open like any other."""
    from plugins.police.models import PoliceVetting
    db.session.add(PoliceVetting(candidate=police.candidate, result="passed",
                                 vetted_on=date(2025, 5, 1), document_number="12/TT"))
    db.session.commit()
    cid = police.candidate.id
    staff = login_as(make.user("police_vetting", police.committee_unit, username="chinhtri"))
    details = staff.get(f"/admin/police_vetting/details/?id={cid}")
    assert details.status_code == 200 and "12/TT" in details.get_data(as_text=True)
    assert staff.get(f"/admin/police_vetting/edit/?id={cid}").status_code == 200
    outsider = login_as(make.user("police_vetting", police.sibling))
    assert outsider.get(f"/admin/police_vetting/details/?id={cid}").status_code == 404


def test_police_helpers_have_worked_with_the_candidate_for_twelve_months(police, make, db):
    from devparty_admin.models import Sponsor
    from devparty_admin.workflow.calendar import add_months
    from devparty_admin.workflow.transitions import TransitionRefused, move

    candidate = make.candidate(police.unit, full_name="Chiến Sĩ Mới", stage="source")
    helper = Sponsor(candidate=candidate, member=police.members[5], role="helper",
                     known_since=add_months(date(2025, 6, 16), -11))
    db.session.add(helper)
    db.session.commit()
    with pytest.raises(TransitionRefused) as refused:
        move(candidate, "sympathizer", actor=police.branch_user, act=vote(police.unit))
    assert any("Ngành Công an" in r and "11 tháng" in r for r in refused.value.reasons)
    db.session.rollback()
    helper = db.session.get(Sponsor, helper.id)
    helper.known_since = add_months(date(2025, 6, 16), -12)
    db.session.commit()
    move(candidate, "sympathizer", actor=police.branch_user, act=vote(police.unit))


def test_the_case_file_shows_the_vetting_and_what_it_lacks(police, login_as, db):
    from plugins.police.models import PoliceVetting
    secretary = login_as(police.branch_user)
    html = secretary.get(f"/admin/candidate/details/?id={police.candidate.id}").get_data(
        as_text=True)
    assert "Thẩm tra chính trị nội bộ" in html and "Chưa có kết quả thẩm tra" in html
    assert re.search(r'<a href="#sector">[^<]*' + RULE, html)
    db.session.add(PoliceVetting(candidate=police.candidate, result="passed",
                                 vetted_on=date(2025, 5, 1), document_number="12/TT"))
    db.session.commit()
    html = secretary.get(f"/admin/candidate/details/?id={police.candidate.id}").get_data(
        as_text=True)
    assert "Đủ tiêu chuẩn" in html and "12/TT" in html and RULE not in html


def test_the_helper_months_are_a_setting_of_the_plugin(police, make, db, app, monkeypatch):
    """DEVPARTY_POLICE_HELPER_MIN_MONTHS changes the sector's rule; a misspelt or wrong value
    stops the start with one line naming the variable."""
    from devparty_admin import create_app
    from devparty_admin.models import Sponsor
    person = make.candidate(police.unit, full_name="Mới Quen", stage="source")
    db.session.add(Sponsor(candidate=person, member=police.members[3], role="helper",
                           known_since=date(2024, 12, 1)))
    db.session.commit()

    def refused():
        move = dict(target="sympathizer", on=date(2025, 6, 5))
        police.candidate, saved = person, police.candidate
        try:
            return [r for r in reasons(police, None, **move) if "người giúp đỡ phải" in r]
        finally:
            police.candidate = saved

    assert refused() and "ít nhất 12 tháng" in refused()[0]
    monkeypatch.setitem(app.extensions["devparty_plugin_settings"]["police"],
                        "helper_min_months", 6)
    assert refused() == []
    for environ, message in (({"DEVPARTY_POLICE_HELPER_MONTHS": "6"}, "is not a setting"),
                             ({"DEVPARTY_POLICE_HELPER_MIN_MONTHS": "six"}, "must be an int")):
        with pytest.raises(SystemExit, match=message):
            create_app({"TESTING": True, "SECRET_KEY": "x", "DEVPARTY_ENVIRON": environ,
                        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
