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
