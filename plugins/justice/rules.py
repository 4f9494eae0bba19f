"""Justice-sector rules: the unions comment before the branch proposes admission.

The trade union's comment (4A-KNĐ) is always needed; a Youth Union member also needs the Youth
Union's (4-KNĐ), as the Đảng ủy Sở Tư pháp's plan asks (seed article 002).
"""
from __future__ import annotations

from devparty_admin.models.choices import Choices

LEGAL_QUALIFICATIONS = Choices(
    ("bachelor", "Cử nhân Luật"), ("master", "Thạc sĩ Luật"), ("doctor", "Tiến sĩ Luật"),
    ("none", "Không có"),
)
TRADE_UNION_COMMENT, YOUTH_UNION_COMMENT = "4A-KND", "4-KND"


def union_comments(proposal) -> list[str]:
    if proposal.transition.target != "proposed":
        return []
    candidate = proposal.candidate
    done = {item.form_code for item in candidate.dossier_items if item.status == "done"}
    reasons = []
    if TRADE_UNION_COMMENT not in done:
        reasons.append("Cần ghi nhận ý kiến nhận xét của Công đoàn (4A-KNĐ) trước khi chi bộ đề "
                       "nghị kết nạp (Kế hoạch phát triển đảng viên của Đảng ủy Sở Tư pháp).")
    if candidate.youth_union_member and YOUTH_UNION_COMMENT not in done:
        reasons.append("Đoàn viên cần có ý kiến nhận xét của Đoàn Thanh niên (4-KNĐ) trước khi chi "
                       "bộ đề nghị kết nạp (Kế hoạch phát triển đảng viên của Đảng ủy Sở Tư pháp).")
    return reasons
