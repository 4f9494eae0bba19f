"""The one place that limits rows to the user's unit subtree.

Every query a user can reach (lists, counts, single records, actions, exports, ajax look-ups,
report figures) goes through ``scoped``; a row outside the subtree is then simply not found.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import current_app, g, has_app_context, has_request_context
from flask_login import current_user
from sqlalchemy import String, and_, bindparam, case, event, exists, false, func, or_, select, true
from sqlalchemy.orm import Session, aliased, joinedload

from ..extensions import db
from ..models import (
    AccessLog,
    Act,
    CalendarChange,
    Candidate,
    Organization,
    StageEvent,
    Transfer,
    User,
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


def _condition_for(model: type, path: str, written=None):
    """Rows follow their organization, or the candidate they belong to. A subtree that holds
    every unit (the one province of an installation) needs no condition beyond having one.
    ``path`` decides the condition's form; it is written as ``written`` (a parameter) when
    given."""
    if model in _SCOPE_RULES:
        return _SCOPE_RULES[model](path)
    written = path if written is None else written
    if hasattr(model, "organization_id"):
        column = model.organization_id
        if holds_every_unit(path):
            return _named(model, "organization_id")
        # A wide subtree (a province) holds most rows: the list is best read in its own order,
        # keeping the rows that fall in the subtree, so the unit index is put aside ("+ 0");
        # a narrow one (a chi bộ) is read through the unit index.
        return (column + 0 if wide(path) else column).in_(subtree_ids(written))
    if hasattr(model, "candidate_id"):
        if holds_every_unit(path):
            return _named(model, "candidate_id")
        candidates = select(Candidate.id).where(
            Candidate.organization_id.in_(subtree_ids(written)))
        return model.candidate_id.in_(candidates)
    raise LookupError(f"No scoping rule for {model.__name__}")


def _named(model: type, key: str):
    """Every unit lies in the subtree: a row is in it when it names a unit (or candidate) at
    all; a row that names none (an administrator's account) stays outside, as before."""
    if model.__table__.c[key].nullable:
        return getattr(model, key).is_not(None)
    return None


NARROW_RATIO = 100  # a subtree is narrow when the tree holds more than this many times its units


def whole_tree():
    """SQL, on an organization's row: whether every unit lies under it. The first path is its
    own and the last one starts with it: the two ends of the path index, read once whatever
    the row (a correlated "no path before it" read the province's 5,000 units on
    PostgreSQL)."""
    other = aliased(Organization)
    first = select(func.min(other.path)).scalar_subquery()
    last = select(func.max(other.path)).scalar_subquery()
    return and_(first == Organization.path, last.startswith(Organization.path))


# Built once: building the option (its alias) took longer than running its statement.
_HOME_UNIT = joinedload(User.organization).with_expression(Organization.whole_tree, whole_tree())


def with_home_unit():
    """Loader option for the signed-in user: the home unit comes in the same statement, and
    whether it holds the whole tree, which nearly every page's scope asks (``_width``)."""
    return _HOME_UNIT


def _kept_narrow() -> dict[tuple[str, int], bool]:
    """{(path, ratio): narrow} of the subtrees this process has probed. Narrow or wide only
    chooses how a query reads the rows, never which rows: a choice kept after another worker
    changed the tree makes pages slower, not wrong. This process forgets them whenever it
    writes a unit (``_forget_widths``)."""
    return current_app.extensions.setdefault("devparty_narrow_subtrees", {})


@event.listens_for(Session, "after_flush")
def _forget_widths(session, _context) -> None:
    if has_app_context() and any(isinstance(item, Organization)
                                 for item in (*session.new, *session.dirty, *session.deleted)):
        _kept_narrow().clear()


def _home_whole_tree(path: str) -> bool | None:
    """What the signed-in user's own statement told of the subtree at ``path``, if it is the
    user's home unit."""
    home = getattr(current_user, "organization", None) if has_request_context() else None
    return home.whole_tree if home is not None and home.path == path else None


def _width(path: str) -> tuple[bool, bool]:
    """Whether the subtree at ``path`` holds every unit, and whether it is wide (not
    narrow: the tree holds at most ``NARROW_RATIO`` times its units), once per request.

    The user's home unit says whether it holds every unit (``with_home_unit``), and the
    process keeps whether a subtree is narrow (``_kept_narrow``), so a page usually needs no
    statement. Else one small statement: whether any unit lies outside is two probes of the
    path index; only then is the subtree counted, as a range of that index, and the tree
    probed for a unit at that count times the ratio, in path order: a chi bộ walks a hundred
    index entries where counting the whole tree read its 5,000."""
    cache = g.setdefault("subtree_width", {}) if has_request_context() else {}
    if path not in cache:
        every = _home_whole_tree(path)
        kept = _kept_narrow() if has_app_context() else {}
        key = (path, NARROW_RATIO)
        if every is None or (not every and key not in kept):
            outside = or_(exists().where(Organization.path < path),
                          exists().where(Organization.path >= prefix_upper_bound(path)))
            inside = select(func.count()).where(subtree_condition(path)).scalar_subquery()
            beyond = (select(Organization.path).order_by(Organization.path).limit(1)
                      .offset(inside * NARROW_RATIO).subquery())
            partial, narrow = db.session.execute(select(
                outside, case((outside, exists(select(beyond)))))).one()
            every = not partial
            if partial:
                kept[key] = bool(narrow)
        cache[path] = (every, every or not kept[key])
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


SCOPE_PATH = bindparam("scope_path", type_=String)  # the home unit's path as a parameter


def scope_condition(model: type, user, placeholders: bool = False):
    """SQL condition limiting ``model`` to what ``user`` may see, or None for no limit. With
    ``placeholders`` the home unit's path is left as parameters (``scope_values``), for a
    statement kept per ``scope_shape``."""
    if sees_all_units(user):
        return None
    home = getattr(user, "organization", None)
    if home is None or not home.path:
        return false()
    return _condition_for(model, home.path, SCOPE_PATH if placeholders else None)


def scope_shape(model: type, user) -> tuple | None:
    """What the form of ``scope_condition(model, user)`` depends on (not the home unit's path),
    or None where a rule of its own (``register_scope``) writes the condition: only the rules
    here are known to take the path as a parameter."""
    if sees_all_units(user):
        return ("all",)
    home = getattr(user, "organization", None)
    if home is None or not home.path:
        return ("none",)
    if model in _SCOPE_RULES:
        return None
    return ("subtree", *_width(home.path))


def scope_values(user) -> dict:
    """The parameters of a scope condition written with ``placeholders``."""
    home = getattr(user, "organization", None)
    path = home.path if home is not None and home.path else "/"
    return {SCOPE_PATH.key: path, f"{SCOPE_PATH.key}_bound": prefix_upper_bound(path)}


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


def scoped(query, model: type, user, placeholders: bool = False):
    """Return ``query`` (legacy Query or 2.0 Select) restricted to the user's subtree (its path
    as parameters with ``placeholders``: ``scope_condition``)."""
    condition = scope_condition(model, user, placeholders)
    return query if condition is None else query.where(condition)
