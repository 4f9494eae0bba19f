"""What a candidate gathers on the way: helpers and introducers, classes, dossier documents."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ..extensions import db
from ..vietnamese import fold, normalize_spaces
from .organizations import Organization
from .people import Candidate, Member
from .types import BinaryString


class Sponsor(db.Model):
    """An official member assigned to help (giúp đỡ) or who introduces (giới thiệu) a candidate."""

    __tablename__ = "sponsor"
    __table_args__ = (UniqueConstraint("candidate_id", "member_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # helper | introducer
    known_since: Mapped[date] = mapped_column(Date)  # started working/studying/living together

    candidate: Mapped[Candidate] = relationship(backref="sponsors")
    member: Mapped[Member] = relationship()

    def __str__(self) -> str:
        return f"{self.member} → {self.candidate}"


class TrainingClass(db.Model):
    """Lớp bồi dưỡng nhận thức về Đảng (awareness) or lớp đảng viên mới (new_member)."""

    __tablename__ = "training_class"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # awareness | new_member
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(BinaryString(200), default="")  # "lop nhan thuc…"
    organizer: Mapped[str | None] = mapped_column(String(200))
    cohort: Mapped[str | None] = mapped_column(String(200))  # "Hội viên Hội LHPN", "học sinh THPT"
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    capacity: Mapped[int | None] = mapped_column(Integer)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)

    organization: Mapped[Organization] = relationship()

    @validates("name")
    def _keep_folded_name(self, _key: str, value: str) -> str:
        value = normalize_spaces(value or "")
        self.name_folded = fold(value)
        return value

    def __str__(self) -> str:
        return f"{self.name} ({self.start_date:%d/%m/%Y})"


class Enrollment(db.Model):
    """A candidate in a class, with the result and the certificate that feeds the guards."""

    __tablename__ = "enrollment"
    __table_args__ = (UniqueConstraint("class_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("training_class.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    result: Mapped[str] = mapped_column(String(20), default="enrolled")  # enrolled|passed|failed
    certificate_number: Mapped[str | None] = mapped_column(String(50))
    certificate_date: Mapped[date | None] = mapped_column(Date)

    training_class: Mapped[TrainingClass] = relationship()
    candidate: Mapped[Candidate] = relationship(backref="enrollments")

    def __str__(self) -> str:
        return f"{self.candidate} · {self.training_class}"


class DossierItem(db.Model):
    """One document of the admission or recognition dossier (KNĐ forms), with an optional file."""

    __tablename__ = "dossier_item"
    __table_args__ = (UniqueConstraint("candidate_id", "form_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    form_code: Mapped[str] = mapped_column(String(30))  # see workflow.dossier.CHECKLIST
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending | done
    item_date: Mapped[date | None] = mapped_column(Date)
    # When the branch received the document (the admission decision's 30 working days for the
    # ceremony run from it; the decision's own date is the fallback).
    received_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(300))
    file_name: Mapped[str | None] = mapped_column(String(100))  # generated, under the upload dir
    original_name: Mapped[str | None] = mapped_column(String(255))
    content_type: Mapped[str | None] = mapped_column(String(100))
    file_size: Mapped[int | None]
    uploaded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    candidate: Mapped[Candidate] = relationship(backref="dossier_items")

    def __str__(self) -> str:
        return self.form_code
