"""Field-level history of candidates, written on every flush whatever made the change.

The acting user is read from ``session.info["actor_id"]``, which the request layer and the
services set; the listener itself knows nothing of requests.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import MANYTOONE

from .acts import FieldChange
from .people import Candidate

# Derived or bookkeeping columns, and the stage (its moves are StageEvents).
NOT_AUDITED = {"name_folded", "given_folded", "sort_key", "version", "created_at", "updated_at",
               "stage", "organization_id", "merged_into_id", "stage_entered_on",
               "certified_on"}


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _changes(candidate: Candidate):
    state = inspect(candidate)
    for attr in state.mapper.column_attrs:
        if attr.key in NOT_AUDITED:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                yield attr.key, old, new
    for rel in state.mapper.relationships:
        if rel.direction is MANYTOONE:
            history = state.attrs[rel.key].history
            if history.has_changes() and history.deleted and history.deleted[0] is not None:
                old, new = history.deleted[0], history.added[0] if history.added else None
                if old is not new:
                    yield rel.key, old, new


@event.listens_for(Session, "before_flush")
def record_field_changes(session, _flush_context, _instances) -> None:
    actor_id = session.info.get("actor_id")
    for obj in list(session.dirty):
        if isinstance(obj, Candidate) and obj.id is not None:
            for field, old, new in _changes(obj):
                session.add(FieldChange(candidate_id=obj.id, field=field, old_value=_text(old),
                                        new_value=_text(new), actor_id=actor_id))
