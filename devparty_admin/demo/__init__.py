"""Demo data modelled on the seed articles (shared/seeds): the organization tree with its
members and candidates, logins for every role at several units, and each candidate walked along
the development path by the transition service.

The core adds the province and two logins; each enabled sector plugin adds its units, people
and logins through the ``demo_units`` hook.
"""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..extensions import db
from ..models import Candidate, Member, Organization, User
from ..plugins.loader import plugins
from . import history
from .path import last_day_for, walk
from .tree import ROOT_CODE, People, add_tree, demo_tree

DEMO_PASSWORD = "demo@2026"

CORE_USERS = [
    ("demo.admin", "Quản trị hệ thống", "admin", None),
    ("demo.tinhuy", "Ban Tổ chức Tỉnh ủy (xem)", "viewer", ROOT_CODE),
]


def _add_users(users: list) -> User:
    """The logins not created yet whose unit exists (a unit established by a demo
    reorganization gets its logins once it is)."""
    units = {org.code: org for org in db.session.scalars(select(Organization))}
    taken = set(db.session.scalars(select(User.username)))
    for username, display_name, role, code in users:
        if username in taken or (code and code not in units):
            continue
        user = User(username=username, display_name=display_name, role=role,
                    organization=units.get(code) if code else None)
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
    db.session.flush()
    return db.session.scalar(select(User).where(User.username == "demo.admin"))


def _missing_parts() -> dict[str, tuple]:
    """{plugin: (unit, logins)} of the enabled plugins whose demo part is not loaded yet (its
    top unit's code is not in the database)."""
    registry, parts = plugins(), {}
    for name in registry.plugins:
        if name in registry.enabled():
            for unit, users in registry.hook("demo_units", only={name})():
                parts[name] = (unit, users)
    loaded = set(db.session.scalars(select(Organization.code).where(
        Organization.code.in_([unit.code for unit, _users in parts.values()]))))
    return {name: part for name, part in parts.items() if part[0].code not in loaded}


def load_demo() -> list[str]:
    """Create what is missing of the demo, idempotently: the province with the core's logins,
    and the part of each enabled sector plugin not loaded yet (a plugin enabled later gets its
    part into the existing demo). Returns the labels of what was created."""
    registry = plugins()
    parts = _missing_parts()
    root = db.session.scalar(select(Organization).where(Organization.code == ROOT_CODE))
    if root is not None and not parts:
        return []
    people, walks = People(start=_people_so_far()), []
    if root is None:
        add_tree(demo_tree([unit for unit, _users in parts.values()]), None, people, walks)
    else:
        for unit, _users in parts.values():
            add_tree(unit, root, people, walks)
    logins = [*CORE_USERS, *(user for _unit, users in parts.values() for user in users)]
    admin = _add_users(logins)
    db.session.info["actor_id"] = admin.id
    changes = [change for changes in registry.hook("demo_reorganizations", only=set(parts))()
               for change in changes]
    today, seen = date.today(), {}
    with history.reorganized(changes, admin):
        for serial, (candidate, target) in enumerate(walks, start=people.start + 1):
            index = seen[target] = seen.get(target, -1) + 1
            last_day, certificate_day = last_day_for(target, index, today)
            walk(candidate, target, last_day, admin, serial, certificate_day)
    _add_users(logins)
    registry.hook("demo_records", only=set(parts))()
    db.session.commit()
    created = [] if root is not None else [str(_("the province"))]
    return created + [str(registry.plugins[name].manifest.label) for name in parts]


def _people_so_far() -> int:
    """How many demo people exist: the next ones get citizen ids after theirs."""
    return sum(db.session.scalar(select(func.count()).select_from(model))
               for model in (Candidate, Member))
