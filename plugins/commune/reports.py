"""The commune's report: admissions by hamlet and source (seed article 004: students,
returning soldiers, graduates and workers brought into the Party)."""
from __future__ import annotations

from collections import defaultdict

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from devparty_admin.extensions import db
from devparty_admin.models import Candidate
from devparty_admin.models.choices import SOURCES
from devparty_admin.reports.catalog import Report
from devparty_admin.reports.facts import Subtree, admissions
from devparty_admin.reports.tables import Cell, Table, text

from .models import CommuneProfile

NOT_RECORDED = "Chưa ghi"


class HamletSourceReport(Report):
    name = "commune_hamlets"
    title = _l("Kết nạp theo thôn, xóm và nguồn (xã)")
    description = _l("Số đảng viên kết nạp trong kỳ theo thôn, xóm (hồ sơ của xã) và theo nguồn.")
    sector = "commune"

    def tables(self, subtree: Subtree) -> list[Table]:
        counts = defaultdict(lambda: defaultdict(int))
        for hamlet, source, count in db.session.execute(
                admissions(subtree).outerjoin(CommuneProfile,
                                              CommuneProfile.candidate_id == Candidate.id)
                .add_columns(CommuneProfile.hamlet, Candidate.source, func.count())
                .group_by(CommuneProfile.hamlet, Candidate.source)):
            counts[hamlet or NOT_RECORDED][source] += count
        sources = [code for code, _label in SOURCES
                   if any(code in row for row in counts.values())]
        table = Table(_("Kết nạp theo thôn, xóm và nguồn"),
                      [_("Thôn, xóm"), *(SOURCES.label(code) for code in sources), _("Tổng")],
                      key="commune_hamlets")
        for hamlet in sorted(counts, key=lambda name: (name == NOT_RECORDED, name)):
            row = [counts[hamlet][code] for code in sources]
            shown = _(NOT_RECORDED) if hamlet == NOT_RECORDED else hamlet
            table.rows.append([text(shown), *map(Cell, row), Cell(sum(row))])
        table.chart_columns((_("Tổng"), len(sources) + 1))
        return [table]
