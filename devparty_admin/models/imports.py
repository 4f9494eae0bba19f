"""Excel imports as jobs in the database, so that checking a large file can be resumed, its
progress read by any worker, and its commit claimed once."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .people import utcnow

PENDING, CHECKED, COMMITTING, COMMITTED = "pending", "checked", "committing", "committed"


class ImportJob(db.Model):
    """One uploaded file: its rows are checked in steps, then committed all at once or not."""

    __tablename__ = "import_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # candidate | member
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(20), default=PENDING)
    total: Mapped[int] = mapped_column(default=0)
    checked: Mapped[int] = mapped_column(default=0)
    creates: Mapped[int] = mapped_column(default=0)
    updates: Mapped[int] = mapped_column(default=0)
    error_rows: Mapped[int] = mapped_column(default=0)
    prepared: Mapped[int] = mapped_column(default=0)  # rows re-checked while committing
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    committed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    rows: Mapped[list[ImportRow]] = relationship(back_populates="job", order_by="ImportRow.number",
                                                 cascade="all, delete-orphan")


class ImportRow(db.Model):
    """A data row of the file as read (cells as text), what it would do and what is wrong."""

    __tablename__ = "import_row"
    __table_args__ = (Index("ix_import_row_job_number", "job_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("import_job.id", ondelete="CASCADE"))
    number: Mapped[int]  # the row number in the sheet, as Excel shows it
    cells: Mapped[str] = mapped_column(Text)  # JSON list of the row's cells as text
    action: Mapped[str | None] = mapped_column(String(10))  # create | update
    errors: Mapped[str | None] = mapped_column(Text)  # JSON list of [column, message]
    # Filled while committing: the values to write (JSON), where, and which record to update
    # at which version (a record saved by someone meanwhile stops the import).
    prepared_values: Mapped[str | None] = mapped_column(Text)
    organization_id: Mapped[int | None]
    record_id: Mapped[int | None]
    record_version: Mapped[int | None]

    job: Mapped[ImportJob] = relationship(back_populates="rows")
