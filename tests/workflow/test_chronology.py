"""The record reads in time order (issue: dates never checked against each other). Each rule
at its boundary: the same day passes, the day before fails, with the dates in the message."""
from __future__ import annotations

from datetime import date

import pytest

from devparty_admin.models import DossierItem, StageEvent
from devparty_admin.testing.workflow import VOTE_DAY, add_certificate, reasons, vote
from devparty_admin.workflow.transitions import TransitionRefused, move


def _decide(branch, day: date):
    from devparty_admin.models import Act

    return Act(kind="admission_decision", number="45-QĐ/ĐU", act_date=day,
               organization_id=branch.committee_unit.id)


@pytest.mark.parametrize("day, passes", [(VOTE_DAY, True), (date(2025, 6, 15), False)])
def test_a_decision_is_not_dated_before_the_proposal(branch, db, day, passes):
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    found = [r for r in reasons(branch, _decide(branch, day), target="admitted",
                                actor=branch.committee_user) if "time order" in r or "thứ tự" in r]
    assert (not found) == passes, found
    if not passes:
        assert "15/06/2025" in found[0] and "16/06/2025" in found[0]


def test_a_step_dated_before_birth_is_refused(branch, make, db):
    person = make.candidate(branch.unit, full_name="Sinh Năm 1992", stage="source",
                            date_of_birth=date(1992, 3, 1))
    from devparty_admin.models import Sponsor
    db.session.add(Sponsor(candidate=person, member=branch.members[3], role="helper",
                           known_since=date(1970, 1, 1)))
    db.session.commit()
    with pytest.raises(TransitionRefused) as refused:
        move(person, "sympathizer", actor=branch.branch_user,
             act=vote(branch.unit, day=date(1980, 1, 1), kind="branch_resolution"))
    assert any("01/01/1980" in r and "01/03/1992" in r for r in refused.value.reasons)
    db.session.rollback()
    assert db.session.query(StageEvent).count() == 0


def test_a_later_step_cannot_be_dated_before_an_earlier_one(branch, make, db):
    person = make.candidate(branch.unit, full_name="Theo Thứ Tự", stage="sympathizer")
    db.session.add(StageEvent(candidate=person, from_stage="source", to_stage="sympathizer",
                              effective_on=date(2025, 3, 1)))
    db.session.commit()
    add_certificate(db, person, branch.unit, date(2020, 1, 10))
    with pytest.raises(TransitionRefused) as refused:
        move(person, "trained", actor=branch.branch_user, effective_on=date(2020, 1, 10))
    assert any("01/03/2025" in r for r in refused.value.reasons)
    db.session.rollback()
    move(person, "trained", actor=branch.branch_user, effective_on=date(2025, 3, 1))


@pytest.mark.parametrize("issued, passes", [(VOTE_DAY, True), (date(2025, 6, 17), False)])
def test_the_certificate_is_dated_on_or_before_the_vote(branch, db, issued, passes):
    db.session.query(DossierItem).filter_by(candidate_id=branch.candidate.id).update(
        {"item_date": date(2025, 5, 1)})
    from devparty_admin.models import Enrollment
    db.session.query(Enrollment).delete()
    db.session.commit()
    add_certificate(db, branch.candidate, branch.unit, issued)
    late = [r for r in reasons(branch, vote(branch.unit)) if "sau ngày biểu quyết" in r
            or "after the vote" in r]
    assert (not late) == passes, late


@pytest.mark.parametrize("dated, passes", [(VOTE_DAY, True), (date(2025, 6, 17), False)])
def test_background_verification_is_dated_on_or_before_the_vote(branch, db, dated, passes):
    db.session.query(DossierItem).filter_by(candidate_id=branch.candidate.id,
                                            form_code="TTLL").update({"item_date": dated})
    db.session.commit()
    late = [r for r in reasons(branch, vote(branch.unit)) if "17/06/2025" in r]
    assert (not late) == passes, late
