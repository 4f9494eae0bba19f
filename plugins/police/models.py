"""The police sector's tables: a candidate's service details and the political vetting result."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from devparty_admin.extensions import db
from devparty_admin.models import Candidate, User


class PoliceProfile(db.Model):
    __tablename__ = "police_profile"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
    rank: Mapped[str | None] = mapped_column(String(30))  # cấp bậc hàm
    service_type: Mapped[str | None] = mapped_column(String(20))  # officer | conscript
    police_unit: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    joined_on: Mapped[date | None] = mapped_column(Date)  # vào ngành

    candidate: Mapped[Candidate] = relationship(
        backref=backref("police_profile", uselist=False, cascade="all, delete-orphan"))


class PoliceVetting(db.Model):
    """Thẩm tra chính trị nội bộ (Quy định 58-QĐ/TW), recorded by political-affairs staff."""

    __tablename__ = "police_vetting"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
    result: Mapped[str] = mapped_column(String(20))  # passed | failed
    vetted_on: Mapped[date] = mapped_column(Date)
    document_number: Mapped[str | None] = mapped_column(String(50))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    candidate: Mapped[Candidate] = relationship(
        backref=backref("police_vetting", uselist=False, cascade="all, delete-orphan"))
    recorded_by: Mapped[User | None] = relationship()

    def __str__(self) -> str:
        return f"{self.candidate} · {self.vetted_on:%d/%m/%Y}"
