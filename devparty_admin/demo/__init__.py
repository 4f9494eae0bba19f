"""Demo data modelled on the seed articles (shared/seeds): the organization tree with its
members and candidates, logins for every role at several units, and each candidate walked along
the development path by the transition service.

The core adds the province and two logins; each enabled sector plugin adds its units, people
and logins through the ``demo_units`` hook.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import Organization, User
from ..plugins.loader import plugins
from .path import last_day_for, walk
from .tree import ROOT_CODE, People, add_tree, demo_tree

DEMO_PASSWORD = "demo@2026"

CORE_USERS = [
    ("demo.admin", "Quản trị hệ thống", "admin", None),
    ("demo.tinhuy", "Ban Tổ chức Tỉnh ủy (xem)", "viewer", ROOT_CODE),
]


def _add_users(users: list) -> User:
    units = {org.code: org for org in db.session.scalars(select(Organization))}
    for username, display_name, role, code in users:
        user = User(username=username, display_name=display_name, role=role,
                    organization=units.get(code) if code else None)
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
    db.session.flush()
    return db.session.scalar(select(User).where(User.username == "demo.admin"))


def load_demo() -> bool:
    """Create the demo data unless it is there already; return whether anything was created."""
    if db.session.scalar(select(Organization.id).where(Organization.code == ROOT_CODE)):
        return False
    parts = plugins().hook("demo_units")()  # the enabled sector plugins' units and logins
    walks: list = []
    add_tree(demo_tree([unit for unit, _users in parts]), None, People(), walks)
    admin = _add_users([*CORE_USERS, *(user for _unit, users in parts for user in users)])
    db.session.info["actor_id"] = admin.id
    today, seen = date.today(), {}
    for serial, (candidate, target) in enumerate(walks, start=1):
        index = seen[target] = seen.get(target, -1) + 1
        last_day, certificate_day = last_day_for(target, index, today)
        walk(candidate, target, last_day, admin, serial, certificate_day)
    plugins().hook("demo_records")()
    db.session.commit()
    return True
