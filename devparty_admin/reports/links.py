"""Links from a figure to the list behind it: the candidate or member list with its filters.

The filters are the lists' own (``admin/filters.py``), addressed by stable keys, so the user
lands on an ordinary list and can refine or export it.
"""
from __future__ import annotations

from flask import url_for

from .facts import Subtree
from .period import Period


def entered(stage: str, period: Period) -> str:
    """The value of the "entered stage in period" filter."""
    return f"{stage}:{period.start.isoformat()}:{period.end.isoformat()}"


def _url(endpoint: str, subtree: Subtree, unit_id: int | None, filters: dict) -> str:
    """The list at ``endpoint`` under ``unit_id`` (default: the report's unit) with ``filters``."""
    unit_id = unit_id if unit_id is not None else getattr(subtree.unit, "id", None)
    pairs = ([("unit", unit_id)] if unit_id is not None else []) + list(filters.items())
    return url_for(endpoint, **{f"flt{i}_{key}": value for i, (key, value) in enumerate(pairs)})


def candidates(subtree: Subtree, unit_id: int | None = None, **filters) -> str:
    return _url("candidate.index_view", subtree, unit_id, filters)


def members(subtree: Subtree, unit_id: int | None = None, **filters) -> str:
    return _url("member.index_view", subtree, unit_id, filters)
