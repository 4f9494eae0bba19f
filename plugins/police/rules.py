"""Police-sector rules: political vetting (Quy định 58-QĐ/TW) before the branch proposes."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from devparty_admin.extensions import db
from devparty_admin.models import Sponsor
from devparty_admin.models.choices import Choices
from devparty_admin.plugins import setting
from devparty_admin.workflow.calendar import add_months, whole_months_between

RANKS = Choices(*((rank, rank) for rank in (
    "Binh nhì", "Binh nhất", "Hạ sĩ", "Trung sĩ", "Thượng sĩ", "Thiếu úy", "Trung úy", "Thượng úy",
    "Đại úy", "Thiếu tá", "Trung tá", "Thượng tá", "Đại tá", "Thiếu tướng", "Trung tướng",
    "Thượng tướng", "Đại tướng")))
# Rank groups the committee reports by (hạ sĩ quan - chiến sĩ, cấp úy, cấp tá, cấp tướng).
RANK_GROUPS = (
    ("Hạ sĩ quan, chiến sĩ", ("Binh nhì", "Binh nhất", "Hạ sĩ", "Trung sĩ", "Thượng sĩ")),
    ("Cấp úy", ("Thiếu úy", "Trung úy", "Thượng úy", "Đại úy")),
    ("Cấp tá", ("Thiếu tá", "Trung tá", "Thượng tá", "Đại tá")),
    ("Cấp tướng", ("Thiếu tướng", "Trung tướng", "Thượng tướng", "Đại tướng")),
)
OFFICER_RANKS = {rank for _group, ranks in RANK_GROUPS[1:] for rank in ranks}
SERVICE_TYPES = Choices(("officer", _l("Sĩ quan")), ("conscript", _l("Hạ sĩ quan, chiến sĩ nghĩa vụ")))
VETTING_RESULTS = Choices(("passed", _l("Đủ tiêu chuẩn")), ("failed", _l("Không đủ tiêu chuẩn")))


def helper_known_long_enough(proposal) -> list[str]:
    """The sector's practice: the helper has worked with the candidate for 12 months (the
    setting ``helper_min_months``) before the branch puts them on the sympathizer list (the
    national rule asks it of introducers only)."""
    if proposal.transition.target != "sympathizer" or proposal.vote_date is None:
        return []
    months = setting("police", "helper_min_months")
    helpers = db.session.scalars(select(Sponsor).where(
        Sponsor.candidate_id == proposal.candidate.id, Sponsor.role == "helper"))
    short = [helper for helper in helpers
             if add_months(helper.known_since, months) > proposal.vote_date]
    return [_("Ngành Công an: đồng chí %(name)s mới công tác cùng quần chúng %(months)s tháng; "
              "người giúp đỡ phải công tác cùng ít nhất %(min)s tháng.",
              name=helper.member.full_name,
              months=whole_months_between(helper.known_since, proposal.vote_date), min=months)
            for helper in short]


def vetting_done(proposal) -> list[str]:
    if proposal.transition.target != "proposed":
        return []
    vetting = proposal.candidate.police_vetting
    if vetting is None:
        return [_("Chưa có kết quả thẩm tra chính trị nội bộ; cán bộ công tác chính trị cần ghi "
                  "nhận trước khi chi bộ đề nghị kết nạp (Quy định 58-QĐ/TW).")]
    if vetting.result != "passed":
        return [_("Kết quả thẩm tra chính trị nội bộ không đủ tiêu chuẩn (Quy định 58-QĐ/TW).")]
    return []
