"""Each guard at its boundary, through the transition service."""
from datetime import date, timedelta

import pytest

from devparty_admin.models import Act, DossierItem, Member, Sponsor
from devparty_admin.testing.workflow import VOTE_DAY, add_certificate, reasons, vote
from devparty_admin.workflow.calendar import add_months
from devparty_admin.workflow.transitions import TransitionRefused, move


def test_a_complete_file_is_proposed(branch, db):
    event = move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    assert branch.candidate.stage == "proposed"
    assert (event.from_stage, event.to_stage, event.effective_on) == ("dossier", "proposed", VOTE_DAY)


@pytest.mark.parametrize("born,passes", [
    (date(2007, 6, 16), True),   # exactly 18 years 0 months on the vote date
    (date(2007, 6, 17), False),  # one day short
])
def test_minimum_age_in_whole_months(branch, db, born, passes):
    branch.candidate.date_of_birth = born
    db.session.commit()
    found = [r for r in reasons(branch, vote(branch.unit)) if "tuổi" in r]
    assert (found == []) == passes


def test_above_sixty_needs_the_provincial_standing_committees_written_consent(branch, db):
    branch.candidate.date_of_birth = date(1965, 5, 1)
    db.session.commit()
    assert any("Ban Thường vụ Tỉnh ủy" in r for r in reasons(branch, vote(branch.unit)))
    branch.candidate.age_exception = "12-CV/TU"
    db.session.commit()  # a number alone is not a recorded consent
    assert any("Ban Thường vụ Tỉnh ủy" in r for r in reasons(branch, vote(branch.unit)))
    branch.candidate.age_exception_by = "Ban Thường vụ Tỉnh ủy"
    branch.candidate.age_exception_on = VOTE_DAY + timedelta(days=1)
    db.session.commit()  # given after the vote
    assert any("Ban Thường vụ Tỉnh ủy" in r for r in reasons(branch, vote(branch.unit)))
    branch.candidate.age_exception_on = VOTE_DAY
    db.session.commit()
    assert not any("tuổi" in r for r in reasons(branch, vote(branch.unit)))


@pytest.mark.parametrize("issued,passes", [
    (add_months(VOTE_DAY, -60), True),                         # exactly 60 months old
    (date.fromordinal(add_months(VOTE_DAY, -60).toordinal() - 1), False),  # 60 months and a day
])
def test_certificate_at_most_sixty_months_old(branch, db, issued, passes):
    for enrollment in branch.candidate.enrollments:
        db.session.delete(enrollment)
    db.session.commit()
    add_certificate(db, branch.candidate, branch.unit, issued)
    found = [r for r in reasons(branch, vote(branch.unit)) if "chứng nhận" in r]
    assert (found == []) == passes


@pytest.mark.parametrize("votes_for,passes", [(15, True), (14, False)])
def test_two_thirds_of_22_official_members_is_15(branch, votes_for, passes):
    found = [r for r in reasons(branch, vote(branch.unit, votes_for=votes_for)) if "Biểu quyết" in r]
    assert (found == []) == passes
    if not passes:
        assert found == ["Biểu quyết: 14 trên 22 đảng viên chính thức tán thành; cần ít nhất 15 "
                         "(2/3) (Điều lệ Đảng, Điều 4)."]


def test_an_introducer_known_for_eleven_months_fails(branch, db):
    sponsor = next(s for s in branch.candidate.sponsors if s.role == "introducer")
    sponsor.known_since = add_months(VOTE_DAY, -11)
    db.session.commit()
    found = reasons(branch, vote(branch.unit))
    assert any("11 tháng" in r for r in found)
    sponsor.known_since = add_months(VOTE_DAY, -12)
    db.session.commit()
    assert not any("tháng" in r and "làm việc" in r for r in reasons(branch, vote(branch.unit)))


def test_the_national_rule_asks_no_months_of_a_helper(branch, db, make):
    """12 months with the candidate is the Charter's condition for introducers; for the helper it
    is a sector's practice (see the police plugin)."""
    candidate = make.candidate(branch.unit, full_name="Quần Chúng Mới", stage="source")
    db.session.add(Sponsor(candidate=candidate, member=branch.members[5], role="helper",
                           known_since=add_months(VOTE_DAY, -1)))
    db.session.commit()
    move(candidate, "sympathizer", actor=branch.branch_user, act=vote(branch.unit))


def test_every_failing_reason_is_returned_at_once(branch, db):
    branch.candidate.date_of_birth = date(2010, 1, 1)
    branch.candidate.education_level = "primary"
    for item in branch.candidate.dossier_items:
        db.session.delete(item)
    db.session.commit()
    found = reasons(branch, vote(branch.unit, votes_for=3))
    assert len(found) >= 5
    assert any("tuổi" in r for r in found) and any("Biểu quyết" in r for r in found)
    assert any("thẩm tra lý lịch" in r for r in found) and any("phổ thông" in r for r in found)


def _admit(branch, db, decided=date(2025, 7, 1)):
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    move(branch.candidate, "admitted", actor=branch.committee_user,
         act=Act(kind="admission_decision", number="45-QĐ/ĐU", act_date=decided,
                 organization_id=branch.committee_unit.id))
    db.session.commit()


def test_ceremony_within_thirty_working_days(branch, db):
    _admit(branch, db)
    late = date(2025, 9, 1)
    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "probationary", actor=branch.branch_user, effective_on=late)
    assert any("30 ngày làm việc" in r for r in refused.value.reasons)
    unsigned = Act(kind="ceremony_approval", number="15-CV/ĐU", act_date=date(2025, 8, 20),
                   organization_id=branch.unit.id)
    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "probationary", actor=branch.branch_user, effective_on=late,
             act=unsigned)
    assert any("người ký" in r for r in refused.value.reasons)
    db.session.rollback()
    after = Act(kind="ceremony_approval", number="15-CV/ĐU", act_date=date(2025, 9, 2),
                organization_id=branch.unit.id, signer="Ban Thường vụ Đảng ủy")
    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "probationary", actor=branch.branch_user, effective_on=late,
             act=after)
    assert any("02/09/2025" in r for r in refused.value.reasons)
    db.session.rollback()
    approval = Act(kind="ceremony_approval", number="15-CV/ĐU", act_date=date(2025, 8, 20),
                   organization_id=branch.unit.id, signer="Ban Thường vụ Đảng ủy")
    event = move(branch.candidate, "probationary", actor=branch.branch_user, effective_on=late,
                 act=approval)
    db.session.commit()
    assert event.act.number == "15-CV/ĐU"  # on the timeline with its number and date
    member = db.session.query(Member).filter_by(candidate_id=branch.candidate.id).one()
    assert (member.status, member.admission_date, member.ceremony_date) == (
        "probationary", date(2025, 7, 1), late)


def test_probation_ends_on_the_day_and_needs_the_new_member_class(branch, db):
    _admit(branch, db)
    ceremony = date(2025, 7, 10)
    move(branch.candidate, "probationary", actor=branch.branch_user, effective_on=ceremony)
    db.session.commit()

    def branch_resolution(day, votes_for=20):  # 13-KNĐ: the branch's own vote, from its roll
        return Act(kind="branch_resolution", number="13-NQ/CB", act_date=day,
                   organization_id=branch.unit.id, votes_for=votes_for, votes_against=0)

    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "recognition_proposed", actor=branch.branch_user,
             act=branch_resolution(date(2026, 7, 9), votes_for=14))
    text = " ".join(refused.value.reasons)
    assert "10/07/2026" in text and "lớp đảng viên mới" in text
    assert "Hồ sơ công nhận đảng viên chính thức còn thiếu" in text and "12-KNĐ" in text
    assert "14 trên 22" in text  # the branch's vote, counted from the roll
    db.session.rollback()
    add_certificate(db, branch.candidate, branch.unit, date(2025, 12, 1), kind="new_member")
    late = DossierItem(candidate=branch.candidate, form_code="12-KND", status="done",
                       item_date=date(2026, 7, 11))
    db.session.add_all([DossierItem(candidate=branch.candidate, form_code=code, status="done",
                                    item_date=date(2026, 7, 1)) for code in ("10-KND", "11-KND")])
    db.session.add(late)
    db.session.commit()
    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "recognition_proposed", actor=branch.branch_user,
             act=branch_resolution(date(2026, 7, 10)))
    assert any("11/07/2026" in r for r in refused.value.reasons)
    db.session.rollback()
    db.session.get(DossierItem, late.id).item_date = date(2026, 7, 10)
    db.session.commit()
    move(branch.candidate, "recognition_proposed", actor=branch.branch_user,
         act=branch_resolution(date(2026, 7, 10)))
    db.session.commit()
    with pytest.raises(TransitionRefused):  # the branch cannot decide its own recognition
        move(branch.candidate, "official", actor=branch.branch_user,
             act=Act(kind="recognition_decision", number="80-QĐ/ĐU", act_date=date(2026, 7, 15),
                     organization_id=branch.unit.id))
    db.session.rollback()
    move(branch.candidate, "official", actor=branch.committee_user,
         act=Act(kind="recognition_decision", number="80-QĐ/ĐU", act_date=date(2026, 7, 15),
                 organization_id=branch.committee_unit.id))
    db.session.commit()
    assert branch.candidate.stage == "official"
    member = db.session.query(Member).filter_by(candidate_id=branch.candidate.id).one()
    assert (member.status, member.official_date) == ("official", date(2026, 7, 10))
