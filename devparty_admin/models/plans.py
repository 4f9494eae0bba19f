"""Development plans (kế hoạch phát triển đảng viên): a unit's yearly targets.

Only targets are stored; progress is always computed from the stage events in the period
(``reports.plans``), never typed in.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .organizations import Organization
from .people import utcnow

# (target column, the stage whose entries count towards it)
TARGETS = (
    ("target_admissions", "admitted"),
    ("target_sympathizers", "sympathizer"),
    ("target_awareness", "trained"),
    ("target_new_member_class", "official"),
)
QUARTERS = ("q1_admissions", "q2_admissions", "q3_admissions", "q4_admissions")


class Plan(db.Model):
    """One organization's plan for one year, with its document number and date."""

    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("organization_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    year: Mapped[int] = mapped_column(index=True)
    number: Mapped[str | None] = mapped_column(String(50))  # "58-KH/ĐU"
    issued_on: Mapped[date | None] = mapped_column(Date)
    target_admissions: Mapped[int | None]
    target_sympathizers: Mapped[int | None]
    target_awareness: Mapped[int | None]
    target_new_member_class: Mapped[int | None]
    # Optional split of the admissions target by quarter.
    q1_admissions: Mapped[int | None]
    q2_admissions: Mapped[int | None]
    q3_admissions: Mapped[int | None]
    q4_admissions: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    organization: Mapped[Organization] = relationship()

    def __str__(self) -> str:
        document = self.number or ""
        if self.issued_on:
            document = f"{document} {self.issued_on:%d/%m/%Y}".strip()
        return f"{self.year} · {document}" if document else str(self.year)
