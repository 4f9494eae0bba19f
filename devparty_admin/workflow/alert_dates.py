"""The two dates a candidate's deadline alerts are decided by, kept on its row: when it entered
its current stage (``stage_entered_on``) and its latest awareness certificate
(``certified_on``). With them a province's dashboard counts its alerts from one index instead
of reading the steps and classes of 450,000 watched people.

They are derived, never edited: after every flush that adds a step (a correction included),
moves a stage, or adds, changes or removes an enrollment or a class's kind, the candidates
concerned are recomputed from the history in the same transaction (``refresh``); a service
that moves steps or enrollments with a bulk statement names its candidates (``mark_stale``).
``flask devparty rebuild-alert-dates`` recomputes every candidate (after a restore, or a bulk
load that went around the ORM).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session

from ..models import Candidate, Enrollment, StageEvent, TrainingClass
from .deadlines import awareness_certificate, entered_current_stage

STALE = "alert_dates_stale"  # session.info: candidate ids a bulk statement touched
BATCH = 5_000  # ids per statement (SQLite's limit on parameters is far above it)


def refresh(connection, candidate_ids: Iterable[int] | None = None) -> None:
    """Recompute the dates of ``candidate_ids`` (every candidate when None) from the history.
    The row's ``updated_at`` and version stay: deriving is not editing the record."""
    entered, certified = entered_current_stage(), awareness_certificate()
    # Only rows whose dates differ are written: a rebuild of a million candidates rewrote every
    # row (and each of its indexes) on PostgreSQL, for a few thousand changed ones.
    statement = (update(Candidate)
                 .where(Candidate.stage_entered_on.is_distinct_from(entered)
                        | Candidate.certified_on.is_distinct_from(certified))
                 .values(stage_entered_on=entered, certified_on=certified,
                         updated_at=Candidate.updated_at))
    if candidate_ids is None:
        connection.execute(statement)
        return
    ids = sorted(set(candidate_ids) - {None})
    for start in range(0, len(ids), BATCH):
        connection.execute(statement.where(Candidate.id.in_(ids[start:start + BATCH])))


def mark_stale(session: Session, candidate_ids: Iterable[int]) -> None:
    """Have the next flush recompute these candidates (their steps or enrollments were moved by
    a bulk statement the flush does not see)."""
    session.info.setdefault(STALE, set()).update(candidate_ids)


def _changed(obj, key: str) -> bool:
    return inspect(obj).attrs[key].history.has_changes()


def _candidates_touched(session: Session) -> tuple[set[int], set[int]]:
    """(candidate ids, class ids) whose alert dates this flush may have changed."""
    candidates, classes = set(session.info.pop(STALE, ())), set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, (StageEvent, Enrollment)):
            history = inspect(obj).attrs.candidate_id.history
            candidates.update((obj.candidate_id, *history.deleted))
        elif isinstance(obj, Candidate) and obj in session.dirty and _changed(obj, "stage"):
            candidates.add(obj.id)
        elif isinstance(obj, TrainingClass) and obj not in session.new and (
                obj in session.deleted or _changed(obj, "kind")):
            classes.add(obj.id)
    return candidates, classes


@event.listens_for(Session, "after_flush")
def _refresh_after_flush(session: Session, _context) -> None:
    candidates, classes = _candidates_touched(session)
    if classes:
        candidates.update(session.connection().scalars(
            select(Enrollment.candidate_id).where(Enrollment.class_id.in_(classes))))
    if candidates:
        refresh(session.connection(), candidates)
