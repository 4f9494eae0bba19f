"""Procuracy rules: a candidate proposed for admission completed last year's tasks well.

The minimum is the setting ``PROCURACY_MIN_EVALUATION`` (default ``good``: hoàn thành tốt
nhiệm vụ), as the provincial procuracy party committee asks (seed article 000).
"""
from __future__ import annotations

from flask import current_app

from devparty_admin.models.choices import Choices

POSITIONS = Choices(
    ("prosecutor_senior", "Kiểm sát viên cao cấp"), ("prosecutor_middle", "Kiểm sát viên trung cấp"),
    ("prosecutor_junior", "Kiểm sát viên sơ cấp"), ("inspector", "Kiểm tra viên"),
    ("specialist", "Chuyên viên"), ("worker", "Người lao động"))
# Best first: a lower index is a better evaluation.
EVALUATIONS = Choices(
    ("excellent", "Hoàn thành xuất sắc nhiệm vụ"), ("good", "Hoàn thành tốt nhiệm vụ"),
    ("done", "Hoàn thành nhiệm vụ"), ("not_done", "Không hoàn thành nhiệm vụ"))
EMULATION_TITLES = Choices(
    ("advanced_worker", "Lao động tiên tiến"), ("emulation_soldier", "Chiến sĩ thi đua cơ sở"),
    ("certificate_of_merit", "Bằng khen"), ("none", "Không có"))


def evaluation_good_enough(proposal) -> list[str]:
    if proposal.transition.target != "proposed":
        return []
    minimum = current_app.config.get("PROCURACY_MIN_EVALUATION", "good")
    profile = proposal.candidate.procuracy_profile
    evaluation = profile.evaluation if profile else None
    if evaluation in EVALUATIONS.codes[:EVALUATIONS.codes.index(minimum) + 1]:
        return []
    return [f"Kết quả đánh giá, xếp loại năm trước phải từ “{EVALUATIONS.label(minimum)}” trở lên "
            f"(hiện: {EVALUATIONS.label(evaluation) or 'chưa ghi nhận'}) — Kế hoạch phát triển đảng "
            "viên của Đảng ủy Viện Kiểm sát nhân dân tỉnh."]
