"""Justice-sector rules: the unions comment before the branch proposes admission, and each
branch reviews its sympathizers every month.

The trade union's comment (4A-KNĐ) is always needed; a Youth Union member also needs the Youth
Union's (4-KNĐ), as the Đảng ủy Sở Tư pháp's plan asks (seed article 002), which also has the
branches assess their sympathizers monthly ("Định kỳ hằng tháng").
"""
from __future__ import annotations

from datetime import date, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, select

from devparty_admin.extensions import db
from devparty_admin.models import Candidate, Organization
from devparty_admin.models.choices import Choices
from devparty_admin.security import scoped
from devparty_admin.workflow.deadlines import Alert

from .models import JusticeMonthlyReview

LEGAL_QUALIFICATIONS = Choices(
    ("bachelor", _l("Cử nhân Luật")), ("master", _l("Thạc sĩ Luật")),
    ("doctor", _l("Tiến sĩ Luật")), ("none", _l("Không có")),
)
TRADE_UNION_COMMENT, YOUTH_UNION_COMMENT = "4A-KND", "4-KND"


def union_comments(proposal) -> list[str]:
    if proposal.transition.target != "proposed":
        return []
    candidate = proposal.candidate
    done = {item.form_code for item in candidate.dossier_items if item.status == "done"}
    reasons = []
    if TRADE_UNION_COMMENT not in done:
        reasons.append(_("Cần ghi nhận ý kiến nhận xét của Công đoàn (4A-KNĐ) trước khi chi bộ đề "
                         "nghị kết nạp (Kế hoạch phát triển đảng viên của Đảng ủy Sở Tư pháp)."))
    if candidate.youth_union_member and YOUTH_UNION_COMMENT not in done:
        reasons.append(_("Đoàn viên cần có ý kiến nhận xét của Đoàn Thanh niên (4-KNĐ) trước khi "
                         "chi bộ đề nghị kết nạp (Kế hoạch phát triển đảng viên của Đảng ủy Sở Tư "
                         "pháp)."))
    return reasons


REVIEWED_STAGES = ("sympathizer", "trained", "dossier")
REVIEW_ALERT = _l("Chưa họp xem xét cảm tình Đảng tháng %(month)s")


def previous_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def missed_reviews(user, today: date) -> list[Alert]:
    """Justice branches of the user's subtree with sympathizers on their list and no review
    recorded for last month: one alert each, due the month's last day (one query)."""
    month = previous_month(today)
    has_sympathizers = exists().where(Candidate.organization_id == Organization.id,
                                      Candidate.stage.in_(REVIEWED_STAGES))
    reviewed = exists().where(JusticeMonthlyReview.organization_id == Organization.id,
                              JusticeMonthlyReview.month == month)
    query = scoped(select(Organization.name).where(Organization.sector == "justice",
                                                   has_sympathizers, ~reviewed)
                   .order_by(Organization.path), Organization, user)
    due = today.replace(day=1) - timedelta(days=1)
    return [Alert(None, name, name, "", "justice_monthly_review", due, True,
                  str(REVIEW_ALERT) % {"month": month.strftime("%m/%Y")})
            for name in db.session.scalars(query)]
