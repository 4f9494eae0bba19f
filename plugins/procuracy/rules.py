"""Procuracy rules: a candidate proposed for admission completed last year's tasks well.

The minimum is the plugin's setting ``min_evaluation`` (default ``good``: hoàn thành tốt nhiệm
vụ; DEVPARTY_PROCURACY_MIN_EVALUATION), as the provincial procuracy party committee asks (seed
article 000).
"""
from __future__ import annotations

from devparty_admin.models.choices import Choices
from devparty_admin.plugins import setting
from devparty_admin.plugins.scales import EVALUATIONS

POSITIONS = Choices(
    ("prosecutor_senior", "Kiểm sát viên cao cấp"), ("prosecutor_middle", "Kiểm sát viên trung cấp"),
    ("prosecutor_junior", "Kiểm sát viên sơ cấp"), ("inspector", "Kiểm tra viên"),
    ("specialist", "Chuyên viên"), ("worker", "Người lao động"))
EMULATION_TITLES = Choices(
    ("advanced_worker", "Lao động tiên tiến"), ("emulation_soldier", "Chiến sĩ thi đua cơ sở"),
    ("certificate_of_merit", "Bằng khen"), ("none", "Không có"))


def evaluation_good_enough(proposal) -> list[str]:
    if proposal.transition.target != "proposed":
        return []
    minimum = setting("procuracy", "min_evaluation")
    profile = proposal.candidate.procuracy_profile
    evaluation = profile.evaluation if profile else None
    if EVALUATIONS.at_least(evaluation, minimum):
        return []
    return [f"Kết quả đánh giá, xếp loại năm trước phải từ “{EVALUATIONS.label(minimum)}” trở lên "
            f"(hiện: {EVALUATIONS.label(evaluation) or 'chưa ghi nhận'}) — Kế hoạch phát triển đảng "
            "viên của Đảng ủy Viện Kiểm sát nhân dân tỉnh."]
