"""The period a report covers: two dates, both included (1/1 and 31/12 belong to their year)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _


class PeriodError(ValueError):
    """A period the user typed that cannot be used; the message says why."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def last_years(cls, count: int, today: date | None = None) -> Period:
        """The current year and the ``count - 1`` before it."""
        today = today or date.today()
        return cls(date(today.year - count + 1, 1, 1), date(today.year, 12, 31))

    @classmethod
    def parse(cls, start: str | None, end: str | None, default: Period) -> Period:
        """From two dd/mm/yyyy texts; an empty one keeps the default's. Raises PeriodError."""
        first = _parse_date(start, _("From")) if (start or "").strip() else default.start
        last = _parse_date(end, _("To")) if (end or "").strip() else default.end
        if last < first:
            raise PeriodError(_("The end of the period is before its start."))
        return cls(first, last)

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def contains(self, column):
        """SQL condition: ``column`` (a date) lies in the period."""
        return column.between(self.start, self.end)

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


def _parse_date(text: str, label: str) -> date:
    try:
        value = datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise PeriodError(_("%(field)s: enter a date as dd/mm/yyyy.", field=label)) from None
    if not 1900 <= value.year <= 2100:
        raise PeriodError(_("%(field)s: enter a date as dd/mm/yyyy.", field=label))
    return value
