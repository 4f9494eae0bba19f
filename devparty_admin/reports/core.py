"""The core's reports: funnel, admissions, members and staff, new members' profile, plan
progress and units that admitted nobody. Each table comes from one grouped query."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, exists, func, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import Candidate, Member, Organization, StageEvent, in_force
from ..models.choices import OCCUPATIONS, SOURCES, STAGES
from ..models.plans import QUARTERS
from . import links
from .catalog import Report
from .facts import (
    ADMITTED,
    GROUPS,
    SERVING,
    DaysBetween,
    Subtree,
    admission_counts,
    admissions,
    age_at,
    bucket_key,
    count_if,
    kept_per_shape,
    located_at,
    located_steps,
    serving_counts,
    step_entries,
)
from .health import DataHealthReport
from .period import Period
from .plans import (
    ADMISSIONS,
    TARGETS,
    PlannedPart,
    achieved,
    achieved_by_bucket,
    admissions_by_quarter,
    expected_share,
    planned,
    planned_paths,
    rolled_up,
)
from .tables import DAYS, PERCENT, TEXT, Cell, Chart, Table, ratio, text

PATH_STAGES = ("source", "sympathizer", "trained", "dossier", "proposed", "admitted",
               "probationary", "recognition_proposed", "official")


def _unit_label(org: Organization, subtree: Subtree) -> str:
    if subtree.unit is not None and org.id == subtree.unit.id:
        return _("%(unit)s (directly)", unit=org.name)
    return org.name


class FunnelReport(Report):
    name = "funnel"
    title = _l("Development funnel")
    description = _l("Candidates at each stage now, who entered and left each stage in the "
                     "period, and the average days spent in it.")

    def tables(self, subtree: Subtree) -> list[Table]:
        values = subtree.values()
        now = dict(db.session.execute(_stages_now(subtree), values).all())
        entered, left = Counter(), Counter()  # both from one pass over the period's steps
        for from_stage, to_stage, count in db.session.execute(_moves(subtree), values):
            entered[to_stage] += count
            left[from_stage] += count
        days = {stage: float(average) for stage, average
                in db.session.execute(_days_in_stage(subtree), values)}
        table = Table(_("Candidates by stage"), [
            _("Stage"), _("Now"), _("Entered in the period"), _("Left in the period"),
            _("Average days in the stage")], key="funnel")
        for code, label in STAGES:
            table.rows.append([
                text(str(label)),
                Cell(now.get(code, 0), links.candidates(subtree, stage=code)),
                Cell(entered.get(code, 0),
                     links.candidates(subtree, entered=links.entered(code, subtree.period))),
                Cell(left.get(code, 0)),
                Cell(days.get(code), kind=DAYS),
            ])
        # The path's stages come first in STAGES; the exits are left out of the chart.
        table.chart_columns((_("Now"), 1), (_("Entered in the period"), 2),
                            rows=slice(0, len(PATH_STAGES)))
        return [table]


@kept_per_shape
def _stages_now(subtree: Subtree):
    """SELECT stage, count: the subtree's candidates at each stage today."""
    return (select(Candidate.stage, func.count()).where(subtree.holds(Candidate.organization_id))
            .group_by(Candidate.stage))


@kept_per_shape
def _moves(subtree: Subtree):
    """SELECT from, to, count: the period's steps, by the stage left and the stage entered."""
    return (located_steps(select().select_from(StageEvent), subtree)
            .where(subtree.during(StageEvent.effective_on), in_force())
            .add_columns(StageEvent.from_stage, StageEvent.to_stage, func.count())
            .group_by(StageEvent.from_stage, StageEvent.to_stage))


@kept_per_shape
def _days_in_stage(subtree: Subtree):
    """SELECT stage, average days between entering it and leaving it, for the moves out of it
    in the period: one windowed query over the subtree's events, averaged by the database (a
    province's moves are hundreds of thousands; they were read one by one)."""
    previous = func.lag(StageEvent.effective_on, type_=Date).over(
        partition_by=StageEvent.candidate_id, order_by=(StageEvent.effective_on, StageEvent.id))
    moves = located_steps(select(StageEvent.from_stage.label("stage"),
                                 StageEvent.effective_on.label("day"),
                                 previous.label("since")), subtree).where(in_force()).subquery()
    return (select(moves.c.stage, func.avg(DaysBetween(moves.c.day, moves.c.since)))
            .where(moves.c.since.is_not(None), subtree.in_period(moves.c.day))
            .group_by(moves.c.stage))


class AdmissionsReport(Report):
    name = "admissions"
    title = _l("Admissions by year and by unit")
    description = _l("New members admitted (9-KNĐ decisions) in each year of the period and in "
                     "each unit below yours.")
    default_years = 12

    def tables(self, subtree: Subtree) -> list[Table]:
        """Both tables from one grouped query: admissions by child unit and year."""
        by_year, by_unit = Counter(), Counter()
        for (key, year), count in admission_counts(subtree, "unit", "year").items():
            by_year[int(year)] += count
            by_unit[key] += count
        years = Table(_("Admissions by year"), [_("Year"), _("Admissions")], key="by_year")
        for number in subtree.period.years:
            span = Period(max(date(number, 1, 1), subtree.period.start),
                          min(date(number, 12, 31), subtree.period.end))
            years.rows.append([Cell(number, kind=TEXT), Cell(by_year.get(number, 0), links.candidates(
                subtree, entered=links.entered(ADMITTED, span)))])
        years.rows.append([text(_("Total")), Cell(sum(by_year.values()), links.candidates(
            subtree, entered=links.entered(ADMITTED, subtree.period)))])
        years.chart_columns((_("Admissions"), 1), rows=slice(None, -1))
        return [years, self._by_unit(subtree, by_unit)]

    def _by_unit(self, subtree: Subtree, counts: Counter) -> Table:
        table = Table(_("Admissions by unit"), [_("Unit"), _("Admissions")], key="by_unit")
        period_filter = links.entered(ADMITTED, subtree.period)
        for org in subtree.rows():
            table.rows.append([self.unit_cell(org, subtree, _unit_label(org, subtree)), Cell(
                counts.get(bucket_key(org, subtree), 0),
                links.candidates(subtree, unit_id=org.id, entered=period_filter))])
        table.chart_columns((_("Admissions"), 1))
        return table


class MembersReport(Report):
    name = "members"
    title = _l("Members, admissions and staff")
    description = _l("Official and probationary members by unit, the period's admissions as a "
                     "share of members, and party members among staff.")

    def tables(self, subtree: Subtree) -> list[Table]:
        """Members are counted once, by child unit, level of unit, whether the unit records its
        staff, and status: both tables come from those counts."""
        values = subtree.values()
        members, by_level = defaultdict(Counter), Counter()
        for key, level, with_staff, status, count in db.session.execute(
                _members_counted(subtree), values):
            members[key][status] += count
            if with_staff:
                by_level[level] += count
        staff = dict(db.session.execute(_staff_by_bucket(subtree), values).all())
        admitted = achieved_by_bucket(subtree, ADMISSIONS)
        table = Table(_("Members by unit"), [
            _("Unit"), _("Official"), _("Probationary"), _("Members"), _("Admissions in the period"),
            _("Admissions / members"), _("Members / staff"), _("Share of staff")], key="members")
        period_filter = links.entered(ADMITTED, subtree.period)
        for org in subtree.rows():
            key = bucket_key(org, subtree)
            official, probationary = members[key].get("official", 0), members[key].get("probationary", 0)
            total, employees = official + probationary, staff.get(key)
            table.rows.append([
                self.unit_cell(org, subtree, _unit_label(org, subtree)),
                Cell(official, links.members(subtree, unit_id=org.id, status="official")),
                Cell(probationary, links.members(subtree, unit_id=org.id, status="probationary")),
                Cell(total),
                Cell(admitted.get(key, 0), links.candidates(subtree, unit_id=org.id,
                                                            entered=period_filter)),
                Cell(ratio(admitted.get(key, 0), total), kind=PERCENT),
                text(f"{total}/{employees}" if employees else "–"),
                Cell(ratio(total, employees), kind=PERCENT),
            ])
        totals = [sum(row[i].value for row in table.rows) for i in (1, 2, 3, 4)]
        table.rows.append([text(_("Total")), Cell(totals[0]), Cell(totals[1]), Cell(totals[2]),
                           Cell(totals[3]), Cell(ratio(totals[3], totals[2]), kind=PERCENT),
                           text("–"), Cell(None)])
        table.chart_columns((_("Official"), 1), (_("Probationary"), 2), rows=slice(None, -1))
        return [table, self._staff_by_level(subtree, by_level)]

    def _staff_by_level(self, subtree: Subtree, members: Counter) -> Table:
        """Party members among staff, by level of unit, over the units that record their staff
        ("75/77" for the provincial procuracy's branches, "119/149" for the districts')."""
        staff = db.session.execute(_staff_by_level(subtree), subtree.values()).all()
        table = Table(_("Party members among staff, by level of unit"),
                      [_("Level"), _("Members"), _("Staff"), _("Members / staff"), _("Share of staff")],
                      key="staff")
        for level, employees in staff:
            count = members.get(level, 0)
            table.rows.append([text(level), Cell(count), Cell(employees),
                               text(f"{count}/{employees}"), Cell(ratio(count, employees),
                                                                  kind=PERCENT)])
        table.chart_columns((_("Members"), 1), (_("Staff"), 2))
        return table


@kept_per_shape
def _members_counted(subtree: Subtree):
    """SELECT child unit, level, whether the unit records its staff, status, members: the
    subtree's serving members (``serving_counts``)."""
    return serving_counts(subtree, subtree.bucket(), Organization.level,
                          Organization.staff_count.is_not(None))


@kept_per_shape
def _staff_by_bucket(subtree: Subtree):
    """SELECT child unit, staff: the staff the subtree's units record, by child unit."""
    bucket = subtree.bucket()
    return (select(bucket, func.sum(Organization.staff_count)).where(subtree.condition)
            .group_by(bucket))


@kept_per_shape
def _staff_by_level(subtree: Subtree):
    """SELECT level, staff: the staff of the subtree's units that record it, by level."""
    return (select(Organization.level, func.sum(Organization.staff_count))
            .where(subtree.condition, Organization.staff_count.is_not(None))
            .group_by(Organization.level).order_by(Organization.level))


class NewMembersReport(Report):
    name = "new_members"
    title = _l("Profile of new members")
    description = _l("The period's admissions broken down by women, ethnic minorities, religious "
                     "believers, Youth Union members, age, education, occupation and source.")

    def tables(self, subtree: Subtree) -> list[Table]:
        """Every table from one grouped query: the period's admissions by occupation and
        source, each group with its count, its members of each profile group and its ages."""
        by_occupation, by_source, counts = Counter(), Counter(), [0] * len(GROUPS)
        ages = aged = 0
        for occupation, source, count, age_sum, age_count, *groups in db.session.execute(
                _profiles_counted(subtree), subtree.values()):
            by_occupation[occupation] += count
            by_source[source] += count
            counts = [total + int(found) for total, found in zip(counts, groups)]
            ages, aged = ages + (age_sum or 0), aged + age_count
        total = sum(by_occupation.values())
        period_filter = links.entered(ADMITTED, subtree.period)
        profile = Table(_("New members"), [_("Group"), _("Number"), _("Share")], key="profile")
        profile.rows.append([text(_("Admissions")), Cell(total, links.candidates(
            subtree, entered=period_filter)), Cell(ratio(total, total), kind=PERCENT)])
        for group, count in zip(GROUPS, counts):
            link = (links.candidates(subtree, entered=period_filter, group=group.code)
                    if group.listable else None)
            profile.rows.append([text(str(group.label)), Cell(count, link),
                                 Cell(ratio(count, total), kind=PERCENT)])
        profile.rows.append([text(_("Average age")),
                             Cell(round(float(ages) / aged, 1) if aged else None), Cell(None)])
        profile.chart_columns((_("Number"), 1), rows=slice(1, -1))
        return [profile,
                self._by_code(subtree, by_occupation, OCCUPATIONS, "occupation",
                              _("New members by occupation"), total),
                self._by_code(subtree, by_source, SOURCES, "source",
                              _("New members by source"), total)]

    def _by_code(self, subtree, counts, choices, filter_key, title, total) -> Table:
        table = Table(title, [_("Group"), _("Number"), _("Share")], key=filter_key)
        period_filter = links.entered(ADMITTED, subtree.period)
        for code, label in [*choices, (None, _("Not recorded"))]:
            if counts.get(code):
                link = (links.candidates(subtree, entered=period_filter, **{filter_key: code})
                        if code else None)
                table.rows.append([text(str(label)), Cell(counts[code], link),
                                   Cell(ratio(counts[code], total), kind=PERCENT)])
        table.chart_columns((_("Number"), 1))
        return table


@kept_per_shape
def _profiles_counted(subtree: Subtree):
    """SELECT occupation, source, admissions, their ages' sum and count, and the admissions
    of each profile group (``GROUPS``): the period's admissions in the subtree."""
    age = age_at(StageEvent.effective_on)
    return (admissions(subtree).add_columns(
                Candidate.occupation, Candidate.source, func.count(), func.sum(age),
                func.count(age), *(count_if(group.condition()) for group in GROUPS))
            .group_by(Candidate.occupation, Candidate.source))


class PlanReport(Report):
    name = "plan"
    title = _l("Progress against plan")
    description = _l("Each target of the year's plan against what was achieved in the period, "
                     "and the units below yours that are behind their admissions target.")

    def tables(self, subtree: Subtree, today: date | None = None) -> list[Table]:
        plans = planned(subtree, subtree.period.end.year)
        due = expected_share(subtree.period.start, subtree.period.end, today)
        admitted = achieved_by_bucket(subtree, ADMISSIONS)
        tables = [self.targets(subtree, plans, sum(admitted.values())),
                  self.by_unit(subtree, plans, due, admitted)]
        quarters = [rolled_up(subtree.path, column, plans) for column in QUARTERS]
        if any(goal is not None for goal in quarters):
            tables.append(self.quarters(subtree, quarters))
        return tables

    def quarters(self, subtree: Subtree, goals: list[int | None]) -> Table:
        """Admissions quarter by quarter against the plan's quarterly targets."""
        done = admissions_by_quarter(subtree)
        table = Table(_("Admissions by quarter"),
                      [_("Quarter"), _("Target"), _("Admitted"), _("Share of the target")],
                      key="quarters")
        for quarter, goal in enumerate(goals, start=1):
            table.rows.append([Cell(quarter, kind=TEXT), Cell(goal), Cell(done.get(quarter, 0)),
                               Cell(ratio(done.get(quarter, 0), goal), kind=PERCENT)])
        table.chart_columns((_("Target"), 1), (_("Admitted"), 2))
        return table

    def targets(self, subtree: Subtree, plans: dict | None = None,
                admitted: int | None = None) -> Table:
        """Each target of the unit's plan (rolled up) against what the period achieved.
        ``admitted``: the subtree's admissions when already counted (the report's table by
        unit counts them), so they are not read again."""
        year = subtree.period.end.year
        plans = planned(subtree, year) if plans is None else plans
        summary = Table(_("Targets of %(year)s", year=year),
                        [_("Target"), _("Planned"), _("Achieved"), _("Share of the plan")],
                        key="targets")
        measured = []  # (the part of the subtree a target is set for, the target)
        for target in TARGETS:
            paths = planned_paths(subtree.path, target.column, plans)
            if paths and paths != [subtree.path]:  # set by some units below: compare with them
                measured.append((PlannedPart(subtree.unit, subtree.period, subtree.tree,
                                             paths=tuple(paths)), target))
            else:
                measured.append((subtree, target))
        reused = (subtree, ADMISSIONS) if admitted is not None else None
        asked = [pair for pair in measured if pair != reused]
        counted = dict(zip(asked, achieved(asked)))
        for part, target in measured:
            done = admitted if (part, target) == reused else counted[part, target]
            goal = rolled_up(subtree.path, target.column, plans)
            label, link = str(target.label), None
            if part is not subtree:
                label = _("%(target)s (units with a plan)", target=target.label)
            elif target is ADMISSIONS:
                link = links.candidates(subtree, entered=links.entered(ADMITTED, subtree.period))
            summary.rows.append([text(label), Cell(goal), Cell(done, link),
                                 Cell(ratio(done, goal), kind=PERCENT)])
        summary.chart_columns((_("Planned"), 1), (_("Achieved"), 2))
        return summary

    def by_unit(self, subtree: Subtree, plans, due: float, admitted: dict) -> Table:
        table = Table(_("Admissions against target by unit"), [
            _("Unit"), _("Target"), _("Admitted"), _("Share of the target"), _("Due by now"),
            _("Behind plan")], key="behind")
        period_filter = links.entered(ADMITTED, subtree.period)
        for org in subtree.rows():
            whole = subtree.unit is not None and org.id == subtree.unit.id
            goal = rolled_up(org.path, ADMISSIONS.column, plans)
            if goal is None:
                continue
            done = sum(admitted.values()) if whole else admitted.get(bucket_key(org, subtree), 0)
            expected = round(goal * due)
            table.rows.append([
                self.unit_cell(org, subtree, org.name), Cell(goal),
                Cell(done, links.candidates(subtree, unit_id=org.id, entered=period_filter)),
                Cell(ratio(done, goal), kind=PERCENT), Cell(expected),
                text(_("Yes") if done < expected else _("No")),
            ])
        table.chart_columns((_("Target"), 1), (_("Admitted"), 2))
        return table


class InactiveUnitsReport(Report):
    name = "inactive"
    title = _l("Units that admitted nobody")
    description = _l("Branches (units with no units below them) where nobody was admitted in "
                     "the period.")

    def tables(self, subtree: Subtree) -> list[Table]:
        values = subtree.values()
        rows = db.session.execute(_inactive_branches(subtree), values).all()
        total = db.session.scalar(_branches_counted(subtree), values)
        table = Table(_("Branches with no admission in the period"),
                      [_("Branch"), _("Part of"), _("Members")], key="inactive")
        for org_id, name, parent_name, count in rows:
            table.rows.append([text(name), text(parent_name or ""),
                               Cell(count, links.members(subtree, unit_id=org_id))])
        summary = Table(_("Branches"), [_("Branches"), _("With admissions"), _("Without admissions")],
                        key="inactive_summary")
        summary.rows.append([Cell(total), Cell(total - len(rows)), Cell(len(rows))])
        summary.chart = Chart([_("With admissions"), _("Without admissions")],
                              [(_("Branches"), [total - len(rows), len(rows)])])
        return [summary, table]


def _branches(subtree: Subtree) -> list:
    """SQL: a unit of the subtree, in the tree the report reads, with no unit below it."""
    child = aliased(Organization)
    return [subtree.condition, subtree.existing(),
            ~exists().where(child.parent_id == Organization.id)]


@kept_per_shape
def _inactive_branches(subtree: Subtree):
    """SELECT id, name, parent's name, serving members: the subtree's branches where nobody
    was admitted in the period. The units where someone was are listed once (not looked up
    unit by unit: a province's 5,000 branches each scanned the country's admissions; nor the
    whole country's listed for a chi bộ)."""
    parent = aliased(Organization)
    admitting = step_entries(ADMITTED, subtree).add_columns(located_at(subtree)).where(
        located_at(subtree).is_not(None))
    members = (select(func.count()).select_from(Member)
               .where(Member.organization_id == Organization.id, Member.status.in_(SERVING))
               .scalar_subquery())
    return (select(Organization.id, Organization.name, parent.name, members)
            .outerjoin(parent, parent.id == Organization.parent_id)
            .where(*_branches(subtree), Organization.id.not_in(admitting))
            .order_by(Organization.path))


@kept_per_shape
def _branches_counted(subtree: Subtree):
    """SELECT count: the subtree's branches."""
    return select(func.count()).select_from(Organization).where(*_branches(subtree))


CORE_REPORTS: list[Report] = [AdmissionsReport(), FunnelReport(), MembersReport(),
                              NewMembersReport(), PlanReport(), InactiveUnitsReport(),
                              DataHealthReport()]
