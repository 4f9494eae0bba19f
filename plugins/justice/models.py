"""The justice sector's part of a candidate: civil-service rank, legal qualification, division."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from devparty_admin.extensions import db
from devparty_admin.models import Candidate


class JusticeProfile(db.Model):
    __tablename__ = "justice_profile"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
    civil_service_rank: Mapped[str | None] = mapped_column(String(100))  # ngạch
    legal_qualification: Mapped[str | None] = mapped_column(String(20))
    division: Mapped[str | None] = mapped_column(String(200))  # phòng, đơn vị

    candidate: Mapped[Candidate] = relationship(
        backref=backref("justice_profile", uselist=False, cascade="all, delete-orphan"))
