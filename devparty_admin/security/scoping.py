"""The one place that limits rows to the user's unit subtree.

Every query a user can reach (lists, counts, single records, actions, exports, ajax look-ups,
report figures) goes through ``scoped``; a row outside the subtree is then simply not found.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import g, has_request_context
from sqlalchemy import case, exists, false, func, or_, select, true

from ..extensions import db
from ..models import (
    AccessLog,
    Act,
    CalendarChange,
    Candidate,
    Organization,
    StageEvent,
    Transfer,
    subtree_condition,
    subtree_ids,
)
from ..vietnamese import prefix_upper_bound
from .permissions import sees_all_units

# model -> function(path) returning the SQL condition "this row lies under path".
_SCOPE_RULES: dict[type, Callable[[str], object]] = {
    Organization: subtree_condition,
    AccessLog: lambda _path: false(),  # administrators (all units) only
    CalendarChange: lambda _path: true(),  # one calendar for the whole installation
}


def _act_condition(path: str):
    """An act issued in the subtree, or one that moved a person of the subtree (a branch sees
    the committee's decisions about its own people)."""
    people = select(StageEvent.act_id).join(Candidate, Candidate.id == StageEvent.candidate_id) \
        .where(Candidate.organization_id.in_(subtree_ids(path)), StageEvent.act_id.is_not(None))
    return Act.organization_id.in_(subtree_ids(path)) | Act.id.in_(people)


_SCOPE_RULES[Act] = _act_condition
# A transfer is seen by the sending unit (a read-only trace) and the receiving one.
_SCOPE_RULES[Transfer] = lambda path: (Transfer.from_id.in_(subtree_ids(path))
                                       | Transfer.to_id.in_(subtree_ids(path)))


def register_scope(model: type, condition: Callable[[str], object]) -> None:
    """Tell the scoping how rows of ``model`` relate to the organization tree."""
    _SCOPE_RULES[model] = condition


def _condition_for(model: type, path: str):
    """Rows follow their organization, or the candidate they belong to. A subtree that holds
    every unit (the one province of an installation) needs no condition beyond having one."""
    if model in _SCOPE_RULES:
        return _SCOPE_RULES[model](path)
    if hasattr(model, "organization_id"):
        column = model.organization_id
        if holds_every_unit(path):
            return _named(model, "organization_id")
        # A wide subtree (a province) holds most rows: the list is best read in its own order,
        # keeping the rows that fall in the subtree, so the unit index is put aside ("+ 0");
        # a narrow one (a chi bộ) is read through the unit index.
        return (column + 0 if wide(path) else column).in_(subtree_ids(path))
    if hasattr(model, "candidate_id"):
        if holds_every_unit(path):
            return _named(model, "candidate_id")
        candidates = select(Candidate.id).where(Candidate.organization_id.in_(subtree_ids(path)))
        return model.candidate_id.in_(candidates)
    raise LookupError(f"No scoping rule for {model.__name__}")


def _named(model: type, key: str):
    """Every unit lies in the subtree: a row is in it when it names a unit (or candidate) at
    all; a row that names none (an administrator's account) stays outside, as before."""
    if model.__table__.c[key].nullable:
        return getattr(model, key).is_not(None)
    return None


NARROW_RATIO = 100  # a subtree is narrow when the tree holds more than this many times its units


def _width(path: str) -> tuple[bool, bool]:
    """Whether the subtree at ``path`` holds every unit, and whether it is wide (not
    narrow: the tree holds at most ``NARROW_RATIO`` times its units), in one small statement
    once per request. Whether any unit lies outside is two probes of the path index; only
    then is the subtree counted, as a range of that index, and the tree probed for a unit
    at that count times the ratio, in path order: a chi bộ walks a hundred index entries
    where counting the whole tree read its 5,000 on every page."""
    cache = g.setdefault("subtree_width", {}) if has_request_context() else {}
    if path not in cache:
        outside = or_(exists().where(Organization.path < path),
                      exists().where(Organization.path >= prefix_upper_bound(path)))
        inside = select(func.count()).where(subtree_condition(path)).scalar_subquery()
        beyond = (select(Organization.path).order_by(Organization.path).limit(1)
                  .offset(inside * NARROW_RATIO).subquery())
        partial, narrow = db.session.execute(select(
            outside, case((outside, exists(select(beyond)))))).one()
        cache[path] = (not partial, not (partial and narrow))
    return cache[path]


def wide(path: str) -> bool:
    """Whether the subtree at ``path`` is wide (see ``NARROW_RATIO``)."""
    return _width(path)[1]


def holds_every_unit(path: str) -> bool:
    """Whether the subtree at ``path`` is the whole tree (a single-province installation)."""
    return _width(path)[0]


def narrow_scope(user) -> bool:
    """Whether ``user`` sees a narrow subtree: not every unit, and the tree holds more than
    ``NARROW_RATIO`` times its units."""
    home = getattr(user, "organization", None)
    return (not sees_all_units(user) and home is not None and bool(home.path)
            and not wide(home.path))


def can_scope(model: type) -> bool:
    """Whether rows of ``model`` can be limited to a subtree (what a screen's model needs)."""
    return (model in _SCOPE_RULES or hasattr(model, "organization_id")
            or hasattr(model, "candidate_id"))


def scope_condition(model: type, user):
    """SQL condition limiting ``model`` to what ``user`` may see, or None for no limit."""
    if sees_all_units(user):
        return None
    home = getattr(user, "organization", None)
    if home is None or not home.path:
        return false()
    return _condition_for(model, home.path)


def reaches(user, org) -> bool:
    """Whether ``org`` (already loaded) lies in the user's subtree: the Python-side twin of
    ``scope_condition`` for one organization at hand."""
    return reacher(user)(org)


def reacher(user) -> Callable[[object], bool]:
    """``reaches`` for many organizations (an import's rows): the user's rights and home unit
    are looked up once, not per row."""
    if sees_all_units(user):
        return lambda org: True
    home = getattr(user, "organization", None)
    return (lambda org: False) if home is None else home.contains


def scoped(query, model: type, user):
    """Return ``query`` (legacy Query or 2.0 Select) restricted to the user's subtree."""
    condition = scope_condition(model, user)
    return query if condition is None else query.where(condition)
