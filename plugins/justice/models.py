"""The justice sector's part of a candidate: civil-service rank, legal qualification, division."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from devparty_admin.extensions import db
from devparty_admin.models import Candidate, Organization


class JusticeProfile(db.Model):
    __tablename__ = "justice_profile"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
    civil_service_rank: Mapped[str | None] = mapped_column(String(100))  # ngạch
    legal_qualification: Mapped[str | None] = mapped_column(String(20))
    division: Mapped[str | None] = mapped_column(String(200))  # phòng, đơn vị

    candidate: Mapped[Candidate] = relationship(
        backref=backref("justice_profile", uselist=False, cascade="all, delete-orphan"))


class JusticeMonthlyReview(db.Model):
    """A branch's monthly review of its sympathizers (Đảng ủy Sở: "định kỳ hằng tháng")."""

    __tablename__ = "justice_monthly_review"
    __table_args__ = (UniqueConstraint("organization_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    month: Mapped[date] = mapped_column(Date)  # the first day of the month reviewed
    reviewed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization] = relationship()
