"""A list's total, counted only as far as anyone reads it: past ``COUNT_CAP`` rows the list
says "more than 10,000" instead of counting a province's million rows on every page."""
from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import case, func, literal_column, or_, select, union
from sqlalchemy.orm import Query

from ..extensions import db

COUNT_CAP = 10_000


class AtLeast(int):
    """A count that stopped at the cap: arithmetic (pages) as the number, shown as "more
    than …"."""

    def __str__(self) -> str:
        return _("more than %(count)s", count=format_decimal(COUNT_CAP))


class CappedCount:
    """Wraps a list's count query: filters and joins apply to it as to any query; ``scalar``
    counts at most ``COUNT_CAP + 1`` matching rows."""

    def __init__(self, query: Query) -> None:
        self._query = query

    def __getattr__(self, name: str):
        attribute = getattr(self._query, name)
        if not callable(attribute):
            return attribute

        def chained(*args, **kwargs):
            result = attribute(*args, **kwargs)
            return CappedCount(result) if isinstance(result, Query) else result
        return chained

    def scalar(self) -> int:
        return _read(_capped(self._query.with_entities(literal_column("1"))))


def count_union(parts: list) -> tuple[int, list[int]]:
    """The capped count of the union of ``parts`` (``admin.search``), and each part's own
    capped count (how a search reads each range). A union holds at least as many rows as its
    largest part, so when one part alone passes the cap the union is never formed; one
    statement either way."""
    each = select(*(_capped(part).scalar_subquery().label(f"part_{number}")
                    for number, part in enumerate(parts))).subquery()
    past_cap = [column > COUNT_CAP for column in each.c]
    total = case((or_(*past_cap), COUNT_CAP + 1), else_=_capped(union(*parts)).scalar_subquery())
    found = db.session.execute(select(total, *each.c)).one()
    return _counted(found[0]), list(found[1:])


def _capped(query):
    """How many rows ``query`` has, counting at most ``COUNT_CAP + 1``."""
    return select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery())


def _read(statement) -> int:
    return _counted(db.session.scalar(statement))


def _counted(count: int) -> int:
    return AtLeast(count) if count > COUNT_CAP else count
