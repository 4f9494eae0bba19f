"""Links from a figure to the list behind it: the candidate or member list with its filters.

The filters are the lists' own (``admin/filters.py``), addressed by stable keys, so the user
lands on an ordinary list and can refine or export it.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import g, url_for

from .facts import Subtree
from .period import Period


def entered(stage: str, period: Period) -> str:
    """The value of the "entered stage in period" filter."""
    return f"{stage}:{period.start.isoformat()}:{period.end.isoformat()}"


def address(endpoint: str, query: dict, **rule_arguments) -> str:
    """``url_for(endpoint, **rule_arguments, **query)``, with the address of the endpoint
    and its rule's arguments built once per request: a report links every figure and unit
    (a province's members report some 150), and ``url_for`` took twice as long a link."""
    kept = g.setdefault("report_addresses", {})
    key = (endpoint, tuple(sorted(rule_arguments.items())))
    if key not in kept:
        kept[key] = url_for(endpoint, **rule_arguments)
    pairs = {name: value for name, value in query.items() if value is not None}
    return f"{kept[key]}?{urlencode(pairs, safe=':/')}" if pairs else kept[key]


def _url(endpoint: str, subtree: Subtree, unit_id: int | None, filters: dict) -> str:
    """The list at ``endpoint`` under ``unit_id`` (default: the report's unit) with ``filters``."""
    unit_id = unit_id if unit_id is not None else getattr(subtree.unit, "id", None)
    pairs = ([("unit", unit_id)] if unit_id is not None else []) + list(filters.items())
    return address(endpoint, {f"flt{i}_{key}": value for i, (key, value) in enumerate(pairs)})


def candidates(subtree: Subtree, unit_id: int | None = None, **filters) -> str:
    return _url("candidate.index_view", subtree, unit_id, filters)


def members(subtree: Subtree, unit_id: int | None = None, **filters) -> str:
    return _url("member.index_view", subtree, unit_id, filters)
