"""Police-sector rules: political vetting (Quy định 58-QĐ/TW) before the branch proposes."""
from __future__ import annotations

from devparty_admin.models.choices import Choices

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
SERVICE_TYPES = Choices(("officer", "Sĩ quan"), ("conscript", "Hạ sĩ quan, chiến sĩ nghĩa vụ"))
VETTING_RESULTS = Choices(("passed", "Đủ tiêu chuẩn"), ("failed", "Không đủ tiêu chuẩn"))


def vetting_done(proposal) -> list[str]:
    if proposal.transition.target != "proposed":
        return []
    vetting = proposal.candidate.police_vetting
    if vetting is None:
        return ["Chưa có kết quả thẩm tra chính trị nội bộ; cán bộ công tác chính trị cần ghi nhận "
                "trước khi chi bộ đề nghị kết nạp (Quy định 58-QĐ/TW)."]
    if vetting.result != "passed":
        return ["Kết quả thẩm tra chính trị nội bộ không đủ tiêu chuẩn (Quy định 58-QĐ/TW)."]
    return []
