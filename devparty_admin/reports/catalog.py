"""The reports on offer: the core's and those of the enabled plugins (hook ``reports``)."""
from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date

from flask_babel import gettext as _

from ..models import Organization
from ..plugins.loader import plugins
from .facts import Subtree
from .links import address
from .period import Period
from .tables import TEXT, Cell, Table


class Report(ABC):
    """A report: a name for its URL, a title, a default period and the tables it computes.

    ``tables`` must run a fixed number of queries (one per figure or grouped table) whatever
    the size of the subtree; every query is limited to ``subtree.condition``.
    """

    name: str = ""
    title: object = ""
    description: object = ""
    default_years: int = 1  # default period: the current year and the years before it
    sector: str | None = None  # a plugin's report is offered to its sector's units (and above)

    def default_period(self, today: date | None = None) -> Period:
        return Period.last_years(self.default_years, today)

    @abstractmethod
    def tables(self, subtree: Subtree) -> list[Table]:
        """The report's tables for ``subtree`` (its unit and period)."""

    def unit_cell(self, org: Organization, subtree: Subtree, label: str) -> Cell:
        """A unit's name that opens this report for that unit (the unit itself: no link); a
        unit that has ended says since when."""
        if org.ended_on is not None:
            label = _("%(unit)s (ended %(day)s)", unit=label, day=f"{org.ended_on:%d/%m/%Y}")
        if subtree.unit is not None and org.id == subtree.unit.id:
            return Cell(label, kind=TEXT)
        period = subtree.period
        return Cell(label, address("reports.show", {
            "unit": org.id, "start": f"{period.start:%d/%m/%Y}", "end": f"{period.end:%d/%m/%Y}",
            "tree": subtree.tree}, code=self.name), kind=TEXT)


def available_reports(user) -> list[Report]:
    """Core reports first, then the enabled plugins' in dependency order; a sector's reports
    are not offered to the units of another sector."""
    from .core import CORE_REPORTS

    extra = [report for provided in plugins().hook("reports")() for report in provided]
    sector = getattr(getattr(user, "organization", None), "sector", None)
    return [report for report in [*CORE_REPORTS, *extra]
            if report.sector is None or sector in (None, report.sector)]


def find_report(name: str, user) -> Report | None:
    return next((report for report in available_reports(user) if report.name == name), None)
