"""Working days with the government's announced swaps, kept as data the installation edits;
the ceremony's 30 working days from the day the branch received the decision."""
from __future__ import annotations

from datetime import date

import pytest
from flask import g

from devparty_admin.models import CalendarChange, DossierItem
from devparty_admin.workflow.calendar import add_working_days, is_working_day
from devparty_admin.workflow.deadlines import ceremony_due
from devparty_admin.workflow.rules import Rules


@pytest.fixture
def calendar(app, db):
    g.pop("working_calendar", None)
    yield
    g.pop("working_calendar", None)


@pytest.mark.parametrize("day, working", [
    (date(2026, 8, 22), True),    # Saturday worked in exchange for …
    (date(2026, 8, 31), False),   # … the bridge day before Quốc khánh
    (date(2026, 9, 2), False),    # Quốc khánh
    (date(2025, 4, 26), True), (date(2025, 5, 2), False),
    (date(2026, 2, 17), False),   # Tết Bính Ngọ (lunar calendar)
    (date(2026, 8, 29), False),   # an ordinary Saturday
])
def test_the_seeded_swaps(calendar, day, working):
    assert is_working_day(day) is working


def test_the_2026_ceremony_deadline_counts_the_saturday_worked(calendar):
    assert add_working_days(date(2026, 8, 10), 30) == date(2026, 9, 23)


def test_around_30_april_2025(calendar):
    # 30/4 and 1/5 holidays, 2/5 off, Saturday 26/4 worked.
    assert add_working_days(date(2025, 4, 24), 2) == date(2025, 4, 26)
    assert add_working_days(date(2025, 4, 28), 2) == date(2025, 5, 5)


def test_an_installation_adds_next_years_swap_on_the_screen(calendar, make, login_as, db):
    admin = login_as(make.user("admin", None))
    admin.refresh_token(admin.get("/admin/calendar/new/").get_data(as_text=True))
    refused = admin.post("/admin/calendar/new/", data={"day": "03/05/2027", "working": "y"})
    assert "thứ Bảy hoặc Chủ nhật" in refused.get_data(as_text=True)
    response = admin.post("/admin/calendar/new/", data={"day": "08/05/2027", "working": "y",
                                                         "note": "Làm bù cho 03/05/2027"})
    assert response.status_code == 302
    assert db.session.query(CalendarChange).filter_by(day=date(2027, 5, 8)).one().working
    reader = login_as(make.user("viewer", make.org("Tỉnh")))
    assert "08/05/2027" in reader.get("/admin/calendar/").get_data(as_text=True)
    assert reader.get("/admin/calendar/new/").status_code in (302, 403)


def test_the_ceremony_counts_from_the_day_the_branch_received_the_decision(branch, db):
    rules = Rules()
    assert ceremony_due(date(2026, 8, 10), None, rules) == date(2026, 9, 23)
    assert ceremony_due(date(2026, 8, 10), date(2026, 8, 14), rules) > date(2026, 9, 23)

    from devparty_admin.models import Act
    from devparty_admin.testing.workflow import vote
    from devparty_admin.workflow.transitions import TransitionRefused, move

    move(branch.candidate, "proposed", actor=branch.branch_user,
         act=vote(branch.unit, day=date(2026, 7, 20)))
    move(branch.candidate, "admitted", actor=branch.committee_user,
         act=Act(kind="admission_decision", number="45-QĐ/ĐU", act_date=date(2026, 8, 10),
                 organization_id=branch.committee_unit.id))
    db.session.commit()
    with pytest.raises(TransitionRefused) as refused:  # 24/09: one working day late
        move(branch.candidate, "probationary", actor=branch.branch_user,
             effective_on=date(2026, 9, 24))
    assert any("23/09/2026" in r for r in refused.value.reasons)
    db.session.rollback()
    db.session.add(DossierItem(candidate=branch.candidate, form_code="9-KND", status="done",
                               item_date=date(2026, 8, 10), received_on=date(2026, 8, 14)))
    db.session.commit()  # received four days later: the 30 working days run from then
    move(branch.candidate, "probationary", actor=branch.branch_user, effective_on=date(2026, 9, 24))
