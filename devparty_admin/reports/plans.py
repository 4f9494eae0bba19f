"""Plan targets rolled up the tree, and progress measured from what happened in the period.

A unit's target is its own plan's figure when it set one, otherwise the sum of the targets of
its nearest descendants that did. Progress is never typed in: it is counted from stage events
and class enrolments of the period.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from ..extensions import db
from ..models import Candidate, Enrollment, Organization, Plan, TrainingClass, subtree_condition
from ..models.plans import QUARTERS
from .facts import (
    SEGMENT,
    Subtree,
    admissions_by_month,
    kept_per_shape,
    side_by_side,
    step_entries,
)


@dataclass(frozen=True)
class Target:
    column: str
    label: object
    measure: object  # function(subtree, bucket expression or None) -> Select of (bucket?, count)
    class_kind: str | None = None  # the kind of class whose attendees it counts


def _stage_measure(stage: str):
    def measure(subtree: Subtree, grouped: bool):
        columns = [subtree.event_bucket()] if grouped else []
        query = step_entries(stage, subtree).add_columns(*columns, func.count())
        return query.group_by(*columns) if grouped else query
    return measure


def _enrolments(subtree: Subtree, kinds: tuple[str, ...], *columns):
    """SELECT ``columns`` FROM the enrolments of the subtree's candidates in a class of one of
    ``kinds`` that ended in the period."""
    return (select(*columns).select_from(Enrollment)
            .join(TrainingClass, TrainingClass.id == Enrollment.class_id)
            .join(Candidate, Candidate.id == Enrollment.candidate_id)
            .join(Organization, Organization.id == Candidate.organization_id)
            .where(TrainingClass.kind.in_(kinds), subtree.in_period(TrainingClass.end_date),
                   subtree.condition))


def _class_measure(kind: str):
    """Candidates of the subtree enrolled in a class of ``kind`` that ended in the period."""
    def measure(subtree: Subtree, grouped: bool):
        columns = [subtree.bucket()] if grouped else []
        query = _enrolments(subtree, (kind,), *columns, func.count())
        return query.group_by(*columns) if grouped else query
    return measure


def _classes_counted(subtree: Subtree, kinds: tuple[str, ...]):
    """SELECT one count per kind of ``kinds`` (named by the kind): the attendees of each kind
    of class, in one pass over the enrolments (``_achieved``)."""
    return _enrolments(subtree, kinds, *(func.count().filter(TrainingClass.kind == kind)
                                         .label(kind) for kind in kinds))


def _class_target(column: str, label, kind: str) -> Target:
    """A target counted in attendees of a class of ``kind``."""
    return Target(column, label, _class_measure(kind), class_kind=kind)


TARGETS = (
    Target("target_admissions", _l("Admit new members"), _stage_measure("admitted")),
    Target("target_sympathizers", _l("New sympathizers"), _stage_measure("sympathizer")),
    _class_target("target_awareness", _l("Awareness-class attendees"), "awareness"),
    _class_target("target_new_member_class", _l("New-member-class attendees"), "new_member"),
)
ADMISSIONS = TARGETS[0]
BY_COLUMN = {target.column: target for target in TARGETS}


def planned(subtree: Subtree, year: int) -> dict[str, dict[str, int]]:
    """{organization path: {target column: value}} of every plan in the subtree for ``year``."""
    rows = db.session.execute(
        select(Organization.path, Plan).join(Plan, Plan.organization_id == Organization.id)
        .where(Plan.year == year, subtree.condition)).all()
    columns = [t.column for t in TARGETS] + list(QUARTERS)
    return {path: {column: getattr(plan, column) for column in columns
                   if getattr(plan, column) is not None} for path, plan in rows}


def admissions_by_quarter(subtree: Subtree) -> dict[int, int]:
    """{quarter: admissions} in the period (one grouped query)."""
    counts: dict[int, int] = {}
    for month, count in admissions_by_month(subtree).items():
        quarter = (month - 1) // 3 + 1
        counts[quarter] = counts.get(quarter, 0) + count
    return counts


def planned_paths(path: str, column: str, plans: dict[str, dict[str, int]]) -> list[str]:
    """Where the target of the unit at ``path`` comes from: the unit itself if it set one,
    else its nearest descendants that did (empty when nobody under it set one)."""
    if column in plans.get(path, {}):
        return [path]
    below = [p for p, targets in plans.items()
             if column in targets and p.startswith(path) and p != path]
    return [p for p in below
            if not any(p[:end] in plans and column in plans[p[:end]]
                       for end in range(len(path) + SEGMENT, len(p), SEGMENT))]


def rolled_up(path: str, column: str, plans: dict[str, dict[str, int]]) -> int | None:
    """The target of the unit at ``path``: its own, or the sum of its nearest planned
    descendants' (None when nobody under it set one)."""
    paths = planned_paths(path, column, plans)
    return sum(plans[p][column] for p in paths) if paths else None


@dataclass(frozen=True)
class PlannedPart(Subtree):
    """The parts of a subtree that set a target: a target rolled up from some units is set
    against what those units achieved, not the whole subtree."""

    paths: tuple[str, ...] = ()

    @property
    def shape(self) -> tuple:
        """Its paths are written into its statements (``under``), so they are part of it."""
        return *super().shape, self.paths

    def under(self, column):
        return or_(*(subtree_condition(p, column) for p in self.paths))


def achieved(measured: list[tuple[Subtree, Target]]) -> list[int]:
    """What each (part, target) achieved, in one statement: the dashboard and the plan report
    ask for every target at once. The parts are one subtree or units of it with a plan
    (``PlannedPart``): the same unit and period, so the subtree's values run the statement."""
    first = measured[0][0]
    subtree = Subtree(first.unit, first.period, first.tree)
    key = tuple((target.column, getattr(part, "paths", None)) for part, target in measured)
    return list(db.session.execute(_achieved(subtree, *key), subtree.values()).one())


@kept_per_shape
def _achieved(subtree: Subtree, *measured: tuple[str, tuple | None]):
    """SELECT what each (part, target) of ``measured`` achieved. The class targets of one
    part are counted together (``_classes_counted``): on PostgreSQL, planning the join of
    enrolments, classes, candidates and units took longer than running it, and it was
    planned once per target."""
    parts = [(subtree if paths is None else PlannedPart(
                 subtree.unit, subtree.period, subtree.tree, subtree.placeholders, paths),
              BY_COLUMN[column]) for column, paths in measured]
    kinds: dict[Subtree, list[str]] = {}
    for part, target in parts:
        if target.class_kind is not None:
            kinds.setdefault(part, []).append(target.class_kind)
    classes = {part: _classes_counted(part, tuple(found)).subquery(f"classes_{number}")
               for number, (part, found) in enumerate(kinds.items())}
    statement = select(*(target.measure(part, False).scalar_subquery()
                         if target.class_kind is None else classes[part].c[target.class_kind]
                         for part, target in parts))
    return statement.select_from(side_by_side(list(classes.values()))) if classes else statement


def achieved_by_bucket(subtree: Subtree, target: Target) -> dict[str, int]:
    return dict(db.session.execute(_achieved_by_bucket(subtree, target.column),
                                   subtree.values()).all())


@kept_per_shape
def _achieved_by_bucket(subtree: Subtree, column: str):
    return BY_COLUMN[column].measure(subtree, True)


def expected_share(period_start: date, period_end: date, today: date | None = None) -> float:
    """How much of the period has passed (1 for a past period): a target's share due by now."""
    today = today or date.today()
    if today >= period_end:
        return 1.0
    if today < period_start:
        return 0.0
    return ((today - period_start).days + 1) / ((period_end - period_start).days + 1)


def plan_document(subtree: Subtree, year: int) -> Plan | None:
    """The unit's own plan for the year (for its number and date), if it has one."""
    if subtree.unit is None:
        return None
    return db.session.scalar(select(Plan).where(Plan.organization_id == subtree.unit.id,
                                                Plan.year == year))
