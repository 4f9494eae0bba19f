"""Who read which personal data: exports (with their filter and row count) and opened records.

Political data about people is sensitive personal data under the law in force since
1/1/2026; administrators can see who looked at what. The log is append-only like history.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .people import utcnow
from .users import User


class AccessLog(db.Model):
    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # export | open
    screen: Mapped[str] = mapped_column(String(80))  # the view's endpoint
    record_id: Mapped[int | None]
    detail: Mapped[str | None] = mapped_column(Text)  # the export's filters and search
    rows: Mapped[int | None]
    address: Mapped[str | None] = mapped_column(String(64))

    user: Mapped[User | None] = relationship()
