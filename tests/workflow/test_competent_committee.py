"""The competent committee as data on the tree, its delegation by date, and the grassroots
committee's 8-KNĐ resolution between the branch and the decision."""
from __future__ import annotations

from datetime import date

import pytest

from devparty_admin.models import Act, DossierItem
from devparty_admin.security.permissions import can_transition
from devparty_admin.testing.workflow import vote
from devparty_admin.workflow.transitions import TransitionRefused, move

DECIDED = date(2025, 7, 1)


def _decision(branch, day=DECIDED):
    return Act(kind="admission_decision", number="45-QĐ/ĐU", act_date=day,
               organization_id=branch.committee_unit.id)


@pytest.fixture
def proposed(branch, db):
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    return branch


def test_without_data_any_committee_above_decides(proposed, db):
    assert can_transition(proposed.committee_user, proposed.candidate, "admitted")
    move(proposed.candidate, "admitted", actor=proposed.committee_user, act=_decision(proposed))


def test_only_the_competent_committee_decides(proposed, make, db):
    proposed.province.decides_admission = True
    db.session.commit()
    assert not can_transition(proposed.committee_user, proposed.candidate, "admitted")
    with pytest.raises(TransitionRefused) as refused:
        move(proposed.candidate, "admitted", actor=proposed.committee_user, act=_decision(proposed))
    assert any("Đảng bộ tỉnh" in r for r in refused.value.reasons)
    db.session.rollback()
    province_staff = make.user("committee", proposed.province)
    assert can_transition(province_staff, proposed.candidate, "admitted")
    move(proposed.candidate, "admitted", actor=province_staff, act=_decision(proposed))


@pytest.mark.parametrize("delegated_on, passes", [(DECIDED, True), (date(2025, 7, 2), False)])
def test_a_delegation_counts_from_its_date(proposed, db, delegated_on, passes):
    proposed.province.decides_admission = True
    proposed.committee_unit.delegated_on = delegated_on
    proposed.committee_unit.delegation_act = "15-QĐ/TU"
    db.session.commit()
    if passes:
        move(proposed.candidate, "admitted", actor=proposed.committee_user, act=_decision(proposed))
        return
    with pytest.raises(TransitionRefused):
        move(proposed.candidate, "admitted", actor=proposed.committee_user, act=_decision(proposed))


def test_a_grassroots_committee_resolves_before_the_decision(proposed, make, db):
    proposed.province.decides_admission = True
    proposed.committee_unit.grassroots = True
    db.session.commit()
    province_staff = make.user("committee", proposed.province)
    with pytest.raises(TransitionRefused) as refused:
        move(proposed.candidate, "admitted", actor=province_staff, act=_decision(proposed))
    assert any("8-KNĐ" in r and "Đảng bộ Sở Tư pháp" in r for r in refused.value.reasons)
    db.session.rollback()
    db.session.add(DossierItem(candidate=proposed.candidate, form_code="8-KND", status="done",
                               item_date=date(2025, 6, 20)))
    db.session.commit()
    move(proposed.candidate, "admitted", actor=province_staff, act=_decision(proposed))


def test_a_grassroots_committee_that_decides_needs_no_8_knd(proposed, db):
    proposed.committee_unit.grassroots = True
    proposed.committee_unit.decides_admission = True
    db.session.commit()
    move(proposed.candidate, "admitted", actor=proposed.committee_user, act=_decision(proposed))
