"""Alerts from the recorded acts, counted in Vietnamese working days."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from devparty_admin.models import Candidate, StageEvent
from devparty_admin.testing.workflow import add_certificate
from devparty_admin.workflow.calendar import add_months, add_working_days
from devparty_admin.workflow.deadlines import alerts


def _in_stage(make, db, unit, stage, entered):
    candidate = make.candidate(unit, full_name=f"Người {stage}", stage=stage)
    db.session.add(StageEvent(candidate=candidate, from_stage="x", to_stage=stage,
                              effective_on=entered))
    db.session.commit()
    return candidate


def _kinds(today):
    return {(a.stage, a.kind, a.overdue, a.due) for a in alerts(select(Candidate), today)}


def test_decision_due_sixty_working_days_after_the_proposal(make, db):
    unit = make.org("Chi bộ")
    proposed = date(2025, 1, 10)  # Tết Ất Tỵ falls inside the 60 working days
    _in_stage(make, db, unit, "proposed", proposed)
    due = add_working_days(proposed, 60)
    assert due == date(2025, 4, 14)  # 30/4–1/5 not yet; 27/1–31/1 Tết skipped
    assert _kinds(due) == {("proposed", "decision_due", False, due)}
    assert _kinds(due + timedelta(days=1)) == {("proposed", "decision_due", True, due)}


def test_ceremony_due_and_probation_alerts(make, db):
    unit = make.org("Chi bộ")
    _in_stage(make, db, unit, "admitted", date(2025, 8, 20))
    ceremony_due = add_working_days(date(2025, 8, 20), 30)  # 1–2/9 are National Day
    assert ceremony_due == date(2025, 10, 3)
    probation = _in_stage(make, db, unit, "probationary", date(2024, 10, 20))
    today = date(2025, 10, 6)
    found = _kinds(today)
    assert ("admitted", "ceremony_due", True, ceremony_due) in found
    assert ("probationary", "probation_ending", False, date(2025, 10, 20)) in found
    review_due = add_working_days(date(2025, 10, 20), 30)
    later = {a.kind for a in alerts(select(Candidate), review_due + timedelta(days=1))
             if a.candidate_id == probation.id}
    assert later == {"recognition_overdue"}


def test_certificate_expiring(make, db):
    unit = make.org("Chi bộ")
    candidate = _in_stage(make, db, unit, "dossier", date(2024, 1, 1))
    add_certificate(db, candidate, unit, date(2021, 1, 1))
    expires = add_months(date(2021, 1, 1), 60)
    assert _kinds(date(2025, 9, 1)) == set()
    assert _kinds(date(2025, 10, 1)) == {("dossier", "certificate_expiring", False, expires)}
    assert _kinds(date(2026, 1, 2)) == {("dossier", "certificate_expiring", True, expires)}


@pytest.mark.parametrize("count", [4, 40])
def test_alerts_cost_two_queries_whatever_the_number_of_candidates(make, db, count_queries,
                                                                   count):
    """The alerts themselves, and the working calendar's swaps (once per request)."""
    from flask import g
    g.pop("working_calendar", None)
    unit = make.org("Chi bộ")
    for day in range(count):
        _in_stage(make, db, unit, "proposed", date(2025, 1, 1) + timedelta(days=day))
    with count_queries() as counter:
        found = alerts(select(Candidate), date(2025, 12, 1))
    assert len(found) == count and counter.count == 2


@pytest.mark.parametrize("ratio", [10**6, 0], ids=["wide", "narrow"])
def test_the_dashboards_counts_are_the_alerts_counted(make, db, monkeypatch, ratio):
    """The dashboard's alert counts (one statement, cut-off days; index ranges for a wide
    scope, one pass for a narrow one) agree with the alerts listed one by one, on days on both
    sides of every deadline: probations entered on each day of a month around their end and
    review, certificates around their expiry, pending decisions; the units outside the user's
    subtree are not counted."""
    from collections import Counter

    from devparty_admin.admin.home import counts
    from devparty_admin.security import scoping

    monkeypatch.setattr(scoping, "NARROW_RATIO", ratio)
    root = make.org("Đảng bộ tỉnh")
    unit, outside = make.org("Chi bộ", parent=root), make.org("Chi bộ khác", parent=root)
    for offset in range(0, 70, 3):
        _in_stage(make, db, unit, "probationary", date(2024, 9, 1) + timedelta(days=offset))
        certified = _in_stage(make, db, unit, "trained", date(2024, 1, 1))
        add_certificate(db, certified, unit, date(2020, 8, 1) + timedelta(days=offset))
    _in_stage(make, db, unit, "proposed", date(2025, 1, 10))
    _in_stage(make, db, unit, "admitted", date(2025, 8, 20))
    _in_stage(make, db, outside, "admitted", date(2025, 8, 20))
    make.candidate(unit, full_name="Đề nghị chưa có bước", stage="proposed")  # no step: no alert
    user = make.user("committee", unit)
    for today in (date(2025, 8, 15), date(2025, 9, 20), date(2025, 10, 6), date(2025, 11, 3),
                  date(2025, 12, 1), date(2026, 1, 15)):
        listed = Counter(alert.kind for alert in alerts(
            select(Candidate).where(Candidate.organization_id == unit.id), today))
        assert counts(user, today).alerts == dict(listed), today
        assert len(listed) >= 2
