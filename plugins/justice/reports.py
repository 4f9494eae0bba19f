"""The justice committee's report: members by political theory level and by legal qualification
("cao cấp 6, trung cấp 9, sơ cấp 6; Thạc sĩ Luật 6, Cử nhân Luật 16", seed article 002). Members
admitted before the system have no candidate record and count as not recorded."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from devparty_admin.extensions import db
from devparty_admin.models import Candidate, Member
from devparty_admin.models.choices import THEORY_LEVELS, Choices
from devparty_admin.reports.catalog import Report
from devparty_admin.reports.facts import Subtree, serving_members
from devparty_admin.reports.tables import PERCENT, Cell, Table, ratio, text

from .models import JusticeProfile
from .rules import LEGAL_QUALIFICATIONS

NOT_RECORDED = _l("Chưa ghi")


class QualificationsReport(Report):
    name = "justice_qualifications"
    title = _l("Đảng viên theo trình độ lý luận chính trị và trình độ luật (Tư pháp)")
    description = _l("Đảng viên chính thức và dự bị chia theo trình độ lý luận chính trị và "
                     "trình độ luật.")
    sector = "justice"

    def tables(self, subtree: Subtree) -> list[Table]:
        members = (serving_members(subtree)
                   .outerjoin(Candidate, Candidate.id == Member.candidate_id)
                   .outerjoin(JusticeProfile, JusticeProfile.candidate_id == Candidate.id))
        return [self._by(members, Candidate.theory_level, THEORY_LEVELS,
                         _("Theo trình độ lý luận chính trị"), "theory"),
                self._by(members, JusticeProfile.legal_qualification, LEGAL_QUALIFICATIONS,
                         _("Theo trình độ luật"), "law")]

    def _by(self, members, column, choices: Choices, title: str, key: str) -> Table:
        counts = dict(db.session.execute(members.add_columns(column, func.count())
                                         .group_by(column)).all())
        total = sum(counts.values())
        table = Table(title, [_("Trình độ"), _("Số đảng viên"), _("Tỷ lệ")], key=key)
        for code, label in [*choices, (None, NOT_RECORDED)]:
            if counts.get(code):
                table.rows.append([text(str(label)), Cell(counts[code]),
                                   Cell(ratio(counts[code], total), kind=PERCENT)])
        table.chart_columns((_("Số đảng viên"), 1))
        return table
