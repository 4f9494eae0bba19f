"""Changes of the organization tree (a merge of units, …), each a recorded act, and the map
from the units that ended to the units that took them over."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .organizations import Organization
from .people import Candidate, Member, utcnow


class UnitChange(db.Model):
    """The act that changed the tree: what, its number and date, who issued it."""

    __tablename__ = "unit_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # merge
    number: Mapped[str] = mapped_column(String(50))
    act_date: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def __str__(self) -> str:
        return f"{self.number} ({self.act_date:%d/%m/%Y})"


class UnitSuccession(db.Model):
    """A unit that ended, and the unit that took over its people and records."""

    __tablename__ = "unit_succession"

    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("unit_change.id"), index=True)
    old_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    new_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)

    change: Mapped[UnitChange] = relationship()
    old: Mapped[Organization] = relationship(foreign_keys=[old_id])
    new: Mapped[Organization] = relationship(foreign_keys=[new_id])


class Transfer(db.Model):
    """A person moved to another unit by a decision: a candidate mid-path, or a member's party
    activity (official, or temporary until ``returned_on``). The sending unit keeps it as a
    read-only trace."""

    __tablename__ = "transfer"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # candidate | official | temporary
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    from_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    to_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(50))
    act_date: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    returned_on: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    from_unit: Mapped[Organization] = relationship(foreign_keys=[from_id])
    to_unit: Mapped[Organization] = relationship(foreign_keys=[to_id])
    candidate: Mapped[Candidate | None] = relationship()
    member: Mapped[Member | None] = relationship()
