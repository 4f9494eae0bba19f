"""Procuracy rules: a candidate proposed for admission completed last year's tasks well.

The minimum is the plugin's setting ``min_evaluation`` (default ``good``: hoàn thành tốt nhiệm
vụ; DEVPARTY_PROCURACY_MIN_EVALUATION), as the provincial procuracy party committee asks (seed
article 000).
"""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from devparty_admin.models.choices import Choices
from devparty_admin.plugins import setting
from devparty_admin.plugins.scales import EVALUATIONS

POSITIONS = Choices(
    ("prosecutor_senior", _l("Kiểm sát viên cao cấp")), ("prosecutor_middle", _l("Kiểm sát viên trung cấp")),
    ("prosecutor_junior", _l("Kiểm sát viên sơ cấp")), ("inspector", _l("Kiểm tra viên")),
    ("specialist", _l("Chuyên viên")), ("worker", _l("Người lao động")))
EMULATION_TITLES = Choices(
    ("advanced_worker", _l("Lao động tiên tiến")), ("emulation_soldier", _l("Chiến sĩ thi đua cơ sở")),
    ("certificate_of_merit", _l("Bằng khen")), ("none", _l("Không có")))


def evaluation_good_enough(proposal) -> list[str]:
    if proposal.transition.target != "proposed":
        return []
    minimum = setting("procuracy", "min_evaluation")
    profile = proposal.candidate.procuracy_profile
    evaluation = profile.evaluation if profile else None
    if EVALUATIONS.at_least(evaluation, minimum):
        return []
    return [_("Kết quả đánh giá, xếp loại năm trước phải từ “%(minimum)s” trở lên (hiện: "
              "%(now)s) — Kế hoạch phát triển đảng viên của Đảng ủy Viện Kiểm sát nhân dân tỉnh.",
              minimum=EVALUATIONS.label(minimum),
              now=EVALUATIONS.label(evaluation) or _("chưa ghi nhận"))]
