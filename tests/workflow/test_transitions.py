"""The service: atomic, every reason at once, authority by role and unit, history written."""
from datetime import date

import pytest
from sqlalchemy import text

from devparty_admin.models import Act, FieldChange, StageEvent
from devparty_admin.security.permissions import can_transition
from devparty_admin.testing.workflow import vote
from devparty_admin.workflow.stages import TRANSITIONS
from devparty_admin.workflow.transitions import TransitionRefused, move, move_many

TABLES = ("candidate", "act", "stage_event", "member", "field_change", "sponsor")


def snapshot(db) -> dict:
    """Every row of the tables a transition could touch, in a stable order."""
    return {table: db.session.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
            for table in TABLES}


def test_a_refused_transition_changes_nothing(branch, db):
    before = snapshot(db)
    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "proposed", actor=branch.branch_user,
             act=vote(branch.unit, votes_for=10))
    db.session.rollback()
    assert refused.value.reasons
    assert snapshot(db) == before


def test_bulk_monthly_resolution_is_all_or_nothing(branch, db, make):
    ready = [make.candidate(branch.unit, full_name=f"Cảm Tình {i}", stage="source") for i in range(3)]
    from devparty_admin.models import Sponsor
    for candidate in ready:
        db.session.add(Sponsor(candidate=candidate, member=branch.members[3], role="helper",
                               known_since=date(2020, 1, 1)))
    stranger = make.candidate(branch.unit, full_name="Chưa Có Người Giúp", stage="source")
    db.session.commit()
    before = snapshot(db)
    with pytest.raises(TransitionRefused) as refused:
        move_many([*ready, stranger], "sympathizer", actor=branch.branch_user, act=vote(branch.unit))
    db.session.rollback()
    assert refused.value.reasons == [
        "Chưa Có Người Giúp: Cần phân công đảng viên chính thức giúp đỡ quần chúng (Quy định 232-QĐ/TW)."]
    assert snapshot(db) == before
    events = move_many(ready, "sympathizer", actor=branch.branch_user,
                       act=vote(branch.unit, number="05-NQ/CB"))
    db.session.commit()
    assert {e.act_id for e in events} == {events[0].act_id}
    assert db.session.query(Act).filter_by(number="05-NQ/CB").count() == 1
    assert all(c.stage == "sympathizer" for c in ready)


def test_stage_events_and_field_changes_are_recorded(branch, db):
    db.session.info["actor_id"] = branch.branch_user.id
    branch.candidate.phone = "0912345678"
    db.session.commit()
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit), note="Họp tháng 6")
    db.session.commit()
    change = db.session.query(FieldChange).filter_by(field="phone").one()
    assert (change.old_value, change.new_value, change.actor_id) == (None, "0912345678",
                                                                      branch.branch_user.id)
    event = db.session.query(StageEvent).one()
    assert (event.from_stage, event.to_stage, event.actor_id, event.note) == (
        "dossier", "proposed", branch.branch_user.id, "Họp tháng 6")


def test_exits_need_a_reason(branch, db):
    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "dropped", actor=branch.branch_user, act=vote(branch.unit))
    assert "Vui lòng ghi rõ lý do." in refused.value.reasons
    move(branch.candidate, "dropped", actor=branch.branch_user, act=vote(branch.unit),
         note="Vi phạm tiêu chuẩn")
    move(branch.candidate, "sympathizer", actor=branch.branch_user,
         act=vote(branch.unit, number="07-NQ/CB"))
    assert branch.candidate.stage == "sympathizer"


# --- authority matrix: each role at the candidate's unit, a sibling and an ancestor ----------
PLACES = {"own": lambda b: b.unit, "sibling": lambda b: b.sibling, "ancestor": lambda b: b.committee_unit}
EXPECTED = {
    # (role, place): the authorities allowed
    ("branch", "own"): {"branch"}, ("branch", "sibling"): set(), ("branch", "ancestor"): {"branch"},
    ("committee", "own"): set(), ("committee", "sibling"): set(),
    ("committee", "ancestor"): {"committee"},
    ("viewer", "own"): set(), ("viewer", "sibling"): set(), ("viewer", "ancestor"): set(),
}


@pytest.mark.parametrize("role,place", list(EXPECTED))
def test_authority_matrix_for_every_transition(branch, make, role, place):
    user = make.user(role, PLACES[place](branch))
    for transition in TRANSITIONS:
        branch.candidate.stage = transition.sources[0]
        allowed = can_transition(user, branch.candidate, transition.target)
        assert allowed == (transition.authority in EXPECTED[role, place]), transition.target
    admin = make.user("admin", None)
    assert can_transition(admin, branch.candidate, "official") is False  # not from "dropped"
    branch.candidate.stage = "recognition_proposed"
    assert can_transition(admin, branch.candidate, "official")


def test_refused_for_lack_of_authority_names_the_rule(branch, make):
    viewer = make.user("viewer", branch.unit)
    with pytest.raises(TransitionRefused) as refused:
        move(branch.candidate, "proposed", actor=viewer, act=vote(branch.unit))
    assert any("thẩm quyền" in r for r in refused.value.reasons)
