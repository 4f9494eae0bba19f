"""Sector plugins in the browser: police fields and the vetting rule, commune student fields."""
import pytest

from devparty_admin.plugins import plugins
from devparty_admin.testing.workflow import VOTE_DAY

from .test_candidate_screens import _log_in

pytestmark = pytest.mark.browser


def test_police_and_commune_candidates_show_their_own_fields(page, branch, make, db):
    for name in ("police", "commune"):
        plugins().set_enabled(name, True)
    branch.unit.sector = "police"
    village = make.org("Chi bộ thôn 3", parent=branch.committee_unit, sector="commune")
    student = make.candidate(village, full_name="Học Sinh Thôn Ba", source="high_school")
    db.session.commit()

    _log_in(page, branch.branch_user.username)
    page.goto(f"{page.base}/admin/candidate/edit/?id={branch.candidate.id}")
    assert page.locator("[name=police__rank]").count() == 1
    assert page.locator("[name^=commune__]").count() == 0
    assert "Cấp bậc hàm" in page.content()

    page.goto(f"{page.base}/admin/candidate/move/?id={branch.candidate.id}")
    for name, value in {"act_number": "06-NQ/CB", "act_date": VOTE_DAY.strftime("%d/%m/%Y"),
                        "votes_for": "20", "official_members": "22"}.items():
        page.fill(f"[name={name}]", value)
    page.click("#record-step")
    assert "Chưa có kết quả thẩm tra chính trị nội bộ" in page.content()

    page.wait_for_load_state()
    page.click("#current-user")
    page.click("#log-out")
    _log_in(page, make.user("committee", branch.committee_unit, username="huyen").username)
    page.goto(f"{page.base}/admin/candidate/edit/?id={student.id}")
    for name in ("commune__hamlet", "commune__school", "commune__academic_result",
                 "commune__conduct"):
        assert page.locator(f"[name={name}]").count() == 1, name
    assert page.locator("[name^=police__]").count() == 0
    assert page.external_requests == []


def test_the_new_candidate_form_shows_the_picked_units_sector_only(page, branch, make, db):
    for name in ("police", "commune"):
        plugins().set_enabled(name, True)
    branch.unit.sector = "police"
    make.org("Chi bộ thôn 3", parent=branch.committee_unit, sector="commune")
    db.session.commit()
    _log_in(page, branch.committee_user.username)
    page.goto(f"{page.base}/admin/candidate/new/")
    police = page.locator(".form-section[data-sector=police]")
    commune = page.locator(".form-section[data-sector=commune]")
    page.wait_for_function("document.querySelector('.form-section[data-sector=police]').hidden")
    assert not commune.is_visible()

    def pick(term, label):
        page.click("#s2id_organization .select2-choice")
        page.fill(".select2-drop-active .select2-input", term)
        page.click(f".select2-drop-active .select2-result-label:has-text('{label}')")

    pick("thon 3", "Chi bộ thôn 3")
    commune.locator("[name=commune__hamlet]").wait_for(state="visible")
    assert not police.is_visible()
    pick("chi bo 01", "Chi bộ 01")
    police.locator("h3").wait_for(state="visible")
    assert not commune.is_visible()
