"""A branch moves three candidates onto the sympathizer list with one monthly resolution and sees
it on their timelines; a committee admits one; a bad vote count shows its message."""

import pytest

from devparty_admin.testing.workflow import VOTE_DAY, ready_for_sympathizer_list

from .test_candidate_screens import _log_in

pytestmark = pytest.mark.browser


def _fill(page, values: dict) -> None:
    for name, value in values.items():
        page.fill(f"[name={name}]", value)


def test_monthly_resolution_admission_and_a_bad_vote(page, branch, make, db):
    people = ready_for_sympathizer_list(branch, make, db)
    secretary = branch.branch_user.username
    committee = branch.committee_user.username

    _log_in(page, secretary)
    page.goto(f"{page.base}/admin/candidate/?search=cam+tinh")
    for checkbox in page.locator("input.action-checkbox").all():
        checkbox.check()
    page.click("text=Với các dòng đã chọn")
    page.click("text=Nghị quyết chi bộ hằng tháng")
    page.wait_for_url("**/admin/candidate/resolution/**")
    assert page.locator("#transition-candidates li").count() == 3
    _fill(page, {"act_number": "09-NQ/CB", "act_date": "05/06/2025"})
    page.click("#record-step")
    page.wait_for_url("**/admin/candidate/")
    assert "Đã ghi nhận cho 3 quần chúng." in page.content()

    page.goto(f"{page.base}/admin/candidate/details/?id={people[0].id}")
    first_row = page.locator("#timeline tbody tr").first.inner_text()
    assert "Cảm tình Đảng" in first_row and "09-NQ/CB" in first_row

    # A vote short of two thirds is refused with the arithmetic.
    page.goto(f"{page.base}/admin/candidate/move/?id={branch.candidate.id}")
    _fill(page, {"act_number": "06-NQ/CB", "act_date": VOTE_DAY.strftime("%d/%m/%Y"),
                 "votes_for": "14", "official_members": "22"})
    page.click("#record-step")
    assert "14 trên 22 đảng viên chính thức tán thành; cần ít nhất 15" in page.content()
    page.fill("[name=votes_for]", "20")
    page.click("#record-step")
    page.wait_for_url("**/admin/candidate/details/**")

    page.wait_for_load_state()
    page.click("#current-user")
    page.click("#log-out")
    _log_in(page, committee)
    page.goto(f"{page.base}/admin/candidate/details/?id={branch.candidate.id}")
    assert page.locator(".step-button").all_inner_texts() == ["Quyết định kết nạp",
                                                              "Không kết nạp"]
    page.click(".step-button[data-step=admitted]")
    _fill(page, {"act_number": "45-QĐ/ĐU", "act_date": "01/07/2025"})
    page.click("#record-step")
    page.wait_for_url("**/admin/candidate/details/**")
    assert "Đã có quyết định kết nạp" in page.locator("#timeline tbody tr").first.inner_text()
    assert page.external_requests == []


def test_the_committee_corrects_a_wrong_decision(page, branch, db):
    """A decision recorded by mistake is annulled from the case file: the person is back at
    'proposed', both events are on the timeline, the wrong one struck through."""
    from devparty_admin.models import Act
    from devparty_admin.testing.workflow import vote
    from devparty_admin.workflow.transitions import move

    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    move(branch.candidate, "admitted", actor=branch.committee_user,
         act=Act(kind="admission_decision", number="45-QĐ/ĐU", act_date=VOTE_DAY.replace(month=7),
                 organization_id=branch.committee_unit.id))
    db.session.commit()
    _log_in(page, branch.committee_user.username)
    page.goto(f"{page.base}/admin/candidate/details/?id={branch.candidate.id}")
    page.click("#annul-step")
    page.wait_for_url("**/admin/candidate/annul/**")
    _fill(page, {"act_number": "02-QĐ/ĐU", "act_date": "15/07/2025",
                 "reason": "Quyết định ghi nhầm người"})
    page.click("#record-step")
    page.wait_for_url("**/admin/candidate/details/**")
    assert "trở lại giai đoạn “Đã đề nghị kết nạp”" in page.content()
    rows = page.locator("#timeline tbody tr").all_inner_texts()
    assert "Đính chính" in rows[0] and "Quyết định ghi nhầm người" in rows[0]
    assert "Đã hủy" in rows[1] and "45-QĐ/ĐU" in rows[1]
