"""List filters that stay on indexed columns and never load a table into a select."""
from __future__ import annotations

from datetime import date

from flask_admin.contrib.sqla.filters import BaseSQLAFilter
from flask_babel import lazy_gettext as _l
from sqlalchemy import false, select

from ..extensions import db
from ..models import Member, Organization, StageEvent, in_force, subtree_ids
from ..models.choices import STAGES
from ..reports.facts import GROUPS, GROUPS_BY_CODE
from ..vietnamese import fold


class ProbationOverFilter(BaseSQLAFilter):
    """Probationary members whose probation has ended (counted from the ceremony) and who are
    not yet recognized: the recognition is due or overdue."""

    def __init__(self, column, name, **kwargs) -> None:
        super().__init__(column, name, options=[("1", _l("Yes"))], **kwargs)

    def apply(self, query, value, alias=None):
        from ..workflow.calendar import add_months
        from ..workflow.rules import current_rules

        ended = add_months(date.today(), -current_rules().probation_months)
        return query.filter(Member.status == "probationary", self.get_column(alias) <= ended)

    def operation(self):
        return _l("probation over, not yet recognized")


class BirthYearFilter(BaseSQLAFilter):
    """Born in the given year, as a date range on the indexed date of birth."""

    def validate(self, value) -> bool:
        return str(value).strip().isdigit() and 1900 <= int(value) <= 2100

    def clean(self, value) -> int:
        return int(str(value).strip())

    def apply(self, query, value, alias=None):
        column = self.get_column(alias)
        return query.filter(column >= date(value, 1, 1), column < date(value + 1, 1, 1))

    def operation(self):
        return _l("in year")


class OrganizationNameFilter(BaseSQLAFilter):
    """Belongs to an organization whose name contains the typed words (accents optional)."""

    def apply(self, query, value, alias=None):
        names = select(Organization.id).where(Organization.name_folded.contains(fold(value)))
        return query.filter(self.get_column(alias).in_(names))

    def operation(self):
        return _l("name contains")


def keyed(list_filter, key: str):
    """Give a filter a stable URL key (``?flt0_<key>=…``) that reports and the home page link
    to, instead of its position in the filter list."""
    list_filter.url_key = key
    return list_filter


class SubtreeFilter(BaseSQLAFilter):
    """Belongs to the organization with this id or to one below it (the value is the id)."""

    def validate(self, value) -> bool:
        text = str(value).strip()
        return text.isascii() and text.isdigit() and int(text) < 2**31

    def clean(self, value) -> int:
        return int(str(value).strip())

    def apply(self, query, value, alias=None):
        path = db.session.scalar(select(Organization.path).where(Organization.id == value))
        if path is None:
            return query.filter(false())
        return query.filter(self.get_column(alias).in_(subtree_ids(path)))

    def operation(self):
        return _l("is in or below unit no.")


class EnteredStageFilter(BaseSQLAFilter):
    """Entered a stage within a period; the value is ``stage:YYYY-MM-DD:YYYY-MM-DD`` (as the
    reports write it)."""

    def validate(self, value) -> bool:
        return self._parse(value) is not None

    def clean(self, value):
        return self._parse(value)

    @staticmethod
    def _parse(value):
        parts = str(value).strip().split(":")
        if len(parts) != 3 or parts[0] not in STAGES:
            return None
        try:
            return parts[0], date.fromisoformat(parts[1]), date.fromisoformat(parts[2])
        except ValueError:
            return None

    def apply(self, query, value, alias=None):
        stage, start, end = value
        moved = select(StageEvent.candidate_id).where(
            StageEvent.to_stage == stage, StageEvent.effective_on.between(start, end), in_force())
        return query.filter(self.get_column(alias).in_(moved))

    def operation(self):
        return _l("entered stage in period (stage:from:to)")


class GroupFilter(BaseSQLAFilter):
    """Belongs to one of the groups new members are counted by (women, minorities …)."""

    def __init__(self, column, name):
        super().__init__(column, name, options=[(g.code, g.label) for g in GROUPS if g.listable])

    def validate(self, value) -> bool:
        return value in GROUPS_BY_CODE and GROUPS_BY_CODE[value].listable

    def apply(self, query, value, alias=None):
        return query.filter(GROUPS_BY_CODE[value].condition())

    def operation(self):
        return _l("is among")
