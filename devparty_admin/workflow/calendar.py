"""Dates the rules count in: whole months, and Vietnamese working days.

Working days are Monday to Friday less Vietnam's public holidays, Tết by the lunar calendar and
substituted days off included, from the maintained ``holidays`` package.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays
from flask import g, has_app_context
from sqlalchemy import select


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def whole_months_between(start: date, end: date) -> int:
    """Completed months from ``start`` to ``end``: 18 years to the day is 216."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def _changes() -> dict[date, bool]:
    """The installation's announced swaps (``CalendarChange``), read once per request."""
    if not has_app_context():
        return {}
    if "working_calendar" not in g:
        from ..extensions import db
        from ..models import CalendarChange

        g.working_calendar = dict(db.session.execute(
            select(CalendarChange.day, CalendarChange.working)).all())
    return g.working_calendar


def announced_changes() -> frozenset[tuple[date, bool]]:
    """The announced swaps as a value: what working days depend on beyond the holidays (a
    key for results computed from working days)."""
    return frozenset(_changes().items())


def is_working_day(day: date) -> bool:
    """Monday to Friday less public holidays (Tết by the lunar calendar), corrected by the
    announced swaps: a Saturday worked counts, a bridge day off does not."""
    changed = _changes().get(day)
    if changed is not None:
        return changed
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The working day that is ``count`` working days after ``start``."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``."""
    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        days += is_working_day(day)
    return days
