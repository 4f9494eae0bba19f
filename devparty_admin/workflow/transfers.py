"""Moving a person to another unit by a decision: a candidate mid-path (their steps, acts,
dossier, classes and deadlines go with them; the receiving branch assigns its own helpers, as
the helper guard asks a member of the candidate's branch), or a member's party activity,
officially or temporarily (the member stays on the home roll but is left out of the home
branch's vote denominator until back). Each leaves a ``Transfer`` that the sending unit keeps
seeing."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..extensions import db
from ..models import Candidate, Member, Organization, Sponsor, Transfer
from ..models.choices import SPONSOR_ROLES
from .reorganization import ReorganizationRefused, decision_problems
from .stages import ON_THE_PATH

OFFICIAL, TEMPORARY = "official", "temporary"


def _problems(current: Organization, to_unit: Organization | None, decision: Transfer) -> list:
    reasons = decision_problems(decision)
    if to_unit is None:
        reasons.append(_("Choose the unit the person moves to."))
    elif to_unit.id == current.id:
        reasons.append(_("The person is already in %(unit)s.", unit=to_unit.name))
    elif to_unit.ended_on is not None:
        reasons.append(_("%(unit)s ended on %(day)s; choose a unit that exists.",
                         unit=to_unit.name, day=to_unit.ended_on.strftime("%d/%m/%Y")))
    return reasons


def transfer_candidate(candidate: Candidate, to_unit: Organization, decision: Transfer, *,
                       actor) -> Transfer:
    """Move a candidate on the path to ``to_unit``; the caller commits."""
    reasons = _problems(candidate.organization, to_unit, decision)
    if candidate.stage not in ON_THE_PATH:
        reasons.append(_("Only a person on the path moves this way (a member's party activity "
                         "is transferred as a member's)."))
    if reasons:
        raise ReorganizationRefused(reasons)
    _record(decision, "candidate", candidate.organization, to_unit, actor,
            candidate_id=candidate.id, full_name=candidate.full_name)
    _end_sponsors(candidate, decision)
    candidate.organization = to_unit  # the field history says from which unit to which
    db.session.flush()
    return decision


def transfer_member(member: Member, to_unit: Organization, decision: Transfer, *, actor,
                    kind: str = OFFICIAL) -> Transfer:
    """An official transfer moves the member; a temporary one leaves them on the home roll,
    out of its vote's denominator, until ``end_temporary``."""
    reasons = _problems(member.organization, to_unit, decision)
    if kind == TEMPORARY and away(member.id, decision.act_date or date.today()):
        reasons.append(_("%(name)s is already temporarily transferred.", name=member.full_name))
    if reasons:
        raise ReorganizationRefused(reasons)
    _record(decision, kind, member.organization, to_unit, actor, member_id=member.id,
            full_name=member.full_name)
    if kind == OFFICIAL:
        member.organization = to_unit
    db.session.flush()
    return decision


def _end_sponsors(candidate: Candidate, decision: Transfer) -> None:
    """Helpers and introducers are members of the sending branch: their assignment ends with
    the move (the receiving branch assigns its own); the transfer's record names them."""
    sponsors = list(db.session.scalars(select(Sponsor).where(Sponsor.candidate_id == candidate.id)))
    if sponsors:
        names = ", ".join(f"{s.member.full_name} ({SPONSOR_ROLES.label(s.role)})" for s in sponsors)
        decision.note = "\n".join(filter(None, [decision.note, _(
            "Helpers and introducers in the sending branch: %(names)s", names=names)]))
    for sponsor in sponsors:
        db.session.delete(sponsor)


def end_temporary(transfer: Transfer, on: date) -> None:
    if transfer.kind != TEMPORARY or transfer.returned_on is not None or on < transfer.act_date:
        raise ReorganizationRefused([_("This temporary transfer cannot end on that day.")])
    transfer.returned_on = on


def _record(decision: Transfer, kind: str, from_unit, to_unit, actor, **person) -> None:
    decision.kind, decision.from_id, decision.to_id = kind, from_unit.id, to_unit.id
    decision.created_by_id = getattr(actor, "id", None)
    for name, value in person.items():
        setattr(decision, name, value)
    db.session.add(decision)


def _active_on(on: date):
    return ((Transfer.kind == TEMPORARY) & (Transfer.act_date <= on)
            & ((Transfer.returned_on.is_(None)) | (Transfer.returned_on > on)))


def away(member_id: int, on: date) -> bool:
    return db.session.scalar(select(Transfer.id).where(
        Transfer.member_id == member_id, _active_on(on)).limit(1)) is not None


def temporarily_away(organization_id: int, on: date) -> int:
    """Official members of the unit on a temporary transfer elsewhere on ``on``."""
    return db.session.scalar(
        select(func.count(func.distinct(Transfer.member_id)))
        .join(Member, Member.id == Transfer.member_id)
        .where(Transfer.from_id == organization_id, Member.organization_id == organization_id,
               Member.status == "official", _active_on(on)))
