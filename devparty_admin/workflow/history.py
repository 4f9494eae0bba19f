"""A candidate's history for the timeline: stage events and field changes, newest first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Candidate, FieldChange, StageEvent


@dataclass
class Entry:
    at: datetime
    kind: str  # "stage" | "field"
    item: StageEvent | FieldChange


def timeline(candidate: Candidate) -> list[Entry]:
    """Two queries, whatever the length of the history."""
    events = db.session.scalars(
        select(StageEvent).where(StageEvent.candidate_id == candidate.id)
        .options(selectinload(StageEvent.act), selectinload(StageEvent.actor)))
    changes = db.session.scalars(
        select(FieldChange).where(FieldChange.candidate_id == candidate.id)
        .options(selectinload(FieldChange.actor)))
    entries = [Entry(e.at, "stage", e) for e in events] + [Entry(c.at, "field", c) for c in changes]
    return sorted(entries, key=lambda entry: (entry.at, entry.item.id), reverse=True)


def time_in_stages(candidate: Candidate, today: date | None = None) -> list[tuple[str, int]]:
    """(stage, days spent) in the order the candidate went through them, the current one to today."""
    today = today or date.today()
    events = list(db.session.scalars(
        select(StageEvent).where(StageEvent.candidate_id == candidate.id)
        .order_by(StageEvent.effective_on, StageEvent.id)))
    spans = []
    for current, following in zip(events, [*events[1:], None]):
        end = following.effective_on if following is not None else today
        spans.append((current.to_stage, max((end - current.effective_on).days, 0)))
    return spans


def has_history(candidate: Candidate) -> bool:
    """Whether any stage event or field change is recorded for the candidate."""
    for model in (StageEvent, FieldChange):
        found = db.session.scalar(select(model.id).where(model.candidate_id == candidate.id).limit(1))
        if found is not None:
            return True
    return False
