"""A branch with 22 official members and a candidate whose admission file is complete (the
``branch`` fixture), and the helpers that act on it: a valid vote, the reasons a step would be
refused, a certificate, a sector, people ready for the sympathizer list, a walk along the path.
Part of the testing kit (``devparty_admin.testing``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from devparty_admin.models import Act, DossierItem, Enrollment, Sponsor, TrainingClass
from devparty_admin.plugins import plugins
from devparty_admin.workflow import dossier
from devparty_admin.workflow.guards import Proposal
from devparty_admin.workflow.stages import find_transition
from devparty_admin.workflow.transitions import check, move_many

VOTE_DAY = date(2025, 6, 16)
# The days ``walk_to`` records the decision, the ceremony and the recognition vote.
DECIDED = date(2025, 7, 1)
CEREMONY = date(2025, 7, 20)
RECOGNITION_VOTE = date(2026, 7, 24)


@dataclass
class Branch:
    province: object
    committee_unit: object
    unit: object
    sibling: object
    members: list
    branch_user: object
    committee_user: object
    candidate: object


def add_certificate(db, candidate, unit, issued: date, kind: str = "awareness"):
    course = TrainingClass(kind=kind, name=f"Lớp {kind} {issued:%m/%Y}", organization=unit,
                           start_date=issued, end_date=issued)
    db.session.add(Enrollment(training_class=course, candidate=candidate, result="passed",
                              certificate_number=f"CN-{issued:%Y%m%d}", certificate_date=issued))
    db.session.commit()


def vote(unit, day=VOTE_DAY, votes_for=20, members=22, kind="branch_resolution", number="12-NQ/CB"):
    return Act(kind=kind, number=number, act_date=day, organization_id=unit.id,
               votes_for=votes_for, votes_against=members - votes_for, official_members=members)


@pytest.fixture
def branch(make, db) -> Branch:
    province = make.org("Đảng bộ tỉnh")
    committee_unit = make.org("Đảng bộ Sở Tư pháp", parent=province)
    unit = make.org("Chi bộ 01", parent=committee_unit)
    sibling = make.org("Chi bộ 02", parent=committee_unit)
    members = [make.member(unit, full_name=f"Đảng Viên Số {i}") for i in range(22)]
    candidate = make.candidate(unit, full_name="Ứng Viên Mẫu", date_of_birth=date(1995, 3, 10),
                               education_level="upper_secondary", stage="dossier")
    add_certificate(db, candidate, unit, date(2024, 1, 15))
    for member in members[:2]:
        db.session.add(Sponsor(candidate=candidate, member=member, role="introducer",
                               known_since=date(2023, 1, 1)))
        db.session.add(Sponsor(candidate=candidate, member=member, role="helper",
                               known_since=date(2023, 1, 1)))
    for code in (*dossier.BEFORE_PROPOSAL, "3-KND"):
        db.session.add(DossierItem(candidate=candidate, form_code=code, status="done",
                                   item_date=date(2025, 5, 1)))
    db.session.commit()
    return Branch(province, committee_unit, unit, sibling, members,
                  make.user("branch", unit), make.user("committee", committee_unit), candidate)


def reasons(branch, act=None, target="proposed", actor=None, **kwargs):
    """Every reason the branch's candidate would be refused ``target`` (nothing is changed)."""
    proposal = Proposal(branch.candidate, find_transition(branch.candidate.stage, target),
                        actor or branch.branch_user, act, act.act_date if act else kwargs.pop("on"),
                        **kwargs)
    return check(proposal)


def in_sector(branch, db, sector: str, plugin: str | None = None):
    """Make the branch a unit of ``sector`` and enable that sector's plugin (named like the
    sector unless ``plugin`` says otherwise)."""
    branch.unit.sector = sector
    plugins().set_enabled(plugin or sector, True)
    db.session.commit()
    return branch


def ready_for_sympathizer_list(branch, make, db, count: int = 3) -> list:
    """``count`` candidates in the pool, each with a helper who has known them long enough."""
    people = [make.candidate(branch.unit, full_name=f"Cảm Tình Số {i}", stage="source")
              for i in range(count)]
    for person in people:
        db.session.add(Sponsor(candidate=person, member=branch.members[4], role="helper",
                               known_since=date(2020, 1, 1)))
    db.session.commit()
    return people


def walk_to(branch, db, to: str) -> None:
    """Take the branch's candidate along the path with numbered acts and valid votes, the
    committee deciding, up to the stage ``to`` (proposed … official)."""
    person, unit = branch.candidate, branch.unit
    steps = [
        ("proposed", branch.branch_user, vote(unit, number="06-NQ/CB"), None),
        ("admitted", branch.committee_user,
         Act(kind="admission_decision", number="45-QĐ/ĐU", act_date=DECIDED,
             organization_id=branch.committee_unit.id, signer="Lê Thị Thư"), None),
        ("probationary", branch.branch_user, None, CEREMONY),
        ("recognition_proposed", branch.branch_user,
         vote(unit, day=RECOGNITION_VOTE, votes_for=21, number="31-NQ/CB"), None),
        ("official", branch.committee_user,
         Act(kind="recognition_decision", number="88-QĐ/ĐU", act_date=date(2026, 8, 3),
             organization_id=branch.committee_unit.id), None),
    ]
    for target, actor, act, day in steps:
        if target == "recognition_proposed":
            add_certificate(db, person, unit, date(2025, 12, 1), kind="new_member")
            for code in ("10-KND", "11-KND", "12-KND"):
                db.session.add(DossierItem(candidate=person, form_code=code, status="done",
                                           item_date=date(2026, 7, 21)))
        move_many([person], target, actor=actor, act=act, effective_on=day)
        db.session.commit()
        if target == to:
            return
