"""What is missing before a person's next step: the transition service's own guards, run as a
dry run on the record as it stands (nothing moves, nothing is written).

The guards that judge the step's own paper (its number and date, the vote typed on the form,
who records it) are left out: those are filled in on the step's form. Everything else a guard
would refuse today is listed, each with the section of the case file where it is fixed, so that
the panel and a refusal always agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Act, Candidate
from ..security.permissions import can_transition
from .guards import Proposal, can_judge, guards_for
from .rules import rules_on
from .stages import EXITS, Transition, transitions_from

# Guards about the step's form, not the record: skipped by the dry run.
ABOUT_THE_FORM = frozenset({
    "authority", "act_recorded", "competent_committee_decides", "in_order",
    "branch_vote_for_admission", "branch_vote_for_recognition",
})
# Where on the case file each guard's failure is put right.
FIX_AT = {
    "helper_assigned": "sponsors", "introducers": "sponsors",
    "awareness_class_passed": "classes", "certificate_fresh": "classes",
    "certificate_before_step": "classes", "new_member_class_passed": "classes",
    "documents_before_vote": "dossier", "dossier_complete": "dossier",
    "recognition_file_complete": "dossier", "grassroots_resolution": "dossier",
    "age_on_vote_date": "profile", "education": "profile",
    "probation_completed": "deadlines", "ceremony_in_time": "deadlines",
    "plugin_rules": "sector",
}


@dataclass
class Missing:
    reason: str
    section: str  # the case file's section (an anchor)


@dataclass
class Readiness:
    """One next step along the path: whether this user takes it, and what it still lacks."""

    transition: Transition
    may_take: bool
    missing: list[Missing]

    @property
    def ready(self) -> bool:
        return not self.missing


def _draft_act(transition: Transition, on: date, issuer_id: int) -> Act | None:
    if not transition.act_kinds or transition.act_optional:
        return None
    return Act(kind=transition.act_kinds[0], number="-", act_date=on, organization_id=issuer_id)


def missing_for(candidate: Candidate, transition: Transition, actor,
                on: date | None = None) -> list[Missing]:
    """What the guards would refuse if ``transition`` were recorded on ``on`` (today)."""
    on = on or date.today()
    proposal = Proposal(candidate, transition, actor,
                        _draft_act(transition, on, candidate.organization_id), on)
    rules = rules_on(on)
    return [Missing(reason, FIX_AT.get(guard.__name__, "profile"))
            for guard in guards_for(transition.target)
            if guard.__name__ not in ABOUT_THE_FORM and can_judge(guard, proposal)
            for reason in guard(proposal, rules)]


def next_steps(candidate: Candidate, actor, on: date | None = None) -> list[Readiness]:
    """The forward steps from the person's stage (exits and restorations are not "next")."""
    return [Readiness(t, can_transition(actor, candidate, t.target),
                      missing_for(candidate, t, actor, on))
            for t in transitions_from(candidate.stage)
            if t.target not in EXITS and candidate.stage not in EXITS]
