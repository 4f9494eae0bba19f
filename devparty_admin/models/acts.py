"""Numbered, dated acts (resolutions, decisions) and the append-only history they leave."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text, event, exists, select
from sqlalchemy.orm import Mapped, aliased, mapped_column, object_session, relationship

from ..extensions import db
from .organizations import Organization
from .people import Candidate, utcnow
from .types import BinaryString
from .users import User


class Act(db.Model):
    """A nghị quyết or quyết định: one act can move many candidates (the monthly resolution)."""

    __tablename__ = "act"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # see models.choices.ACT_KINDS
    number: Mapped[str] = mapped_column(String(50))  # "12-NQ/CB"
    act_date: Mapped[date] = mapped_column(Date)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    official_members: Mapped[int | None]  # official members on the roll, as the branch typed it
    # Left out of the 2/3 denominator (Quy định 294-QĐ/TW): members temporarily transferred
    # elsewhere, and exempted members who did not attend (exempted members who attend count).
    transferred_members: Mapped[int | None]
    exempted_absent: Mapped[int | None]
    signer: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    organization: Mapped[Organization] = relationship()

    def __str__(self) -> str:
        return f"{self.number} ({self.act_date:%d/%m/%Y})"


class StageEvent(db.Model):
    """One move of a candidate along the path: written by the transition service only."""

    __tablename__ = "stage_event"
    __table_args__ = (Index("ix_stage_event_candidate_at", "candidate_id", "at"),
                      Index("ix_stage_event_annuls_id", "annuls_id", unique=True),
                      # Reports count the steps into a stage during a period, in a subtree.
                      Index("ix_stage_event_stage_day", "to_stage", "effective_on", "unit_path"))

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))
    from_stage: Mapped[str] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    effective_on: Mapped[date] = mapped_column(Date, index=True)  # act date, or ceremony date
    act_id: Mapped[int | None] = mapped_column(ForeignKey("act.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    # A correction: this event annuls that earlier one (which stays, but no longer counts).
    annuls_id: Mapped[int | None] = mapped_column(ForeignKey("stage_event.id"))
    # Where it happened: the candidate's unit and that unit's place in the tree at the time,
    # written once on insert. Reports "by the tree as it was" count the event there, however
    # the tree was reorganized since.
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    unit_path: Mapped[str | None] = mapped_column(BinaryString(255), index=True)

    candidate: Mapped[Candidate] = relationship()
    act: Mapped[Act | None] = relationship()
    actor: Mapped[User | None] = relationship()


# session.info key: (day, {candidate id: (unit id, unit path)}): where the candidates were
# before a reorganization of ``day``, for steps dated before it that are recorded after it
# (history loaded after the fact, like the demo's).
UNITS_BEFORE = "units_before"


@event.listens_for(StageEvent, "before_insert")
def _record_where(_mapper, connection, stage_event: StageEvent) -> None:
    """Stamp the event with the unit the candidate belongs to as it is inserted."""
    if stage_event.unit_path is not None:
        return
    day, before = object_session(stage_event).info.get(UNITS_BEFORE, (None, {}))
    if stage_event.candidate_id in before and stage_event.effective_on < day:
        stage_event.organization_id, stage_event.unit_path = before[stage_event.candidate_id]
        return
    unit = connection.execute(
        select(Organization.id, Organization.path)
        .join(Candidate, Candidate.organization_id == Organization.id)
        .where(Candidate.id == stage_event.candidate_id)).first()
    if unit is not None:
        stage_event.organization_id, stage_event.unit_path = unit


class FieldChange(db.Model):
    """One field of a candidate changed (old → new, who, when), from any screen, action or import."""

    __tablename__ = "field_change"
    __table_args__ = (Index("ix_field_change_candidate_at", "candidate_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    actor: Mapped[User | None] = relationship()


# Built once: an alias built per query cost a report page about a millisecond to prepare.
_ANNULMENT = aliased(StageEvent, name="annulment")


def in_force(event=StageEvent):
    """SQL condition: ``event`` (StageEvent or an alias) is a step that counts, neither an
    annulment nor annulled by one. Every figure, deadline and rule reads only these."""
    return event.annuls_id.is_(None) & ~exists().where(_ANNULMENT.annuls_id == event.id)
