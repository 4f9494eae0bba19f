"""Commune rules: a high-school student is proposed only with good results and conduct.

The minimums are the plugin's settings ``min_academic_result`` and ``min_conduct`` (default
``good``: Khá / Tốt; DEVPARTY_COMMUNE_MIN_…); the residence-area branch's comment (5-KNĐ) is
part of the core dossier.
"""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from devparty_admin.models.choices import Choices
from devparty_admin.plugins import setting
from devparty_admin.plugins.scales import ACADEMIC_RESULTS, CONDUCT

OWNERSHIP = Choices(("state", _l("Nhà nước")), ("private", _l("Tư nhân")),
                    ("foreign", _l("Có vốn đầu tư nước ngoài")))


def student_results(proposal) -> list[str]:
    candidate = proposal.candidate
    if proposal.transition.target != "proposed" or candidate.source != "high_school":
        return []
    profile = candidate.commune_profile
    reasons = []
    result_min = setting("commune", "min_academic_result")
    conduct_min = setting("commune", "min_conduct")
    if not ACADEMIC_RESULTS.at_least(getattr(profile, "academic_result", None), result_min):
        reasons.append(_("Học sinh THPT cần học lực từ %(minimum)s trở lên (Hướng dẫn kết nạp "
                         "đảng viên là học sinh THPT).",
                         minimum=ACADEMIC_RESULTS.label(result_min)))
    if not CONDUCT.at_least(getattr(profile, "conduct", None), conduct_min):
        reasons.append(_("Học sinh THPT cần hạnh kiểm %(minimum)s (Hướng dẫn kết nạp đảng viên là "
                         "học sinh THPT).", minimum=CONDUCT.label(conduct_min)))
    return reasons
