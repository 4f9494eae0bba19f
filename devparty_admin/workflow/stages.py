"""The development path: stages and the transitions allowed between them (docs/rules.md)."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..models.choices import STAGES

BRANCH, COMMITTEE = "branch", "committee"
# Where a person on the path stands before becoming an official member.
ON_THE_PATH = ("source", "sympathizer", "trained", "dossier", "proposed", "admitted",
               "probationary", "recognition_proposed")
EXITS = ("dropped", "rejected", "struck_off")


@dataclass(frozen=True)
class Transition:
    """A move from any of ``sources`` to ``target``, decided at ``authority`` level by an act of
    one of ``act_kinds`` (none: the step is recorded with its date only)."""

    sources: tuple[str, ...]
    target: str
    authority: str
    act_kinds: tuple[str, ...]
    label: object
    needs_reason: bool = False
    act_optional: bool = False  # the act is needed only in some cases (a guard says which)


TRANSITIONS: tuple[Transition, ...] = (
    Transition(("source",), "sympathizer", BRANCH, ("branch_resolution",),
               _l("Put on the sympathizer list")),
    Transition(("sympathizer",), "trained", BRANCH, (), _l("Record the awareness class")),
    Transition(("trained",), "dossier", BRANCH, (), _l("Start the admission dossier")),
    Transition(("dossier",), "proposed", BRANCH, ("branch_resolution",),
               _l("Propose admission")),
    Transition(("proposed",), "admitted", COMMITTEE, ("admission_decision",),
               _l("Decide admission")),
    Transition(("admitted",), "probationary", BRANCH, ("ceremony_approval",),
               _l("Record the admission ceremony"), act_optional=True),
    Transition(("probationary",), "recognition_proposed", BRANCH, ("branch_resolution",),
               _l("Propose recognition as official member (13-KNĐ)")),
    Transition(("recognition_proposed",), "official", COMMITTEE, ("recognition_decision",),
               _l("Recognize as official member")),
    Transition(("source", "sympathizer", "trained", "dossier"), "dropped", BRANCH,
               ("branch_resolution",), _l("Remove from the list"), needs_reason=True),
    Transition(("proposed", "admitted"), "rejected", COMMITTEE,
               ("committee_decision", "committee_resolution"), _l("Refuse admission"),
               needs_reason=True),
    Transition(("probationary", "recognition_proposed"), "struck_off", COMMITTEE,
               ("committee_decision", "committee_resolution"), _l("Strike off"),
               needs_reason=True),
    Transition(("dropped",), "source", BRANCH, ("branch_resolution",),
               _l("Restore to the outstanding pool")),
    Transition(("dropped",), "sympathizer", BRANCH, ("branch_resolution",),
               _l("Restore to the sympathizer list")),
)


def find_transition(source: str, target: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.target == target and source in t.sources), None)


def transitions_from(source: str) -> list[Transition]:
    return [t for t in TRANSITIONS if source in t.sources]


def stage_label(code: str) -> str:
    return STAGES.label(code)
