"""The reports' floors: each report's figures computed by hand-written grouped queries.

For each report of the catalog, ``/bench/floor/report/<name>?unit=…&start=…&end=…`` computes the
figures the report shows for the subtree of ``unit`` and the period, with the fewest grouped
queries that give them (one per kind of figure: the steps of the period, today's people, the
units' own numbers), and writes them with a plain template. Counted where the steps happened
(the reports' default), from the steps' own unit path. It is what any report of these figures
must at least ask the database; the product adds its units' names and links, its tables and
charts, and its page.

The data health report's figures are how many records break each rule; its floor counts
them (one pass over the candidates for the rules read on their own row, one query for each
other rule), while the report also lists up to 200 records of each kind.
"""
from __future__ import annotations

from datetime import date

from flask import abort, request
from floor_template import render_floor
from sqlalchemy import Date, and_, case, exists, extract, func, or_, select
from sqlalchemy.orm import aliased

from devparty_admin.extensions import db
from devparty_admin.models import (
    Candidate,
    Enrollment,
    Member,
    Organization,
    Plan,
    StageEvent,
    TrainingClass,
    in_force,
)
from devparty_admin.reports.health import LINGERING_MONTHS
from devparty_admin.validation import OLDEST_YEARS, YOUNGEST_YEARS
from devparty_admin.vietnamese import prefix_upper_bound
from devparty_admin.workflow.calendar import add_months

SEGMENT = 8  # one "0000042/" of a path
SERVING = ("official", "probationary")
ROWS = "{% for row in rows %}{{ row|join(' ') }}\n{% endfor %}"


def _unindexed(column):
    """``column`` as a value the database will not look up by an index (a hand-written query
    says which of its conditions should pick the rows)."""
    return func.coalesce(column, column)


class Scope:
    """The subtree of ``?unit=``, the period of ``?start=&end=`` (yyyy-mm-dd) and the bucket
    of a path: the child unit it lies under, or the unit itself. Written as one would by hand
    for the subtree at hand: no unit condition for the whole tree; a chi bộ's steps picked by
    their path, a province's by their stage and day."""

    def __init__(self) -> None:
        unit = db.session.get(Organization, request.args.get("unit", type=int))
        if unit is None:
            abort(404)
        self.path = unit.path
        self.start = date.fromisoformat(request.args["start"])
        self.end = date.fromisoformat(request.args["end"])
        inside, total = db.session.execute(select(
            select(func.count()).where(self.under(Organization.path)).scalar_subquery(),
            select(func.count()).select_from(Organization).scalar_subquery())).one()
        self.everything, self.narrow = inside == total, inside < total / 100

    def under(self, column):
        return and_(column >= self.path, column < prefix_upper_bound(self.path))

    def bucket(self, column):
        return func.substr(column, 1, len(self.path) + SEGMENT)

    def holds(self, column):
        """The unit id ``column`` is one of the subtree's (always true for the whole tree)."""
        if self.everything:
            return column.is_not(None)
        return column.in_(select(Organization.id).where(self.under(Organization.path)))

    def during(self, column):
        return (_unindexed(column) if self.narrow else column).between(self.start, self.end)

    def stepped_under(self):
        return self.under(StageEvent.unit_path if self.narrow
                          else _unindexed(StageEvent.unit_path))

    def steps(self, *columns):
        """The period's steps in the subtree, counted where they happened."""
        return select(*columns).where(self.stepped_under(), in_force(),
                                      self.during(StageEvent.effective_on))


def _rows(*queries) -> list:
    return [row for query in queries for row in db.session.execute(query)]


def admissions(scope: Scope) -> list:
    """Admissions by child unit and year: both of the report's tables."""
    bucket, year = scope.bucket(StageEvent.unit_path), extract("year", StageEvent.effective_on)
    return _rows(scope.steps(bucket, year, func.count())
                 .where(StageEvent.to_stage == "admitted").group_by(bucket, year))


def funnel(scope: Scope) -> list:
    """Candidates by stage now, the period's moves by (from, to) and the average days spent in
    the stage a move leaves."""
    now = (select(Candidate.stage, func.count())
           .where(scope.holds(Candidate.organization_id)).group_by(Candidate.stage))
    moves = scope.steps(StageEvent.from_stage, StageEvent.to_stage, func.count()).group_by(
        StageEvent.from_stage, StageEvent.to_stage)
    since = func.lag(StageEvent.effective_on).over(
        partition_by=StageEvent.candidate_id, order_by=(StageEvent.effective_on, StageEvent.id))
    stepped = (select(StageEvent.from_stage, StageEvent.effective_on.label("day"),
                      since.label("since"))
               .where(scope.stepped_under(), in_force()).subquery())
    days = (func.julianday(stepped.c.day) - func.julianday(stepped.c.since)
            if db.engine.dialect.name == "sqlite" else stepped.c.day - stepped.c.since)
    spent = (select(stepped.c.from_stage, func.avg(days))
             .where(stepped.c.since.is_not(None), stepped.c.day.between(scope.start, scope.end))
             .group_by(stepped.c.from_stage))
    return _rows(now, moves, spent)


def members(scope: Scope) -> list:
    """Members by child unit and status, staff by child unit, admissions by child unit, and
    members and staff by level of unit (over the units that record their staff). Members are
    counted per unit and status first, then only those counts meet their units."""
    per_unit = (select(Member.organization_id, Member.status, func.count().label("members"))
                .where(Member.status.in_(SERVING), scope.holds(Member.organization_id))
                .group_by(Member.status, Member.organization_id).subquery())
    bucket = scope.bucket(Organization.path)
    recorded = Organization.staff_count.is_not(None)
    serving = (select(bucket, Organization.level, recorded, per_unit.c.status,
                      func.sum(per_unit.c.members))
               .join_from(per_unit, Organization, Organization.id == per_unit.c.organization_id)
               .group_by(bucket, Organization.level, recorded, per_unit.c.status))
    staff = (select(bucket, Organization.level, func.sum(Organization.staff_count))
             .where(scope.under(Organization.path)).group_by(bucket, Organization.level))
    step_bucket = scope.bucket(StageEvent.unit_path)
    admitted = scope.steps(step_bucket, func.count()).where(
        StageEvent.to_stage == "admitted").group_by(step_bucket)
    return _rows(serving, staff, admitted)


def new_members(scope: Scope) -> list:
    """The period's admissions by occupation and source, with each group's count and the sum
    of ages: every figure of the profile is a sum of these rows."""
    age = extract("year", StageEvent.effective_on) - extract("year", Candidate.date_of_birth)
    groups = [Candidate.gender == "female", func.lower(Candidate.ethnicity) != "kinh",
              func.lower(func.trim(Candidate.religion)).not_in(("", "không", "khong")),
              Candidate.youth_union_member.is_(True), age.between(18, 30),
              Candidate.education_level == "upper_secondary",
              Candidate.qualification.in_(("college", "bachelor", "master", "doctor")),
              (Candidate.occupation == "student")
              | Candidate.source.in_(("high_school", "university"))]
    return _rows(scope.steps(Candidate.occupation, Candidate.source, func.count(), func.sum(age),
                             *(func.sum(case((group, 1), else_=0)) for group in groups))
                 .join(Candidate, Candidate.id == StageEvent.candidate_id)
                 .where(StageEvent.to_stage == "admitted")
                 .group_by(Candidate.occupation, Candidate.source))


def plan(scope: Scope) -> list:
    """The year's plans in the subtree, the period's new sympathizers and admissions by child
    unit and month, and class attendees by kind and child unit."""
    plans = (select(Organization.path, Plan.target_admissions, Plan.target_sympathizers,
                    Plan.target_awareness, Plan.target_new_member_class)
             .join(Plan, Plan.organization_id == Organization.id)
             .where(Plan.year == scope.end.year, scope.under(Organization.path)))
    bucket, month = scope.bucket(StageEvent.unit_path), extract("month", StageEvent.effective_on)
    entered = scope.steps(StageEvent.to_stage, bucket, month, func.count()).where(
        StageEvent.to_stage.in_(("sympathizer", "admitted"))).group_by(
        StageEvent.to_stage, bucket, month)
    unit_bucket = scope.bucket(Organization.path)
    attended = (select(TrainingClass.kind, unit_bucket, func.count()).select_from(Enrollment)
                .join(TrainingClass, TrainingClass.id == Enrollment.class_id)
                .join(Candidate, Candidate.id == Enrollment.candidate_id)
                .join(Organization, Organization.id == Candidate.organization_id)
                .where(TrainingClass.end_date.between(scope.start, scope.end),
                       scope.holds(Candidate.organization_id))
                .group_by(TrainingClass.kind, unit_bucket))
    return _rows(plans, entered, attended)


def inactive(scope: Scope) -> list:
    """The branches of the subtree (units with none below) where nobody was admitted in the
    period, with their members, and how many branches there are."""
    child = aliased(Organization)
    branch = and_(scope.under(Organization.path), Organization.ended_on.is_(None),
                  ~exists().where(child.parent_id == Organization.id))
    admitting = scope.steps(StageEvent.organization_id).where(StageEvent.to_stage == "admitted")
    serving = (select(func.count()).where(Member.organization_id == Organization.id,
                                          Member.status.in_(SERVING)).scalar_subquery())
    idle = (select(Organization.id, Organization.name, serving)
            .where(branch, Organization.id.not_in(admitting)).order_by(Organization.path))
    return _rows(idle, select(func.count()).select_from(Organization).where(branch))


def health(scope: Scope) -> list:
    """How many records break each rule of the data health report: candidates without a
    CCCD, of an impossible age or long in their stage (one pass), the same person twice,
    steps dated before the step before them or before the birth, members without an
    admission date."""
    today = date.today()
    born = Candidate.date_of_birth
    lingering = [(Candidate.stage == stage)
                 & (Candidate.stage_entered_on < add_months(today, -months))
                 for stage, months in LINGERING_MONTHS.items()]
    flags = [Candidate.national_id.is_(None)
             & Candidate.stage.not_in(("dropped", "rejected", "struck_off", "merged")),
             (born > add_months(today, -12 * YOUNGEST_YEARS))
             | (born < add_months(today, -12 * OLDEST_YEARS)),
             or_(*lingering)]
    people = select(*(func.sum(case((flag, 1), else_=0)) for flag in flags)).where(
        scope.holds(Candidate.organization_id))
    same = (select(func.count().label("records")).where(
        scope.holds(Candidate.organization_id), born.is_not(None), Candidate.stage != "merged")
        .group_by(Candidate.name_folded, born).having(func.count() > 1).subquery())
    twice = select(func.coalesce(func.sum(same.c.records), 0))
    before = func.lag(StageEvent.effective_on, type_=Date).over(
        partition_by=StageEvent.candidate_id, order_by=StageEvent.id)
    steps = select(StageEvent.candidate_id, StageEvent.effective_on.label("day"),
                   before.label("before")).where(in_force())
    if scope.narrow:
        steps = steps.where(StageEvent.candidate_id.in_(
            select(Candidate.id).where(scope.holds(Candidate.organization_id))))
    steps = steps.subquery()
    disordered = (select(func.count()).join_from(steps, Candidate,
                                                 Candidate.id == steps.c.candidate_id)
                  .where(scope.holds(Candidate.organization_id),
                         (steps.c.day < steps.c.before) | (steps.c.day <= born)))
    undated = select(func.count()).where(scope.holds(Member.organization_id),
                                         Member.admission_date.is_(None),
                                         Member.status.in_(SERVING))
    return _rows(people, twice, disordered, undated)


FLOORS = {"admissions": admissions, "funnel": funnel, "members": members,
          "new_members": new_members, "plan": plan, "inactive": inactive, "health": health}


def floor(name: str):
    if name not in FLOORS:
        abort(404)
    return render_floor(ROWS, rows=FLOORS[name](Scope()))


def add_floors(app) -> None:
    app.add_url_rule("/bench/floor/report/<name>", "bench_report_floor", floor)
