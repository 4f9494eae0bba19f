"""Correcting a mistake: the last step of a candidate is annulled by a new, numbered act of
correction. Nothing is deleted: the wrong step stays in the history, marked as annulled, and
no longer counts in any figure, deadline or rule; the stage goes back to where it was."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Act, Candidate, Member, Sponsor, StageEvent, in_force
from ..security.permissions import can_annul
from .stages import stage_label
from .transitions import TransitionRefused, lock


def last_step(candidate: Candidate) -> StageEvent | None:
    """The candidate's latest step that counts (the one a correction would annul)."""
    return db.session.scalar(select(StageEvent).where(
        StageEvent.candidate_id == candidate.id, in_force())
        .order_by(StageEvent.id.desc()).limit(1))


def annul_last_step(candidate: Candidate, *, actor, act: Act, reason: str) -> StageEvent:
    """Annul the last step under ``act`` (kind "correction"), with the reason. Raises
    TransitionRefused with every reason, having changed nothing."""
    lock([candidate])
    event = last_step(candidate)
    reasons = []
    if event is None or event.to_stage != candidate.stage:
        raise TransitionRefused([_("%(name)s has no recorded step to correct.",
                                   name=candidate.full_name)])
    if not can_annul(actor, candidate, event):
        reasons.append(_("Only who may record the step “%(step)s” may annul it.",
                         step=stage_label(event.to_stage)))
    if not (act.number or "").strip() or act.act_date is None:
        reasons.append(_("The correction needs the number and date of its act."))
    elif act.act_date > date.today():
        reasons.append(_("The date of this step cannot be in the future."))
    if not (reason or "").strip():
        reasons.append(_("Give the reason for the correction."))
    member = db.session.scalar(select(Member).where(Member.candidate_id == candidate.id))
    if event.to_stage == "probationary" and member is not None and db.session.scalar(
            select(Sponsor.id).where(Sponsor.member_id == member.id).limit(1)) is not None:
        reasons.append(_("%(name)s already helps or introduces someone as a party member; "
                         "assign them another helper or introducer first.", name=member.full_name))
    if reasons:
        raise TransitionRefused(reasons)
    act.kind = "correction"
    act.created_by_id = getattr(actor, "id", None)
    db.session.add(act)
    correction = StageEvent(candidate=candidate, from_stage=candidate.stage,
                            to_stage=event.from_stage, effective_on=act.act_date, act=act,
                            actor_id=getattr(actor, "id", None), note=reason.strip(),
                            annuls_id=event.id)
    db.session.add(correction)
    candidate.stage = event.from_stage
    _restore_member_roll(event, member)
    db.session.flush()
    return correction


def _restore_member_roll(event: StageEvent, member: Member | None) -> None:
    """The roll as it was before the annulled step."""
    if member is None:
        return
    if event.to_stage == "probationary":
        db.session.delete(member)
    elif event.to_stage == "official":
        member.status, member.official_date = "probationary", None
    elif event.to_stage == "struck_off":
        member.status = "probationary"
