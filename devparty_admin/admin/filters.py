"""List filters that stay on indexed columns and never load a table into a select."""
from __future__ import annotations

from datetime import date

from flask_admin.contrib.sqla.filters import BaseSQLAFilter
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..models import Organization
from ..vietnamese import fold


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
