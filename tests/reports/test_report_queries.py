"""Reports, the dashboard and the plan list cost the same number of SQL statements with 10
candidates and with 10,000, and at most 8: every figure is one grouped query, never one per
row or unit."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import insert, select

from devparty_admin.models import Candidate, StageEvent
from devparty_admin.models.people import name_columns

PAGES = [
    "/admin/", "/admin/plan/",
    *(f"/admin/reports/{name}?start=01/01/2015&end=31/12/2026"
      for name in ("admissions", "funnel", "members", "new_members", "plan", "inactive",
                   "health")),
    "/admin/reports/admissions.xlsx?start=01/01/2015&end=31/12/2026",
]


def _grow(db, orgs, count: int, first: int = 0) -> None:
    """``count`` admitted candidates spread over ``orgs`` and the years 2015–2026."""
    now = datetime.now(timezone.utc)
    start = db.session.scalar(select(Candidate.id).order_by(Candidate.id.desc()).limit(1)) or 0
    db.session.execute(insert(Candidate), [{
        **name_columns(f"Nguyễn Văn Số {i}"), "national_id": f"8{i:011d}",
        "organization_id": orgs[i % len(orgs)].id, "date_of_birth": date(1995, 1, 1),
        "gender": "female" if i % 2 else "male", "stage": "admitted", "version": 1,
        "created_at": now, "updated_at": now, "youth_union_member": bool(i % 3),
    } for i in range(first, first + count)])
    ids = db.session.scalars(select(Candidate.id).where(Candidate.id > start)).all()
    db.session.execute(insert(StageEvent), [{
        "candidate_id": pk, "from_stage": "proposed", "to_stage": "admitted",
        "effective_on": date(2015 + pk % 12, 1 + pk % 12, 1 + pk % 28), "at": now,
    } for pk in ids])
    db.session.commit()


def _costs(session, count_queries) -> dict[str, int]:
    session.get("/admin/")  # warm up the process's one-time checks
    costs = {}
    for page in PAGES:
        with count_queries() as counter:
            response = session.get(page)
        assert response.status_code == 200, page
        costs[page] = counter.count
    return costs


def test_report_queries_do_not_grow_with_the_data(dataset, login_as, count_queries, db):
    session = login_as(dataset.committee_user)
    orgs = [dataset.a1, dataset.a2]
    _grow(db, orgs, 10)
    small = _costs(session, count_queries)
    _grow(db, orgs, 9_990, first=10)
    assert _costs(session, count_queries) == small
    assert max(small.values()) <= 8, small
