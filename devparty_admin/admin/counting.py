"""A list's total, counted only as far as anyone reads it: past ``COUNT_CAP`` rows the list
says "more than 10,000" instead of counting a province's million rows on every page."""
from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import case, func, literal_column, or_, select, union
from sqlalchemy.orm import Query

from ..extensions import db
from ..reports.facts import side_by_side

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

    def capped_statement(self):
        """SELECT count(*): at most ``COUNT_CAP + 1`` of the query's rows."""
        return _capped(self._query.with_entities(literal_column("1")))

    def scalar(self) -> int:
        return _read(self.capped_statement())


def count_union(parts: list, enough: int):
    """SELECT the capped count of the union of ``parts`` (``admin.search``), and each part's
    own capped count (how a search reads each range; ``read_union_count``). A union holds at
    least as many rows as its largest part, so once a part passes the cap the union is never
    formed, and the parts after it are counted only up to ``enough``, all that is asked of
    them then. One statement: each part's count is kept in its own CTE, which the next parts
    and the total read."""
    part_counts = []
    for number, part in enumerate(parts):
        count = _capped(part).scalar_subquery()
        if part_counts:
            past_cap = or_(*(select(earlier.c.n).scalar_subquery() > COUNT_CAP
                             for earlier in part_counts))
            count = case((past_cap, _capped(part, enough).scalar_subquery()), else_=count)
        part_counts.append(select(count.label("n")).cte(f"part_{number}"))
    past_cap = [earlier.c.n > COUNT_CAP for earlier in part_counts]
    total = case((or_(*past_cap), COUNT_CAP + 1), else_=_capped(union(*parts)).scalar_subquery())
    return (select(total, *(earlier.c.n for earlier in part_counts))
            .select_from(side_by_side(part_counts)))


def read_union_count(statement, values: dict) -> tuple[int, list[int]]:
    """The union's count as a list shows it, and each part's, from a ``count_union``."""
    found = db.session.execute(statement, values).one()
    return counted(found[0]), list(found[1:])


def _capped(query, most: int = COUNT_CAP + 1):
    """How many rows ``query`` has, counting at most ``most``."""
    return select(func.count()).select_from(query.limit(most).subquery())


def _read(statement) -> int:
    return counted(db.session.scalar(statement))


def counted(count: int) -> int:
    """``count`` as a list shows it: past the cap, "more than …" (``AtLeast``)."""
    return AtLeast(count) if count > COUNT_CAP else count
