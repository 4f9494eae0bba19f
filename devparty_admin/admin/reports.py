"""The reports screen: pick a report, a unit of your subtree and a period; read the tables and
charts, follow a figure to the list behind it, or download the same tables in Excel."""
from __future__ import annotations

from flask import abort, flash, request, send_file
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..models import Organization
from ..reports.catalog import Report, available_reports, find_report
from ..reports.excel import XLSX_MIMETYPE, report_workbook
from ..reports.facts import NOW, THEN, TREES, Subtree
from ..reports.period import Period, PeriodError
from ..security import reaches, scoped
from ..security.permissions import sees_all_units
from .base import ScreenView, parse_pk


def chosen_unit(user) -> Organization | None:
    """The unit in ``?unit=`` if the user may see it (404 otherwise), else the user's own;
    None means every unit, for those who see them all."""
    raw = request.args.get("unit", "").strip()
    if not raw:
        return user.organization
    unit = db.session.scalar(scoped(select(Organization).where(Organization.id == parse_pk(raw)),
                                    Organization, user))
    if unit is None:
        abort(404)
    return unit


def chosen_period(report: Report) -> Period:
    """The period typed in the form; a wrong one is explained and the default used instead."""
    default = report.default_period()
    try:
        return Period.parse(request.args.get("start"), request.args.get("end"), default)
    except PeriodError as error:
        flash(str(error), "error")
        return default


def parent_in_reach(unit: Organization | None, user) -> Organization | None:
    """The unit above, when the user may go up to it. The unit above one's own lies outside
    one's subtree, unless one sees every unit: it is then not even read."""
    if unit is None or unit.parent_id is None:
        return None
    if unit is user.organization and not sees_all_units(user):
        return None
    return unit.parent if reaches(user, unit.parent) else None


class ReportsView(ScreenView):
    @expose("/")
    def index(self):
        return self.render("devparty/reports.html", reports=available_reports(current_user))

    def _subtree(self, code: str) -> tuple[Report, Subtree]:
        report = find_report(code, current_user)
        if report is None:
            abort(404)
        tree = NOW if request.args.get("tree") == NOW else THEN
        return report, Subtree(chosen_unit(current_user), chosen_period(report), tree)

    @expose("/<code>")
    def show(self, code: str):
        report, subtree = self._subtree(code)
        return self.render("devparty/report.html", report=report, subtree=subtree, trees=TREES,
                           tables=report.tables(subtree),
                           parent=parent_in_reach(subtree.unit, current_user))

    @expose("/<code>.xlsx")
    def download(self, code: str):
        report, subtree = self._subtree(code)
        unit = subtree.unit.name if subtree.unit is not None else _("All units")
        heading = _("%(unit)s, period %(period)s", unit=unit, period=str(subtree.period))
        heading += " · " + str(dict(TREES)[subtree.tree])
        workbook = report_workbook(str(report.title), heading, report.tables(subtree))
        filename = f"{report.name}_{subtree.period.start:%Y%m%d}_{subtree.period.end:%Y%m%d}.xlsx"
        return send_file(workbook, mimetype=XLSX_MIMETYPE, as_attachment=True,
                         download_name=filename)
