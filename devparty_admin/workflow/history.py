"""A candidate's history for the timeline: stage events and field changes, newest first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import exists, literal, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..i18n import format_datetime
from ..models import Act, Candidate, FieldChange, StageEvent, in_force


@dataclass
class Entry:
    at: datetime
    kind: str  # "stage" | "field"
    item: StageEvent | FieldChange
    annulled: bool = False  # a step a later correction annulled (shown struck through)


def timeline(candidate: Candidate) -> list[Entry]:
    """A few queries, whatever the length of the history; records of the same person merged
    into this one bring their history along."""
    ids = [candidate.id, *db.session.scalars(
        select(Candidate.id).where(Candidate.merged_into_id == candidate.id))]
    events = db.session.scalars(
        select(StageEvent).where(StageEvent.candidate_id.in_(ids))
        .options(selectinload(StageEvent.act).selectinload(Act.organization),
                 selectinload(StageEvent.actor)))
    changes = db.session.scalars(
        select(FieldChange).where(FieldChange.candidate_id.in_(ids))
        .options(selectinload(FieldChange.actor)))
    events = list(events)
    annulled = {e.annuls_id for e in events if e.annuls_id is not None}
    entries = [Entry(e.at, "stage", e, e.id in annulled) for e in events] + \
        [Entry(c.at, "field", c) for c in changes]
    return sorted(entries, key=lambda entry: (entry.at, entry.item.id), reverse=True)


def time_in_stages(candidate: Candidate, today: date | None = None) -> list[tuple[str, int]]:
    """(stage, days spent) in the order the candidate went through them, the current one to today."""
    today = today or date.today()
    events = list(db.session.scalars(
        select(StageEvent).where(StageEvent.candidate_id == candidate.id, in_force())
        .order_by(StageEvent.effective_on, StageEvent.id)))
    spans = []
    for current, following in zip(events, [*events[1:], None]):
        end = following.effective_on if following is not None else today
        spans.append((current.to_stage, max((end - current.effective_on).days, 0)))
    return spans


def has_history(candidate: Candidate) -> bool:
    """Whether any stage event or field change is recorded for the candidate."""
    return bool(db.session.scalar(select(history_recorded(literal(candidate.id)))))


def history_recorded(candidate_id):
    """SQL: a stage event or a field change is recorded for the candidate ``candidate_id`` (a
    column or a value), asked through each table's index on the candidate; a list page asks
    it for each of its rows in the rows' own query."""
    return (exists().where(StageEvent.candidate_id == candidate_id)
            | exists().where(FieldChange.candidate_id == candidate_id))


def already_recorded(candidate: Candidate, target: str) -> str | None:
    """When the candidate already stands at ``target`` because someone recorded that step, the
    message naming who and when (for a second click, a second tab, a colleague's same step)."""
    if candidate.stage != target:
        return None
    event = db.session.scalar(
        select(StageEvent).where(StageEvent.candidate_id == candidate.id,
                                 StageEvent.to_stage == target, in_force())
        .options(selectinload(StageEvent.actor)).order_by(StageEvent.id.desc()).limit(1))
    if event is None:
        return None
    who = event.actor.display_name if event.actor is not None else _("the system")
    return _("%(name)s: this step was already recorded by %(who)s at %(when)s; nothing was "
             "recorded again.", name=candidate.full_name, who=who, when=format_datetime(event.at))
