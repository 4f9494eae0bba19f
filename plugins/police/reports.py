"""The police committee's report: admissions by unit and rank group, and as a share of members
("34 comrades, 3% of the Đảng bộ's members", seed article 001)."""
from __future__ import annotations

from collections import defaultdict

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from devparty_admin.extensions import db
from devparty_admin.models import Candidate
from devparty_admin.reports.catalog import Report
from devparty_admin.reports.facts import Subtree, admissions, bucket_key, members_by_bucket
from devparty_admin.reports.tables import PERCENT, Cell, Table, ratio

from .models import PoliceProfile
from .rules import RANK_GROUPS

NOT_RECORDED = "Chưa ghi cấp bậc"  # a group name like the others: translated where shown
GROUP_OF = {rank: group for group, ranks in RANK_GROUPS for rank in ranks}


class AdmissionsByRankReport(Report):
    name = "police_ranks"
    title = _l("Kết nạp theo đơn vị và nhóm cấp bậc hàm (Công an)")
    description = _l("Số đảng viên kết nạp trong kỳ ở từng đơn vị, chia theo nhóm cấp bậc hàm, "
                     "và tỷ lệ so với tổng số đảng viên của đơn vị.")
    sector = "police"

    def tables(self, subtree: Subtree) -> list[Table]:
        bucket = subtree.event_bucket()
        counts = defaultdict(lambda: defaultdict(int))
        for key, rank, count in db.session.execute(
                admissions(subtree).outerjoin(PoliceProfile,
                                              PoliceProfile.candidate_id == Candidate.id)
                .add_columns(bucket, PoliceProfile.rank, func.count())
                .group_by(bucket, PoliceProfile.rank)):
            counts[key][GROUP_OF.get(rank, NOT_RECORDED)] += count
        members = members_by_bucket(subtree)
        groups = [group for group, _ranks in RANK_GROUPS] + [NOT_RECORDED]
        table = Table(_("Kết nạp theo nhóm cấp bậc hàm"),
                      [_("Đơn vị"), *map(_, groups), _("Tổng số kết nạp"), _("Đảng viên"),
                       _("Tỷ lệ kết nạp")], key="police_ranks")
        for org in subtree.rows():
            key = bucket_key(org, subtree)
            row = [counts[key][group] for group in groups]
            table.rows.append([self.unit_cell(org, subtree, org.name), *map(Cell, row),
                               Cell(sum(row)), Cell(members.get(key, 0)),
                               Cell(ratio(sum(row), members.get(key, 0)), kind=PERCENT)])
        admitted, served = len(groups) + 1, len(groups) + 2
        table.add_total(_("Toàn Đảng bộ"), range(1, served + 1), {served + 1: (admitted, served)})
        table.chart_columns(*((_(group), i) for i, group in enumerate(groups, start=1)),
                            rows=slice(None, -1))
        return [table]
