"""Commune rules: a high-school student is proposed only with good results and conduct.

The minimums are settings (``COMMUNE_MIN_ACADEMIC_RESULT``, ``COMMUNE_MIN_CONDUCT``, default
``good``: Khá / Tốt); the residence-area branch's comment (5-KNĐ) is part of the core dossier.
"""
from __future__ import annotations

from flask import current_app

from devparty_admin.models.choices import Choices

# Best first: a lower index is a better result.
ACADEMIC_RESULTS = Choices(("excellent", "Giỏi"), ("good", "Khá"), ("average", "Trung bình"),
                           ("weak", "Yếu"))
CONDUCT = Choices(("good", "Tốt"), ("fair", "Khá"), ("average", "Trung bình"), ("weak", "Yếu"))
OWNERSHIP = Choices(("state", "Nhà nước"), ("private", "Tư nhân"),
                    ("foreign", "Có vốn đầu tư nước ngoài"))


def _at_least(choices: Choices, value: str | None, minimum: str) -> bool:
    return value in choices.codes[:choices.codes.index(minimum) + 1]


def student_results(proposal) -> list[str]:
    candidate = proposal.candidate
    if proposal.transition.target != "proposed" or candidate.source != "high_school":
        return []
    profile = candidate.commune_profile
    config = current_app.config
    reasons = []
    result_min = config.get("COMMUNE_MIN_ACADEMIC_RESULT", "good")
    conduct_min = config.get("COMMUNE_MIN_CONDUCT", "good")
    if not _at_least(ACADEMIC_RESULTS, getattr(profile, "academic_result", None), result_min):
        reasons.append(f"Học sinh THPT cần học lực từ {ACADEMIC_RESULTS.label(result_min)} trở lên "
                       "(Hướng dẫn kết nạp đảng viên là học sinh THPT).")
    if not _at_least(CONDUCT, getattr(profile, "conduct", None), conduct_min):
        reasons.append(f"Học sinh THPT cần hạnh kiểm {CONDUCT.label(conduct_min)} "
                       "(Hướng dẫn kết nạp đảng viên là học sinh THPT).")
    return reasons
