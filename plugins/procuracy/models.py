"""The procuracy sector's part of a candidate: position, yearly evaluation, emulation."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from devparty_admin.extensions import db
from devparty_admin.models import Candidate


class ProcuracyProfile(db.Model):
    __tablename__ = "procuracy_profile"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
    position: Mapped[str | None] = mapped_column(String(30))
    evaluation: Mapped[str | None] = mapped_column(String(20))  # last year's đánh giá, xếp loại
    evaluation_year: Mapped[int | None] = mapped_column(Integer)
    emulation_title: Mapped[str | None] = mapped_column(String(30))
    campaign: Mapped[str | None] = mapped_column(String(200))  # phong trào thi đua phát hiện nguồn

    candidate: Mapped[Candidate] = relationship(
        backref=backref("procuracy_profile", uselist=False, cascade="all, delete-orphan"))
