"""The commune sector's part of a candidate: hamlet, occupation group and source details."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from devparty_admin.extensions import db
from devparty_admin.models import Candidate


class CommuneProfile(db.Model):
    __tablename__ = "commune_profile"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
    hamlet: Mapped[str | None] = mapped_column(String(100))  # thôn, xóm
    occupation_group: Mapped[str | None] = mapped_column(String(100))
    discharged_on: Mapped[date | None] = mapped_column(Date)  # bộ đội xuất ngũ
    graduated_from: Mapped[str | None] = mapped_column(String(200))  # sinh viên về địa phương
    school: Mapped[str | None] = mapped_column(String(200))  # học sinh THPT
    grade: Mapped[str | None] = mapped_column(String(10))
    academic_result: Mapped[str | None] = mapped_column(String(20))
    conduct: Mapped[str | None] = mapped_column(String(20))
    awards: Mapped[str | None] = mapped_column(String(300))
    enterprise: Mapped[str | None] = mapped_column(String(200))
    ownership: Mapped[str | None] = mapped_column(String(20))  # state | private | foreign

    candidate: Mapped[Candidate] = relationship(
        backref=backref("commune_profile", uselist=False, cascade="all, delete-orphan"))
