"""Fixture: a branch with 22 official members and a candidate whose admission file is complete.

Registered for the whole suite by the root conftest (screens and services both use it)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from devparty_admin.models import Act, DossierItem, Enrollment, Sponsor, TrainingClass
from devparty_admin.plugins import plugins
from devparty_admin.workflow import dossier
from devparty_admin.workflow.guards import Proposal
from devparty_admin.workflow.stages import find_transition
from devparty_admin.workflow.transitions import check

VOTE_DAY = date(2025, 6, 16)


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


def in_sector(branch, db, sector: str):
    """Make the branch a unit of ``sector`` and enable that sector's plugin."""
    branch.unit.sector = sector
    plugins().set_enabled(sector, True)
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
