"""A small fixed dataset whose report figures are computed by hand in the tests.

    Tỉnh ─┬─ Đảng bộ A ─┬─ Chi bộ A1 (staff 10)
          │             └─ Chi bộ A2 (staff 5)
          └─ Chi bộ B
Admissions (stage events into ``admitted``): A1 on 31/12/2020 and 01/01/2021, A2 on
15/06/2021 (a woman, a student) and 10/03/2019, B on 01/01/2021.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from devparty_admin.models import Plan, StageEvent


@dataclass
class Dataset:
    province: object
    a: object
    a1: object
    a2: object
    b: object
    committee_user: object  # at A
    admitted: dict


def admit(db, candidate, day: date) -> None:
    """Record an admission as the history holds it (from proposed to admitted on ``day``)."""
    db.session.add(StageEvent(candidate=candidate, from_stage="proposed", to_stage="admitted",
                              effective_on=day))
    candidate.stage = "admitted"
    db.session.commit()


@pytest.fixture
def dataset(make, db) -> Dataset:
    province = make.org("Tỉnh")
    a = make.org("Đảng bộ A", parent=province)
    a1 = make.org("Chi bộ A1", parent=a, staff_count=10)
    a2 = make.org("Chi bộ A2", parent=a, staff_count=5)
    b = make.org("Chi bộ B", parent=province)
    people = {
        "a1_2020": make.candidate(a1, full_name="Lê Văn Cuối", youth_union_member=True),
        "a1_2021": make.candidate(a1, full_name="Lê Văn Đầu", youth_union_member=True),
        "a2_2021": make.candidate(a2, full_name="Trần Thị Học", gender="female",
                                  occupation="student", ethnicity="Tày",
                                  date_of_birth=date(2003, 2, 1)),
        "a2_2019": make.candidate(a2, full_name="Phạm Văn Cũ"),
        "b_2021": make.candidate(b, full_name="Hoàng Văn Ngoài"),
    }
    days = {"a1_2020": date(2020, 12, 31), "a1_2021": date(2021, 1, 1),
            "a2_2021": date(2021, 6, 15), "a2_2019": date(2019, 3, 10), "b_2021": date(2021, 1, 1)}
    for key, candidate in people.items():
        admit(db, candidate, days[key])
    make.candidate(a1, full_name="Nguyễn Văn Nguồn", stage="source")
    for status in ("official", "official", "official", "probationary"):
        make.member(a1, status=status)
    make.member(a2, status="official")
    make.member(b, status="official")
    db.session.add_all([
        Plan(organization=a, year=2021, number="58-KH/ĐU", issued_on=date(2021, 2, 19),
             target_admissions=5),
        Plan(organization=a1, year=2021, target_admissions=2, target_sympathizers=3),
        Plan(organization=b, year=2021, target_admissions=1),
    ])
    db.session.commit()
    return Dataset(province, a, a1, a2, b, make.user("committee", a), people)
