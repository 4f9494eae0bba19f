"""The government's announced changes to the working week: a Saturday worked in exchange for a
bridge day off, or an extra day off. Public holidays themselves come from the ``holidays``
library; these rows are what an installation adds or corrects, year by year."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class CalendarChange(db.Model):
    __tablename__ = "working_calendar"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    working: Mapped[bool]  # True: a weekend day worked; False: a weekday off
    note: Mapped[str | None] = mapped_column(String(300))  # the announcement, e.g. its number
