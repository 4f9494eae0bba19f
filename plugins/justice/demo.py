"""Demo data of the justice plugin: the Department of Justice party committee with Chi bộ 01: 46
members, 43 official and 3 probationary; 22 admitted from 2015 to 2020 (7, 5, 3, 1, 3, 3) under the
committee's plans, e.g. Kế hoạch số 58-KH/ĐU ngày 19/02/2021 (seed articles 002 and 003)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from devparty_admin.demo.tree import Unit
from devparty_admin.extensions import db
from devparty_admin.models import Organization

from .models import JusticeMonthlyReview, JusticeProfile

# The first 22 people of the demo, in order, have the seed's political theory levels (cao cấp 6,
# trung cấp 9, sơ cấp 6) and legal qualifications (Thạc sĩ Luật 6, Cử nhân Luật 16).
THEORY = ["advanced"] * 6 + ["intermediate"] * 9 + ["elementary"] * 6 + ["none"]
LAW = ["master"] * 6 + ["bachelor"] * 16

SOURCES = ("youth_union", "trade_union")

USERS = [
    ("demo.tuphap", "Đảng ủy Sở Tư pháp", "committee", "STP"),
    ("demo.tuphap.cb01", "Bí thư Chi bộ 01 Sở Tư pháp", "branch", "STP-01"),
]


def unit() -> Unit:
    year = date.today().year
    plans = [
        {"year": 2021, "number": "58-KH/ĐU", "issued_on": date(2021, 2, 19), "target_admissions": 2,
         "target_sympathizers": 4},
        {"year": year, "number": "12-KH/ĐU", "issued_on": date(year, 2, 10), "target_admissions": 3,
         "target_sympathizers": 4, "target_awareness": 4},
    ]
    return Unit("STP", "Đảng bộ Sở Tư pháp", "Đảng bộ cơ sở", "justice", sources=SOURCES, plans=plans,
                place="Bắc Kạn",
                children=[
        Unit("STP-01", "Chi bộ 01", "Chi bộ trực thuộc", "justice", members=16, probationary=1,
             candidates={"source": 2, "sympathizer": 2, "trained": 1, "dossier": 1},
             admissions={2015: 3, 2016: 2, 2017: 1, 2018: 1, 2019: 1, 2020: 1}),
        Unit("STP-02", "Chi bộ 02", "Chi bộ trực thuộc", "justice", members=15, probationary=1,
             candidates={"proposed": 1, "dropped": 1},
             admissions={2015: 2, 2016: 2, 2017: 1, 2019: 1, 2020: 1, 2021: 1}),
        Unit("STP-03", "Chi bộ 03", "Chi bộ trực thuộc", "justice", members=15, probationary=1,
             candidates={"admitted": 1, "recognition_proposed": 1},
             admissions={2015: 2, 2016: 1, 2017: 1, 2019: 1, 2020: 1, 2021: 1}),
    ])


def _months_ago(count: int) -> date:
    month = date.today().replace(day=1)
    for _ in range(count):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


def reviews() -> None:
    """Chi bộ 01 reviewed its sympathizers two and three months ago, not last month: the alert
    shows."""
    branch = db.session.scalar(select(Organization).where(Organization.code == "STP-01"))
    for month in (_months_ago(2), _months_ago(3)):
        db.session.add(JusticeMonthlyReview(organization=branch, month=month,
                                            reviewed_on=month + timedelta(days=9),
                                            note="Xem xét, đánh giá cảm tình Đảng"))


def profile(candidate) -> None:
    """The candidate's civil-service rank and qualifications, following the seed's figures."""
    index = db.session.scalar(select(func.count()).select_from(JusticeProfile))
    candidate.theory_level = THEORY[index] if index < len(THEORY) else "none"
    db.session.add(JusticeProfile(candidate=candidate, civil_service_rank="Chuyên viên",
                                  legal_qualification=LAW[index] if index < len(LAW) else None,
                                  division="Văn phòng Sở"))
