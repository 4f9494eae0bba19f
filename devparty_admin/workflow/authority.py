"""Which committee decides a branch's admissions and recognitions (cấp ủy có thẩm quyền), from
the tree's data, and whether a grassroots committee's resolution (8-KNĐ) comes first."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import Organization


def ancestors(unit: Organization) -> list[Organization]:
    """The units above ``unit``, nearest first (one query)."""
    ids = [int(segment) for segment in unit.path.strip("/").split("/")[:-1] if segment]
    found = {org.id: org for org in db.session.scalars(
        select(Organization).where(Organization.id.in_(ids)))} if ids else {}
    return [found[i] for i in reversed(ids) if i in found]


def competent_committee(unit: Organization, on: date | None = None) -> Organization | None:
    """The nearest unit above ``unit`` that decides, or was delegated to decide by ``on``;
    None when the installation has not said (then any committee above may decide)."""
    on = on or date.today()
    for org in ancestors(unit):
        if org.decides_admission or (org.delegated_on is not None and org.delegated_on <= on):
            return org
    return None


def deciding_committee(unit: Organization, on: date | None = None) -> Organization | None:
    """The committee that decides for ``unit`` on ``on``: the competent one, else (the tree
    does not say) the unit just above; None at the top."""
    committee = competent_committee(unit, on)
    if committee is None:
        above = ancestors(unit)
        committee = above[0] if above else None
    return committee


def grassroots_between(unit: Organization, committee: Organization | None) -> Organization | None:
    """The đảng bộ cơ sở the branch sits in, when it is not itself the deciding committee."""
    for org in ancestors(unit):
        if committee is not None and org.id == committee.id:
            return None
        if org.grassroots:
            return org
    return None

