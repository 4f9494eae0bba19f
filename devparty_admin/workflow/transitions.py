"""The transition service: the only code that changes a candidate's stage.

It checks every guard first and, only if all pass, records the act, writes the stage event,
updates the member roll and flushes. The caller commits once (atomically) or rolls back. It never
reads the request or the logged-in user: the actor is an argument.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Act, Candidate, Member, StageEvent
from .calendar import add_months
from .guards import Proposal, can_judge, guards_for, last_event
from .history import already_recorded
from .rules import Rules, rules_on
from .stages import find_transition, stage_label


class TransitionRefused(Exception):
    """Raised with every failing reason; nothing was changed."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def check(proposal: Proposal, rules: Rules | None = None) -> list[str]:
    """Every reason this proposal would be refused (empty: it may go ahead), by the rule set in
    force on the step's date unless ``rules`` are given."""
    rules = rules or rules_on(proposal.vote_date)
    return [reason for guard in guards_for(proposal.transition.target)
            if can_judge(guard, proposal) for reason in guard(proposal, rules)]


def move_many(candidates: Iterable[Candidate], target: str, *, actor, act: Act | None = None,
              effective_on: date | None = None, note: str | None = None,
              rules: Rules | None = None) -> list[StageEvent]:
    """Move every candidate to ``target`` under one act, or none of them.

    Raises TransitionRefused listing each refused candidate's reasons, prefixed with their name.
    The rules are the set in force on the step's date, unless ``rules`` are given.
    """
    candidates = lock(candidates)
    effective_on = effective_on or (act.act_date if act is not None else None)
    proposals, reasons = [], []
    for candidate in candidates:
        transition = find_transition(candidate.stage, target)
        if transition is None:
            reasons.append(already_recorded(candidate, target) or _(
                "%(name)s: cannot go from “%(source)s” to “%(target)s”.",
                name=candidate.full_name, source=stage_label(candidate.stage),
                target=stage_label(target)))
            continue
        proposal = Proposal(candidate, transition, actor, act, effective_on, note)
        reasons += [f"{candidate.full_name}: {reason}" if len(candidates) > 1 else reason
                    for reason in check(proposal, rules)]
        proposals.append(proposal)
    if not candidates:
        reasons.append(_("Select at least one candidate."))
    if reasons:
        raise TransitionRefused(reasons)
    if act is not None:
        act.created_by_id = getattr(actor, "id", None)
        db.session.add(act)
    events = [_apply(proposal, rules or rules_on(proposal.vote_date)) for proposal in proposals]
    db.session.flush()
    return events


def lock(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Lock the candidates' rows until the commit and read their stage afresh, so that of two
    people recording the same step at once the second sees the first's result (PostgreSQL
    waits on the row lock; on SQLite a writing request holds the write lock from its start,
    and the row version catches the rest, which the screens retry)."""
    candidates = list(candidates)
    ids = [candidate.id for candidate in candidates if candidate.id is not None]
    if ids:
        db.session.execute(select(Candidate).where(Candidate.id.in_(ids))
                           .with_for_update().execution_options(populate_existing=True))
    return candidates


def move(candidate: Candidate, target: str, **kwargs) -> StageEvent:
    """Move one candidate; see ``move_many``."""
    return move_many([candidate], target, **kwargs)[0]


def _apply(p: Proposal, rules: Rules) -> StageEvent:
    candidate = p.candidate
    event = StageEvent(candidate=candidate, from_stage=candidate.stage, to_stage=p.transition.target,
                       effective_on=p.effective_on, act=p.act, actor_id=getattr(p.actor, "id", None),
                       note=(p.note or "").strip() or None)
    db.session.add(event)
    candidate.stage = p.transition.target
    _update_member_roll(p, rules)
    return event


def _update_member_roll(p: Proposal, rules: Rules) -> None:
    """Probationary creates the member, official and struck off update it."""
    candidate, target = p.candidate, p.transition.target
    member = db.session.scalar(select(Member).where(Member.candidate_id == candidate.id))
    if target == "probationary":
        decided = last_event(candidate.id, "admitted")
        member = member or Member(candidate_id=candidate.id)
        member.full_name, member.gender = candidate.full_name, candidate.gender
        member.date_of_birth, member.organization_id = candidate.date_of_birth, candidate.organization_id
        member.national_id = candidate.national_id
        member.status = "probationary"
        member.admission_date = decided.effective_on if decided else None
        member.ceremony_date = p.effective_on
        db.session.add(member)
    elif target == "official" and member is not None:
        member.status = "official"
        member.official_date = add_months(member.ceremony_date, rules.probation_months)
    elif target == "struck_off" and member is not None:
        member.status = "struck_off"
