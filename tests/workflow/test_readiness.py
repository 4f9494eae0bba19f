"""The “còn thiếu” panel is the guards' own dry run: it lists exactly what a step would be refused
for (besides the step's form), and nothing once the step passes."""
from datetime import date, timedelta

import pytest

from devparty_admin.models import DossierItem, Sponsor
from devparty_admin.testing.workflow import add_certificate, vote
from devparty_admin.workflow.readiness import missing_for, next_steps
from devparty_admin.workflow.stages import find_transition
from devparty_admin.workflow.transitions import TransitionRefused, move_many


def _propose_today(branch):
    """The branch votes today with a valid vote: what the service refuses, if anything."""
    try:
        move_many([branch.candidate], "proposed", actor=branch.branch_user,
                  act=vote(branch.unit, day=date.today()))
    except TransitionRefused as refused:
        return refused.reasons
    return []


def test_the_panel_lists_exactly_what_the_service_refuses(branch, db):
    db.session.query(DossierItem).filter_by(candidate_id=branch.candidate.id,
                                            form_code="5-KND").delete()
    db.session.query(Sponsor).filter_by(candidate_id=branch.candidate.id,
                                        role="introducer").delete()
    db.session.commit()
    proposed = find_transition("dossier", "proposed")
    panel = missing_for(branch.candidate, proposed, branch.branch_user)
    assert {item.section for item in panel} == {"dossier", "sponsors"}
    refused = _propose_today(branch)
    db.session.rollback()
    assert sorted(item.reason for item in panel) == sorted(refused)
    assert any("5-KNĐ" in item.reason for item in panel)


def test_the_panel_is_empty_when_the_step_passes(branch, db):
    add_certificate(db, branch.candidate, branch.unit, date.today() - timedelta(days=20))
    proposed = find_transition("dossier", "proposed")
    assert missing_for(branch.candidate, proposed, branch.branch_user) == []
    assert _propose_today(branch) == []
    assert branch.candidate.stage == "proposed"


@pytest.mark.parametrize("user_kind, may_take", [("branch_user", False), ("committee_user", True)])
def test_the_decision_is_the_committees_step(branch, db, user_kind, may_take):
    add_certificate(db, branch.candidate, branch.unit, date.today() - timedelta(days=20))
    move_many([branch.candidate], "proposed", actor=branch.branch_user,
              act=vote(branch.unit, day=date.today()))
    db.session.commit()
    steps = next_steps(branch.candidate, getattr(branch, user_kind))
    assert [(s.transition.target, s.may_take) for s in steps] == [("admitted", may_take)]
