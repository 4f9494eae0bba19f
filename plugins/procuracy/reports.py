"""The procuracy's report: party members among staff, unit by unit ("75/77" at the province,
"119/149" in the districts, seed article 000)."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from devparty_admin.extensions import db
from devparty_admin.models import Member, Organization
from devparty_admin.reports.catalog import Report
from devparty_admin.reports.facts import Subtree, serving_members
from devparty_admin.reports.tables import PERCENT, Cell, Table, ratio, text


class StaffReport(Report):
    name = "procuracy_staff"
    title = _l("Đảng viên trong tổng số cán bộ, công chức, người lao động (Viện Kiểm sát)")
    description = _l("Từng đơn vị có ghi số cán bộ: số đảng viên trên tổng số cán bộ và tỷ lệ.")
    sector = "procuracy"

    def tables(self, subtree: Subtree) -> list[Table]:
        units = db.session.execute(
            select(Organization.id, Organization.name, Organization.staff_count)
            .where(subtree.condition, Organization.staff_count.is_not(None))
            .order_by(Organization.path)).all()
        members = dict(db.session.execute(serving_members(subtree).add_columns(
            Member.organization_id, func.count()).group_by(Member.organization_id)).all())
        table = Table(_("Đảng viên trên tổng số cán bộ theo đơn vị"),
                      [_("Đơn vị"), _("Đảng viên"), _("Cán bộ"), _("Đảng viên / cán bộ"),
                       _("Tỷ lệ")], key="procuracy_staff")
        for org_id, name, staff in units:
            count = members.get(org_id, 0)
            table.rows.append([text(name), Cell(count), Cell(staff), text(f"{count}/{staff}"),
                               Cell(ratio(count, staff), kind=PERCENT)])
        total_members = sum(row[1].value for row in table.rows)
        total_staff = sum(row[2].value for row in table.rows)
        table.rows.append([text(_("Tổng cộng")), Cell(total_members), Cell(total_staff),
                           text(f"{total_members}/{total_staff}"),
                           Cell(ratio(total_members, total_staff), kind=PERCENT)])
        table.chart_columns((_("Đảng viên"), 1), (_("Cán bộ"), 2), rows=slice(None, -1))
        return [table]
