"""A list's total, counted only as far as anyone reads it: past ``COUNT_CAP`` rows the list
says "more than 10,000" instead of counting a province's million rows on every page."""
from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import case, func, literal_column, or_, select, true, union
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


def count_union(parts: list, enough: int) -> tuple[int, list[int]]:
    """The capped count of the union of ``parts`` (``admin.search``), and each part's own
    capped count (how a search reads each range). A union holds at least as many rows as its
    largest part, so once a part passes the cap the union is never formed, and the parts after
    it are counted only up to ``enough``, all that is asked of them then. One statement: each
    part's count is kept in its own CTE, which the next parts and the total read."""
    counted = []
    for number, part in enumerate(parts):
        count = _capped(part).scalar_subquery()
        if counted:
            past_cap = or_(*(select(earlier.c.n).scalar_subquery() > COUNT_CAP
                             for earlier in counted))
            count = case((past_cap, _capped(part, enough).scalar_subquery()), else_=count)
        counted.append(select(count.label("n")).cte(f"part_{number}"))
    past_cap = [earlier.c.n > COUNT_CAP for earlier in counted]
    total = case((or_(*past_cap), COUNT_CAP + 1), else_=_capped(union(*parts)).scalar_subquery())
    each = counted[0]
    for later in counted[1:]:  # one row each: joined side by side
        each = each.join(later, true())
    found = db.session.execute(select(total, *(earlier.c.n for earlier in counted))
                               .select_from(each)).one()
    return _counted(found[0]), list(found[1:])


def _capped(query, most: int = COUNT_CAP + 1):
    """How many rows ``query`` has, counting at most ``most``."""
    return select(func.count()).select_from(query.limit(most).subquery())


def _read(statement) -> int:
    return _counted(db.session.scalar(statement))


def _counted(count: int) -> int:
    return AtLeast(count) if count > COUNT_CAP else count
