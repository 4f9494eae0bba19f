"""The demo's reorganizations (the 2025 reform: districts ended, communes merged, regional
procuracies), applied through the reorganization service before the demo's people walk.

The walks then record their steps as the system would have had it been in use: a step dated
before a reorganization is stamped with the unit its person was in before it
(``models.acts.UNITS_BEFORE``).
"""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import select

from ..extensions import db
from ..models import Candidate, Organization, Plan, UnitChange
from ..models.acts import UNITS_BEFORE
from ..workflow import reorganization
from .tree import Reorganization


@contextmanager
def reorganized(changes: list[Reorganization], actor):
    """Apply ``changes``; within the block, steps dated before the first are recorded in the
    units their people were in before it."""
    if not changes:
        yield
        return
    before = {candidate: (unit, path) for candidate, unit, path in db.session.execute(
        select(Candidate.id, Organization.id, Organization.path)
        .join(Organization, Organization.id == Candidate.organization_id))}
    apply(changes, actor)
    db.session.info[UNITS_BEFORE] = (min(change.day for change in changes), before)
    try:
        yield
    finally:
        db.session.info.pop(UNITS_BEFORE, None)


def apply(changes: list[Reorganization], actor) -> None:
    """Apply ``changes`` in date order; a refused one stops the demo (its data is wrong)."""
    for change in sorted(changes, key=lambda c: c.day):
        for unit, parent_code in change.establish:
            org = Organization(code=unit.code, name=unit.name, level=unit.level,
                               sector=unit.sector, place=unit.place)
            db.session.add(org)
            org.parent = _unit(parent_code)
            reorganization.establish(org, _decision(change), actor=actor)
            db.session.add_all(Plan(organization=org, **plan) for plan in unit.plans)
        for sources, target in change.merge:
            reorganization.merge([_unit(code) for code in sources], _unit(target),
                                 _decision(change), actor=actor, plans=reorganization.KEEP)
        for code in change.dissolve:
            reorganization.dissolve(_unit(code), _decision(change), actor=actor)


def _decision(change: Reorganization) -> UnitChange:
    return UnitChange(number=change.number, act_date=change.day, issuer=change.issuer)


def _unit(code: str) -> Organization:
    return db.session.scalar(select(Organization).where(Organization.code == code))
