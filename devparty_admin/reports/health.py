"""Data health ("đúng – đủ – sạch – sống"): the records of a unit that break the rules or look
wrong, each linked to where it is put right. One query per kind of problem, whatever the size
of the subtree; at most ``SHOWN`` rows of each kind are listed, all of them counted.

Each kind's message is translated once per report and filled in per row, and a stage's label
once per stage: translated per row, a chi bộ's list of long-held stages took two milliseconds."""
from __future__ import annotations

from datetime import date
from functools import cache

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, Integer, bindparam, func, or_, select, union_all

from ..extensions import db
from ..models import Candidate, Member, Organization, StageEvent, in_force
from ..models.choices import STAGES
from ..validation import OLDEST_YEARS, YOUNGEST_YEARS
from ..workflow.calendar import add_months
from .catalog import Report
from .facts import Subtree, kept_per_shape
from .links import address
from .tables import TEXT, Cell, Chart, Table

SHOWN = 200
# A stage held longer than this many months is worth a look (the rules' own limits are shorter).
LINGERING_MONTHS = {"sympathizer": 24, "trained": 24, "dossier": 12, "proposed": 6, "admitted": 3}


class DataHealthReport(Report):
    name = "health"
    title = _l("Data health: records to put right")
    description = _l("Records of your unit that break the rules or look wrong (missing CCCD, the "
                     "same person twice, dates out of order, impossible ages, stages held far too "
                     "long, members without admission dates), each linked to where it is fixed.")

    def tables(self, subtree: Subtree, today: date | None = None) -> list[Table]:
        today = today or date.today()
        found = [(_("No CCCD"), self._without_cccd(subtree)),
                 (_("The same person twice (name and date of birth)"), self._twice(subtree)),
                 (_("Impossible age"), self._impossible_age(subtree, today)),
                 (_("Steps out of order"), self._out_of_order(subtree)),
                 (_("Stage held far too long"), self._lingering(subtree, today)),
                 (_("Member without admission date"), self._members_undated(subtree))]
        summary = Table(_("Problems found"), [_("Problem"), _("Records")], key="health_summary")
        listing = Table(_("Records to put right"), [_("Problem"), _("Person"), _("Unit"),
                                                    _("What is wrong")], key="health")
        for label, (total, rows) in found:
            summary.rows.append([Cell(str(label), kind=TEXT), Cell(total)])
            listing.rows += [[Cell(str(label), kind=TEXT), *row] for row in rows]
        summary.chart = Chart([str(label) for label, _found in found],
                              [(_("Records"), [total for _label, (total, _rows) in found])])
        return [summary, listing]

    # --- one query each -----------------------------------------------------------------------
    @staticmethod
    def _listed(statement, subtree: Subtree, render, **values) -> tuple[int, list[list[Cell]]]:
        """Run ``statement`` (kept per shape of subtree; its first column the total, by a
        window) for ``subtree`` with ``values`` and render its rows."""
        rows = db.session.execute(statement, {**subtree.values(), "shown": SHOWN,
                                              **values}).all()
        return (rows[0][0] if rows else 0), [render(row[1:]) for row in rows]

    @staticmethod
    def _person(model_view: str, record_id: int, name: str, unit: str, detail: str) -> list[Cell]:
        return [Cell(name, address(f"{model_view}.edit_view", {"id": record_id}), kind=TEXT),
                Cell(unit, kind=TEXT), Cell(detail, kind=TEXT)]

    def _without_cccd(self, subtree: Subtree):
        says = _("Enter the citizen ID (CCCD).")
        return self._listed(_without_cccd_query(subtree), subtree, lambda row: self._person(
            "candidate", row[0], row[1], row[2], says))

    def _twice(self, subtree: Subtree):
        says = _("Born %(day)s like another record: the same person twice? Keep one.")
        return self._listed(_twice_query(subtree), subtree, lambda row: self._person(
            "candidate", row[0], row[1], row[2], says % {"day": row[3].strftime("%d/%m/%Y")}))

    def _impossible_age(self, subtree: Subtree, today: date):
        says = _("Date of birth %(day)s: check the year.")
        return self._listed(
            _impossible_age_query(subtree), subtree, lambda row: self._person(
                "candidate", row[0], row[1], row[2], says % {"day": row[3].strftime("%d/%m/%Y")}),
            youngest=add_months(today, -12 * YOUNGEST_YEARS),
            oldest=add_months(today, -12 * OLDEST_YEARS))

    def _out_of_order(self, subtree: Subtree):
        says, stage = _("“%(step)s” dated %(day)s, before the step recorded earlier "
                        "(%(before)s): correct it with “Đính chính”."), cache(STAGES.label)
        return self._listed(_out_of_order_query(subtree), subtree, lambda row: [
            Cell(row[1], address("candidate.details_view", {"id": row[0]}), kind=TEXT),
            Cell(row[2], kind=TEXT),
            Cell(says % {"step": stage(row[3]), "day": row[4].strftime("%d/%m/%Y"),
                         "before": row[5].strftime("%d/%m/%Y") if row[5] else "—"}, kind=TEXT)])

    def _lingering(self, subtree: Subtree, today: date):
        says, stage = _("“%(stage)s” since %(day)s (%(days)s days)."), cache(STAGES.label)
        return self._listed(_lingering_query(subtree), subtree, lambda row: [
            Cell(row[1], address("candidate.details_view", {"id": row[0]}), kind=TEXT),
            Cell(row[2], kind=TEXT),
            Cell(says % {"stage": stage(row[3]), "day": row[4].strftime("%d/%m/%Y"),
                         "days": (today - row[4]).days}, kind=TEXT)],
            **{f"before_{code}": add_months(today, -months)
               for code, months in LINGERING_MONTHS.items()})

    def _members_undated(self, subtree: Subtree):
        says = _("Enter the date of the admission decision.")
        return self._listed(_members_undated_query(subtree), subtree, lambda row: self._person(
            "member", row[0], row[1], row[2], says))


# --- the statements, each built once per shape of subtree (``kept_per_shape``) --------------
SHOWN_AT_MOST = bindparam("shown", type_=Integer)


@kept_per_shape
def _without_cccd_query(subtree: Subtree):
    return (select(func.count().over(), Candidate.id, Candidate.full_name, Organization.name)
            .join(Organization, Organization.id == Candidate.organization_id)
            .where(subtree.condition, Candidate.national_id.is_(None),
                   Candidate.stage.not_in(("dropped", "rejected", "struck_off", "merged")))
            .order_by(Organization.path, Candidate.sort_key).limit(SHOWN_AT_MOST))


@kept_per_shape
def _twice_query(subtree: Subtree):
    same = (select(Candidate.name_folded, Candidate.date_of_birth)
            .where(subtree.holds(Candidate.organization_id), Candidate.date_of_birth.is_not(None),
                   Candidate.stage != "merged")
            .group_by(Candidate.name_folded, Candidate.date_of_birth)
            .having(func.count() > 1).subquery())
    return (select(func.count().over(), Candidate.id, Candidate.full_name, Organization.name,
                   Candidate.date_of_birth)
            .join(Organization, Organization.id == Candidate.organization_id)
            .join(same, (same.c.name_folded == Candidate.name_folded)
                  & (same.c.date_of_birth == Candidate.date_of_birth))
            .where(subtree.condition, Candidate.stage != "merged")
            .order_by(Candidate.name_folded, Candidate.id).limit(SHOWN_AT_MOST))


@kept_per_shape
def _impossible_age_query(subtree: Subtree):
    """Born after the parameter ``youngest`` or before ``oldest``: found as two ranges of the
    index on the birth date. Written as one condition, SQLite read every candidate of the
    province to find none (0.5 s)."""
    born = Candidate.date_of_birth
    out_of_range = union_all(select(Candidate.id).where(born > bindparam("youngest", type_=Date)),
                             select(Candidate.id).where(born < bindparam("oldest", type_=Date)))
    return (select(func.count().over(), Candidate.id, Candidate.full_name, Organization.name,
                   born)
            .join(Organization, Organization.id == Candidate.organization_id)
            .where(subtree.condition, Candidate.id.in_(out_of_range))
            .order_by(Organization.path, Candidate.sort_key).limit(SHOWN_AT_MOST))


@kept_per_shape
def _out_of_order_query(subtree: Subtree):
    previous = func.lag(StageEvent.effective_on, type_=Date).over(
        partition_by=StageEvent.candidate_id, order_by=StageEvent.id)
    steps = (select(StageEvent.candidate_id, StageEvent.to_stage, StageEvent.effective_on,
                    previous.label("before")).where(in_force()))
    if subtree.narrow:  # its own people's steps only, not every step of the country
        steps = steps.where(StageEvent.candidate_id.in_(
            select(Candidate.id).where(subtree.holds(Candidate.organization_id))))
    steps = steps.subquery()
    return (select(func.count().over(), Candidate.id, Candidate.full_name, Organization.name,
                   steps.c.to_stage, steps.c.effective_on, steps.c.before)
            .join(steps, steps.c.candidate_id == Candidate.id)
            .join(Organization, Organization.id == Candidate.organization_id)
            .where(subtree.condition, (steps.c.effective_on < steps.c.before)
                   | (steps.c.effective_on <= Candidate.date_of_birth))
            .order_by(Organization.path, Candidate.sort_key).limit(SHOWN_AT_MOST))


@kept_per_shape
def _lingering_query(subtree: Subtree):
    """A stage entered before the parameter ``before_<stage>``. When each candidate entered
    its stage is kept on its row (``alert_dates``). Long-held stages can be a good share of a
    province's candidates: they are found and counted inside the index on (stage, day
    entered, unit), and only the first ``SHOWN`` are read with their names and units (reading
    all 224,000 of the benchmark's took 0.9 s)."""
    entered = Candidate.stage_entered_on
    too_long = [(Candidate.stage == code) & (entered < bindparam(f"before_{code}", type_=Date))
                for code in LINGERING_MONTHS]
    found = (select(Candidate.id, entered.label("entered"))
             .where(subtree.holds(Candidate.organization_id), or_(*too_long))
             .cte("lingering"))
    first = (select(found.c.id, found.c.entered).order_by(found.c.entered, found.c.id)
             .limit(SHOWN_AT_MOST).subquery())
    return (select(select(func.count()).select_from(found).scalar_subquery(),
                   Candidate.id, Candidate.full_name, Organization.name, Candidate.stage, entered)
            .join_from(first, Candidate, Candidate.id == first.c.id)
            .join(Organization, Organization.id == Candidate.organization_id)
            .order_by(first.c.entered, first.c.id))


@kept_per_shape
def _members_undated_query(subtree: Subtree):
    return (select(func.count().over(), Member.id, Member.full_name, Organization.name)
            .join(Organization, Organization.id == Member.organization_id)
            .where(subtree.holds(Member.organization_id), Member.admission_date.is_(None),
                   Member.status.in_(("official", "probationary")))
            .order_by(Organization.path, Member.sort_key).limit(SHOWN_AT_MOST))
