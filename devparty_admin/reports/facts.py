"""The query pieces every report shares: the subtree, its split by child unit, admissions and
the other stage entries of a period, and the groups new members are broken down by.

An admission is a stage event into ``admitted`` (the 9-KNĐ decision) whose effective date lies in
the period. By default it is counted where it happened: the unit and the place in the tree that
the event recorded then (``StageEvent.unit_path``), so a past period reads as the tree was, old
units included. Asked for today's tree, it is counted at the unit the person belongs to now
(merged units' people are summed into the unit that took them over). Figures of today (members,
staff, candidates at a stage) are always counted in today's tree.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import wraps

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    Boolean,
    Date,
    Float,
    Integer,
    String,
    and_,
    bindparam,
    case,
    cast,
    exists,
    extract,
    func,
    or_,
    select,
    true,
    type_coerce,
    union,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from ..extensions import db
from ..kept import Kept
from ..models import Candidate, Member, Organization, StageEvent, in_force, subtree_condition
from ..models.organizations import PATH_DIGITS
from ..security.scoping import holds_every_unit, wide
from ..vietnamese import prefix_upper_bound
from .period import Period

SEGMENT = PATH_DIGITS + 1  # one "0000042/" of a path
KEPT_AT_MOST = 200  # statements kept per builder (``kept_per_shape``) before starting afresh
ADMITTED = "admitted"


THEN, NOW = "then", "now"  # the tree a period's events are counted in
TREES = ((THEN, _l("As the units were at the time")), (NOW, _l("Summed into today's units")))


class Broad(ColumnElement):
    """A condition the database should expect to hold for most rows, so it does not choose an
    index for it: on SQLite ``likelihood(condition, 0.9375)`` (its planner has no statistics on
    ranges), elsewhere the condition as it is."""

    inherit_cache = True
    type = Boolean()
    # The condition is part of the statement's cache key, its dates bound parameters.
    _traverse_internals = [("condition", InternalTraversal.dp_clauseelement)]

    def __init__(self, condition) -> None:
        self.condition = condition


@compiles(Broad)
def _broad(element, compiler, **kw):
    return compiler.process(element.condition, **kw)


@compiles(Broad, "sqlite")
def _broad_sqlite(element, compiler, **kw):
    return f"likelihood({compiler.process(element.condition, **kw)}, 0.9375)"


class DaysBetween(ColumnElement):
    """The days from one date column to a later one, as a number, on either engine (PostgreSQL
    subtracts dates; SQLite stores them as text and counts Julian days)."""

    inherit_cache = True
    type = Float()
    _traverse_internals = [("later", InternalTraversal.dp_clauseelement),
                           ("earlier", InternalTraversal.dp_clauseelement)]

    def __init__(self, later, earlier) -> None:
        self.later, self.earlier = later, earlier


@compiles(DaysBetween)
def _days_between(element, compiler, **kw):
    return f"({compiler.process(element.later, **kw)} - {compiler.process(element.earlier, **kw)})"


@compiles(DaysBetween, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    return (f"(julianday({compiler.process(element.later, **kw)}) - "
            f"julianday({compiler.process(element.earlier, **kw)}))")


@dataclass(frozen=True)
class Subtree:
    """The unit a report is about (None: every unit, for administrators), its period and the
    tree its events are counted in (``THEN``: where they happened; ``NOW``: today's units)."""

    unit: Organization | None
    period: Period
    tree: str = THEN
    placeholders: bool = False  # its values left as parameters (``values``)

    @property
    def path(self) -> str:
        return self.unit.path if self.unit is not None else "/"

    @property
    def shape(self) -> tuple:
        """What the form of a statement about this subtree depends on (not its values)."""
        return self.narrow, holds_every_unit(self.path), self.tree

    def values(self) -> dict:
        """The parameters of a statement built with ``placeholders`` (``kept_per_shape``): the
        path, its range's end, where a child's path ends in a path (``bucket``), the period."""
        return {"path": self.path, "bound": prefix_upper_bound(self.path),
                "bucket_end": len(self.path) + SEGMENT, "start": self.period.start,
                "end": self.period.end}

    @property
    def _path_range(self) -> tuple:
        """The path and its range's end, as they are or as parameters (``placeholders``)."""
        if self.placeholders:
            return bindparam("path", type_=String), bindparam("bound", type_=String)
        return self.path, prefix_upper_bound(self.path)

    @property
    def _period_ends(self) -> tuple:
        if self.placeholders:
            return bindparam("start", type_=Date), bindparam("end", type_=Date)
        return self.period.start, self.period.end

    @property
    def narrow(self) -> bool:
        """Whether the subtree holds few units (a chi bộ, a small đảng bộ): its checks then
        read its own people one by one rather than aggregate over the whole country."""
        return self.unit is not None and not wide(self.unit.path)

    def under(self, column):
        """SQL: the path ``column`` lies within the subtree. A wide subtree holds most rows, so
        there the condition is marked as likely true (``Broad``): SQLite then reads from what
        narrows more (a stage in a year, a kind of class) instead of from every unit's path."""
        path, bound = self._path_range
        condition = subtree_condition(path, column, bound)
        return condition if self.narrow else Broad(condition)

    def during(self, column):
        """SQL: the day ``column`` falls in the period. In a narrow subtree the unit's path,
        not the date, should pick the steps to read; SQLite cannot tell which range is the
        narrower, so there the date condition is marked as likely true (``Broad``)."""
        condition = self.in_period(column)
        return Broad(condition) if self.narrow else condition

    def in_period(self, column):
        """SQL: the day ``column`` falls in the period (as it is; ``during`` for steps)."""
        return column.between(*self._period_ends)

    @property
    def condition(self):
        """Today's units of the subtree (for today's figures)."""
        return self.under(Organization.path)

    def holds(self, column):
        """SQL: the unit id ``column`` is one of the subtree's units today, without joining the
        unit. In a wide subtree the unit index is put aside ("+ 0"), as in the lists' scope, so
        the database reads in the order the query needs rather than unit by unit."""
        if holds_every_unit(self.path):  # the whole tree: every row that names a unit
            return column.is_not(None)
        units = select(Organization.id).where(self.condition)
        return (column if self.narrow else column + 0).in_(units)

    @property
    def event_path(self):
        """The path an event is counted under: the one it recorded, or its person's unit's now."""
        return StageEvent.unit_path if self.tree == THEN else Organization.path

    def bucket(self, column=None):
        """SQL: the path of the child of the unit a path lies under (or of the unit itself), so
        one GROUP BY splits any figure by child unit. ``column``: today's unit path by default."""
        column = Organization.path if column is None else column
        end = (bindparam("bucket_end", type_=Integer) if self.placeholders
               else len(self.path) + SEGMENT)
        return func.substr(column, 1, end)

    def event_bucket(self):
        return self.bucket(self.event_path)

    def existing(self):
        """SQL: the unit is part of the tree the report is read in (it existed during the
        period, or it exists today)."""
        if self.tree == NOW:
            return Organization.ended_on.is_(None)
        start, end = self._period_ends
        return and_(or_(Organization.established_on.is_(None), Organization.established_on <= end),
                    or_(Organization.ended_on.is_(None), Organization.ended_on > start))

    def rows(self) -> list[Organization]:
        """The unit itself (its own members and candidates) and its children in the tree the
        report is read in, in tree order; by the tree as it was, also the units that were its
        children when their events happened and have been moved since (``_units_listed``)."""
        if self.unit is None:
            query = select(Organization).order_by(Organization.path)
            return list(db.session.scalars(query.where(Organization.parent_id.is_(None),
                                                       self.existing())))
        rows = list(db.session.scalars(_units_listed(self), {
            **self.values(), "unit": self.unit.id, "child_end": len(self.path) + PATH_DIGITS,
            "child_start": len(self.path) + 1}))
        return sorted(rows, key=lambda org: (org.id != self.unit.id, bucket_key(org, self)))


def kept_per_shape(build):
    """A statement ``build(subtree, *key)`` built once per shape of subtree (``Subtree.shape``)
    and ``key`` with the subtree's values left as parameters, kept, and run with
    ``Subtree.values`` (and its own values) as parameters. Building a report's statements took
    longer than running them for a chi bộ (the data health report's six: 2.3 ms)."""
    kept = Kept(KEPT_AT_MOST)

    @wraps(build)
    def statement(subtree: Subtree, *key):
        return kept.get((subtree.shape, key),
                        lambda: build(replace(subtree, placeholders=True), *key))
    return statement


@kept_per_shape
def _units_listed(subtree: Subtree):
    """SELECT organization … : the units a report lists for a unit (``Subtree.rows``), run with
    the subtree's values and the unit's id and where a child's number lies in a path as
    parameters. Building it per page cost a chi bộ's report more than half a millisecond,
    several times what running it costs.

    By the tree as it was, the units recorded as the unit's children by the period's steps
    are added: their paths are found by skipping through the index on the steps' paths, one
    probe per child (a recursive query: the next child's first path after this child's last),
    and a child is kept when it has a step in the period. Reading every step of the period
    instead took a province's reports 0.6 s on SQLite for its 20 children."""
    listed = [select(bindparam("unit", type_=Integer)),
              select(Organization.id).where(Organization.parent_id == bindparam("unit"),
                                            subtree.existing())]
    if subtree.tree == THEN:
        listed.append(_former_children(subtree))
    return (select(Organization).where(Organization.id.in_(union(*listed)))
            .order_by(Organization.path))


def _former_children(subtree: Subtree):
    """SQL: the ids of the units recorded as children of the unit (``subtree``, built with
    placeholders) by the period's steps (a part of ``_units_listed``)."""
    path, bound = subtree._path_range

    def child_of(found):  # the child's own path in a step's path, without its last "/"
        return type_coerce(func.substr(found.c.path, 1, bindparam("child_end", type_=Integer)),
                           String)

    first, following = aliased(StageEvent, name="first_step"), aliased(StageEvent,
                                                                         name="following_step")
    children = (select(func.min(first.unit_path).label("path"))
                .where(first.unit_path > path, first.unit_path < bound)
                .cte("children", recursive=True))
    children = children.union_all(select(
        select(func.min(following.unit_path))
        .where(following.unit_path >= child_of(children) + "0", following.unit_path < bound)
        .scalar_subquery()).where(children.c.path.is_not(None)))
    child = child_of(children)
    stepped = exists().where(StageEvent.unit_path >= child + "/", StageEvent.unit_path < child + "0",
                             subtree.in_period(StageEvent.effective_on))
    return (select(cast(func.substr(children.c.path, bindparam("child_start", type_=Integer),
                                    PATH_DIGITS), Integer))
            .where(children.c.path.is_not(None), stepped))


def bucket_key(org: Organization, subtree: Subtree) -> str:
    """The bucket an organization listed by ``Subtree.rows`` collects."""
    if subtree.unit is not None and org.id == subtree.unit.id:
        return subtree.path
    return subtree.path + org.path_segment()


def located_at(subtree: Subtree):
    """SQL: the id of the unit an event is counted at in the report's tree."""
    return StageEvent.organization_id if subtree.tree == THEN else Candidate.organization_id


def located(query, subtree: Subtree):
    """Join the stage events of ``query`` to their candidate and, in today's tree, to the unit
    they are counted at, within the subtree. Counted where they happened, a step carries its
    unit's path, so the unit is not joined: that join cost a province's profile of new members
    a third of its time."""
    query = query.join(Candidate, Candidate.id == StageEvent.candidate_id)
    if subtree.tree != THEN:
        query = query.join(Organization, Organization.id == located_at(subtree))
    return query.where(subtree.under(subtree.event_path))


def located_steps(query, subtree: Subtree):
    """``located`` for a query that reads only the steps' own columns. Counted where they
    happened, a step carries its unit's path, so it needs neither its person nor its unit
    (joining both cost a province's funnel seconds); in today's tree it goes through
    ``located``."""
    if subtree.tree == THEN:
        return query.where(subtree.under(StageEvent.unit_path))
    return located(query, subtree)


def entries(stage: str, subtree: Subtree):
    """SELECT … FROM stage_event ⨝ candidate ⨝ organization: entries into ``stage`` in the period
    within the subtree. Callers add their columns and grouping."""
    return located(select().select_from(StageEvent), subtree).where(
        StageEvent.to_stage == stage, subtree.during(StageEvent.effective_on), in_force())


def admissions(subtree: Subtree):
    return entries(ADMITTED, subtree)


def step_entries(stage: str, subtree: Subtree):
    """``entries`` for a query that reads only the steps' own columns (counts by day, by
    unit): counted where they happened, a step needs neither its person nor its unit joined
    (``located_steps``); joining both cost a province's admissions 45 ms a query."""
    return located_steps(select().select_from(StageEvent), subtree).where(
        StageEvent.to_stage == stage, subtree.during(StageEvent.effective_on), in_force())


# What admissions can be counted by (``admission_counts``).
SPLITS = {"unit": Subtree.event_bucket,
          "year": lambda subtree: extract("year", StageEvent.effective_on),
          "month": lambda subtree: extract("month", StageEvent.effective_on)}


def admission_counts(subtree: Subtree, *splits: str) -> dict:
    """{(a value of each of ``splits``…): admissions} over the period, one grouped query on the
    steps alone."""
    return {tuple(row[:-1]): row[-1] for row in db.session.execute(
        _admissions_counted(subtree, *splits), subtree.values())}


@kept_per_shape
def _admissions_counted(subtree: Subtree, *splits: str):
    columns = [SPLITS[split](subtree) for split in splits]
    return step_entries(ADMITTED, subtree).add_columns(*columns, func.count()).group_by(*columns)


SERVING = ("official", "probationary")


def serving_members(subtree: Subtree):
    """SELECT … FROM member ⨝ organization: official and probationary members of the subtree,
    picked by their unit id (``Subtree.holds``) so a chi bộ's are read through the index on
    (status, unit), not every serving member of the country's."""
    return (select().select_from(Member).join(Organization, Organization.id == Member.organization_id)
            .where(subtree.holds(Member.organization_id), Member.status.in_(SERVING)))


def serving_counts(subtree: Subtree, *columns):
    """SELECT ``columns``, status, members: the subtree's official and probationary members
    grouped by ``columns`` of their unit and by status. They are counted per unit first, inside
    the index on (status, unit), and only those counts are joined to their units: a province's
    million members were joined to their units one by one."""
    counted = (select(Member.organization_id, Member.status, func.count().label("members"))
               .where(Member.status.in_(SERVING), subtree.holds(Member.organization_id))
               .group_by(Member.status, Member.organization_id).subquery())
    return (select(*columns, counted.c.status, cast(func.sum(counted.c.members), Integer))
            .join_from(counted, Organization, Organization.id == counted.c.organization_id)
            .group_by(*columns, counted.c.status))


def members_by_bucket(subtree: Subtree) -> dict[str, int]:
    """Serving members under each child unit (and the unit itself), official and
    probationary together; one grouped query."""
    found = Counter()
    for key, _status, count in db.session.execute(serving_counts(subtree, subtree.bucket())):
        found[key] += count
    return dict(found)


def admissions_by_month(subtree: Subtree) -> dict[int, int]:
    """{month number: admissions} over the period (one grouped query)."""
    return {int(number): count for (number,), count in admission_counts(subtree, "month").items()}


def age_at(event_date_column):
    """Age in the year of the event (the statistics' convention: year minus year of birth)."""
    return extract("year", event_date_column) - extract("year", Candidate.date_of_birth)


HIGHER_EDUCATION = ("college", "bachelor", "master", "doctor")
NO_RELIGION = ("", "không", "khong")


@dataclass(frozen=True)
class Group:
    code: str
    label: object
    condition: object  # function(): SQL condition on Candidate (and StageEvent for ages)
    listable: bool = True  # whether a list filter can show its people (ages depend on the event)


GROUPS: tuple[Group, ...] = (
    Group("women", _l("Women"), lambda: Candidate.gender == "female"),
    Group("minority", _l("Ethnic minorities"),
          lambda: and_(Candidate.ethnicity.is_not(None), func.lower(Candidate.ethnicity) != "kinh")),
    Group("religious", _l("Religious believers"),
          lambda: and_(Candidate.religion.is_not(None),
                       func.lower(func.trim(Candidate.religion)).not_in(NO_RELIGION))),
    Group("youth_union", _l("Youth Union members"), lambda: Candidate.youth_union_member.is_(True)),
    Group("age_18_30", _l("Aged 18 to 30"),
          lambda: age_at(StageEvent.effective_on).between(18, 30), listable=False),
    Group("upper_secondary", _l("Upper secondary education"),
          lambda: Candidate.education_level == "upper_secondary"),
    Group("higher_education", _l("College or university and above"),
          lambda: Candidate.qualification.in_(HIGHER_EDUCATION)),
    Group("students", _l("Students"),
          lambda: or_(Candidate.occupation == "student",
                      Candidate.source.in_(("high_school", "university")))),
)
GROUPS_BY_CODE = {group.code: group for group in GROUPS}


def count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def side_by_side(one_row_tables: list):
    """FROM clause: tables of one row each (counts kept in CTEs or subqueries) joined into one
    row, so one statement reads them all."""
    joined, *others = one_row_tables
    for other in others:
        joined = joined.join(other, true())
    return joined
