"""The one service that changes the shape of the tree: merging units into another, renaming
and dissolving a unit, each a recorded act, all or nothing.

Everything the merged units held follows the unit that takes them over: candidates at every
stage (their steps, acts, dossier and deadlines are theirs and do not change), members, users'
home units, classes, sub-units; plans are carried (their targets added to the taking unit's
plan of the same year) or kept with the ended unit, as the user says. The merged units end on
the act's date and stay in the tree as history; the old → new map is kept
(``UnitSuccession``). Each person who moved gets a line in their history.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, insert, select, update

from ..extensions import db
from ..models import (
    Candidate,
    FieldChange,
    Member,
    Organization,
    Plan,
    TrainingClass,
    UnitChange,
    UnitSuccession,
    User,
    subtree_condition,
    subtree_ids,
)
from ..models.plans import QUARTERS

CARRY, KEEP = "carry", "keep"  # what happens to the merged units' plans
MOVED = (("candidates", Candidate, Candidate.organization_id),
         ("members", Member, Member.organization_id),
         ("users", User, User.organization_id),
         ("classes", TrainingClass, TrainingClass.organization_id),
         ("plans", Plan, Plan.organization_id),
         ("sub_units", Organization, Organization.parent_id))
KIND_LABELS = {"candidates": _l("Candidates"), "members": _l("Members"), "users": _l("Users"),
               "classes": _l("Classes"), "plans": _l("Plans"), "sub_units": _l("Sub-units")}
TARGET_COLUMNS = ("target_admissions", "target_sympathizers", "target_awareness",
                  "target_new_member_class", *QUARTERS)


class ReorganizationRefused(Exception):
    """Every reason at once; nothing was changed."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass
class Preview:
    """What would move, per kind, for the confirmation screen and the CLI's dry run."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def held(model, column, ids):
    """SELECT … WHERE the row belongs to one of the units ``ids``. Sub-units that ended stay
    where they were (they are the tree as it was) and are not held."""
    query = select().select_from(model).where(column.in_(ids))
    return query.where(Organization.ended_on.is_(None)) if model is Organization else query


def preview(sources: list[Organization]) -> Preview:
    """How many rows of each kind the merged units hold (one query per kind)."""
    ids = [unit.id for unit in sources]
    return Preview({name: db.session.scalar(held(model, column, ids).add_columns(func.count()))
                    for name, model, column in MOVED})


def moving_with(unit: Organization) -> dict[str, int]:
    """What moves with a unit put under another: everyone and everything of its subtree, and
    its active sub-units at every depth (one query per kind)."""
    below = subtree_ids(unit.path)
    counts = {kind: db.session.scalar(select(func.count()).select_from(model)
                                      .where(column.in_(below)))
              for kind, model, column in MOVED if kind not in ("plans", "sub_units")}
    counts["sub_units"] = db.session.scalar(
        select(func.count()).select_from(Organization)
        .where(subtree_condition(unit.path), Organization.id != unit.id,
               Organization.ended_on.is_(None)))
    return counts


def problems(sources: list[Organization], target: Organization | None,
             change: UnitChange) -> list[str]:
    reasons = []
    if not sources:
        reasons.append(_("Choose the units to merge."))
    if target is None:
        reasons.append(_("Choose the unit that takes them over."))
    elif target.ended_on is not None:
        reasons.append(_("%(unit)s ended on %(day)s; choose a unit that exists.",
                         unit=target.name, day=target.ended_on.strftime("%d/%m/%Y")))
    for unit in sources:
        if target is not None and unit.contains(target):
            reasons.append(_("%(target)s lies within %(unit)s: a unit cannot be merged into "
                             "itself or its own sub-unit.", target=target.name, unit=unit.name))
        reasons += _ended(unit)
    return reasons + decision_problems(change)


def merge(sources: list[Organization], target: Organization, change: UnitChange, *, actor,
          plans: str = CARRY) -> Preview:
    """Merge ``sources`` into ``target`` under ``change``, or refuse with every reason. The
    caller commits (or rolls back)."""
    reasons = problems(sources, target, change)
    if reasons:
        raise ReorganizationRefused(reasons)
    moved = preview(sources)
    change.kind, change.created_by_id = "merge", getattr(actor, "id", None)
    db.session.add(change)
    db.session.flush()
    for unit in sources:
        _record_moves(unit, target, actor)
        for model, column in ((Candidate, Candidate.organization_id),
                              (Member, Member.organization_id),
                              (User, User.organization_id),
                              (TrainingClass, TrainingClass.organization_id)):
            db.session.execute(update(model).where(column == unit.id)
                               .values(organization_id=target.id))
        if plans == CARRY:
            _carry_plans(unit, target)
        for child in list(db.session.scalars(held(Organization, Organization.parent_id, [unit.id])
                                             .add_columns(Organization))):
            child.parent = target  # the path of its whole subtree follows (models.organizations)
        _carry_staff(unit, target)
        unit.ended_on, unit.active = change.act_date, False
        db.session.add(UnitSuccession(change=change, old=unit, new=target))
    db.session.flush()
    db.session.expire_all()
    return moved


def _record_moves(unit: Organization, target: Organization, actor) -> None:
    """A line in each moving candidate's history: "Tổ chức đảng: old → new" (one statement)."""
    ids = list(db.session.scalars(select(Candidate.id).where(Candidate.organization_id == unit.id)))
    if ids:
        now = datetime.now(timezone.utc)
        db.session.execute(insert(FieldChange), [
            {"candidate_id": pk, "field": "organization", "old_value": unit.name,
             "new_value": target.name, "actor_id": getattr(actor, "id", None), "at": now}
            for pk in ids])


def _carry_staff(unit: Organization, target: Organization) -> None:
    """Staff numbers are today's figure: the merged unit's are added to the taking unit's."""
    if unit.staff_count is not None:
        target.staff_count = (target.staff_count or 0) + unit.staff_count
        unit.staff_count = None


def _carry_plans(unit: Organization, target: Organization) -> None:
    for plan in list(db.session.scalars(select(Plan).where(Plan.organization_id == unit.id))):
        _carry_plan(plan, target)


def _carry_plan(plan: Plan, target: Organization) -> None:
    """A plan's targets added to the taking unit's plan of that year (moved when it has none)."""
    kept = db.session.scalar(select(Plan).where(Plan.organization_id == target.id,
                                                Plan.year == plan.year))
    if kept is None:
        plan.organization_id = target.id
        return
    for column in TARGET_COLUMNS:
        added = getattr(plan, column)
        if added is not None:
            setattr(kept, column, (getattr(kept, column) or 0) + added)
    db.session.delete(plan)


def _ended(unit: Organization) -> list[str]:
    if unit.ended_on is None:
        return []
    return [_("%(unit)s already ended on %(day)s.", unit=unit.name,
              day=unit.ended_on.strftime("%d/%m/%Y"))]


def decision_problems(change) -> list[str]:
    """What a decision (number, date, issuer) lacks; shared by every operation."""
    if not (change.number or "").strip() or change.act_date is None:
        return [_("The decision needs its number and date.")]
    if change.act_date > date.today():
        return [_("The decision's date cannot be in the future.")]
    if not (change.issuer or "").strip():
        return [_("Say who issued the decision.")]
    return []


def rename(unit: Organization, name: str, change: UnitChange, *, actor) -> None:
    """Give ``unit`` a new name from the decision's date; the old one stays in the record of
    the change (``note``), for papers and reports of the time before."""
    reasons = decision_problems(change)
    if not (name or "").strip():
        reasons.append(_("Enter the new name."))
    reasons += _ended(unit)
    if reasons:
        raise ReorganizationRefused(reasons)
    change.kind, change.created_by_id = "rename", getattr(actor, "id", None)
    change.note = _("Formerly: %(name)s", name=unit.name)
    unit.name = name
    db.session.add(change)
    db.session.add(UnitSuccession(change=change, old=unit, new=unit))
    db.session.flush()


def dissolve(unit: Organization, change: UnitChange, *, actor) -> None:
    """End a unit that holds no one and nothing (merge it into another otherwise)."""
    reasons = decision_problems(change)
    still = [str(KIND_LABELS[kind]) for kind, count in preview([unit]).counts.items()
             if count and kind != "plans"]
    if still:
        reasons.append(_("%(unit)s still holds %(what)s: merge it into another unit instead.",
                         unit=unit.name, what=", ".join(still)))
    reasons += _ended(unit)
    if reasons:
        raise ReorganizationRefused(reasons)
    change.kind, change.created_by_id = "dissolve", getattr(actor, "id", None)
    db.session.add(change)
    unit.ended_on, unit.active = change.act_date, False
    db.session.flush()



def establish(unit: Organization, change: UnitChange, *, actor) -> Organization:
    """A new unit (``unit``, unsaved, with its parent) from the decision's date."""
    reasons = decision_problems(change)
    if not (unit.name or "").strip():
        reasons.append(_("Enter the new unit's name."))
    taken = select(Organization.id).where(Organization.code == unit.code)
    if unit.id is not None:  # already flushed: not taken by itself
        taken = taken.where(Organization.id != unit.id)
    with db.session.no_autoflush:
        if unit.code and db.session.scalar(taken):
            reasons.append(_("The code %(code)s is already used.", code=unit.code))
    if unit.parent is not None:
        reasons += _ended(unit.parent)
    if reasons:
        raise ReorganizationRefused(reasons)
    change.kind, change.created_by_id = "establish", getattr(actor, "id", None)
    unit.established_on = change.act_date
    db.session.add_all([change, unit])
    db.session.flush()
    return unit


def move(unit: Organization, parent: Organization, change: UnitChange, *, actor) -> None:
    """Put ``unit`` (and its subtree) under ``parent`` from the decision's date."""
    reasons = decision_problems(change) + _ended(unit) + _ended(parent)
    if unit.contains(parent):
        reasons.append(_("%(target)s lies within %(unit)s: a unit cannot be moved under itself "
                         "or its own sub-unit.", target=parent.name, unit=unit.name))
    if reasons:
        raise ReorganizationRefused(reasons)
    change.kind, change.created_by_id = "move", getattr(actor, "id", None)
    change.note = _("Formerly under: %(name)s", name=unit.parent.name if unit.parent else "—")
    db.session.add(change)
    unit.parent = parent
    db.session.flush()


def split(unit: Organization, assignment: dict[str, dict[int, Organization]],
          change: UnitChange, *, actor) -> None:
    """Share what ``unit`` holds among other units, explicitly: ``assignment`` maps each kind
    (candidates, members, users, classes, sub_units, plans) to {row id: the unit it goes to}.
    Everything of every kind must be assigned, or the split is refused with what is left."""
    reasons = decision_problems(change) + _ended(unit)
    holding = {kind: set(db.session.scalars(held(model, column, [unit.id]).add_columns(model.id)))
               for kind, model, column in MOVED}
    for kind, ids in holding.items():
        given = assignment.get(kind, {})
        missing, foreign = ids - set(given), set(given) - ids
        if missing:
            reasons.append(_("%(count)s of the %(what)s of %(unit)s are not assigned to a unit.",
                             count=len(missing), what=KIND_LABELS[kind], unit=unit.name))
        if foreign:
            reasons.append(_("%(count)s of the %(what)s assigned are not %(unit)s's.",
                             count=len(foreign), what=KIND_LABELS[kind], unit=unit.name))
        for target in set(given.values()):
            if target.id == unit.id or unit.contains(target):
                reasons.append(_("%(target)s lies within %(unit)s: its share must go to other "
                                 "units.", target=target.name, unit=unit.name))
            reasons += _ended(target)
    if reasons:
        raise ReorganizationRefused(sorted(set(reasons), key=reasons.index))
    change.kind, change.created_by_id = "split", getattr(actor, "id", None)
    db.session.add(change)
    db.session.flush()
    for kind, model, column in MOVED:
        for pk, target in assignment.get(kind, {}).items():
            if kind == "candidates":
                _record_one(pk, unit, target, actor)
            if kind == "sub_units":  # through the model: the subtree's paths follow
                db.session.get(Organization, pk).parent = target
            elif kind == "plans":
                _carry_plan(db.session.get(Plan, pk), target)
            else:
                db.session.execute(update(model).where(model.id == pk)
                                   .values({column.key: target.id}))
    for target in {t.id: t for given in assignment.values() for t in given.values()}.values():
        db.session.add(UnitSuccession(change=change, old=unit, new=target))
    unit.ended_on, unit.active = change.act_date, False
    db.session.flush()
    db.session.expire_all()


def _record_one(candidate_id: int, unit: Organization, target: Organization, actor) -> None:
    db.session.execute(insert(FieldChange).values(
        candidate_id=candidate_id, field="organization", old_value=unit.name,
        new_value=target.name, actor_id=getattr(actor, "id", None),
        at=datetime.now(timezone.utc)))
