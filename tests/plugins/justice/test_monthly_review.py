"""Justice branches review their sympathizers every month; a month without the review is an
alert until it is recorded."""
from __future__ import annotations

from datetime import date

import pytest

from devparty_admin.testing.workflow import in_sector


@pytest.fixture
def justice(branch, db):
    branch.candidate.stage = "sympathizer"
    return in_sector(branch, db, "justice")


def _review_alerts(session) -> list[str]:
    html = session.get("/admin/alerts/").get_data(as_text=True)
    import re
    return re.findall(r'data-kind="justice_monthly_review">\s*<td>(.*?)</td>', html, re.S)


def test_a_month_without_the_review_is_an_alert_until_recorded(justice, login_as, db):
    session = login_as(justice.committee_user)
    assert _review_alerts(session) == ["Chi bộ 01"]
    home = session.get("/admin/").get_data(as_text=True)
    assert "Chưa họp xem xét cảm tình Đảng tháng" in home
    secretary = login_as(justice.branch_user)
    secretary.refresh_token(secretary.get("/admin/justice_review/new/").get_data(as_text=True))
    last_month = (date.today().replace(day=1) - date.resolution).replace(day=10)
    response = secretary.post("/admin/justice_review/new/", data={
        "organization": str(justice.unit.id), "reviewed_on": last_month.strftime("%d/%m/%Y"),
        "note": "Đánh giá 2 cảm tình Đảng"})
    assert response.status_code == 302
    assert _review_alerts(session) == []
    # The same month twice is refused with a message, not an error page.
    again = secretary.post("/admin/justice_review/new/", data={
        "organization": str(justice.unit.id), "reviewed_on": last_month.strftime("%d/%m/%Y")})
    assert "trùng" in again.get_data(as_text=True)


def test_no_alert_without_sympathizers_outside_the_sector_or_while_disabled(justice, login_as, db):
    from devparty_admin.plugins import plugins
    session = login_as(justice.committee_user)
    justice.candidate.stage = "proposed"
    db.session.commit()
    assert _review_alerts(session) == []
    justice.candidate.stage = "sympathizer"
    justice.unit.sector = None
    db.session.commit()
    assert _review_alerts(session) == []
    justice.unit.sector = "justice"
    plugins().set_enabled("justice", False)
    db.session.commit()
    assert _review_alerts(session) == []
    assert login_as(justice.branch_user).get("/admin/justice_review/").status_code == 403
