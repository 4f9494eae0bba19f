"""A narrow subtree (a chi bộ among thousands) is read differently from a wide one — its own
people one by one, its dates kept off SQLite's index choice — and must read the same figures.
The small test tree makes every subtree wide; here the threshold is raised so that the same
pages are also read the narrow way, and compared."""
from __future__ import annotations

import re

from devparty_admin.security import scoping

REPORTS = ["admissions", "funnel", "members", "new_members", "plan", "inactive", "health"]
PERIODS = ["start=01/01/2020&end=31/12/2021", "start=01/01/2021&end=31/12/2021",
           "start=31/12/2020&end=31/12/2020"]
SEARCHES = ["", "search=nguyen", "search=van", "search=an"]


def _pages(session) -> dict:
    """Every report's tables for each period and the candidate list's names for each search."""
    pages = {}
    for code in REPORTS:
        for period in PERIODS:
            html = session.get(f"/admin/reports/{code}?{period}").get_data(as_text=True)
            pages[code, period] = re.findall(r'<table.*?</table>', html, re.S)
    for search in SEARCHES:
        html = session.get(f"/admin/candidate/?{search}").get_data(as_text=True)
        pages["list", search] = re.findall(r'<td class="col-full_name">(.*?)</td>', html)
    return pages


def test_a_narrow_subtree_reads_the_same_reports_and_lists(dataset, login_as, monkeypatch):
    session = login_as(dataset.committee_user)
    wide = _pages(session)
    assert any(wide["list", search] for search in SEARCHES[1:])
    assert "2021" in "".join(wide["admissions", PERIODS[1]])
    monkeypatch.setattr(scoping, "NARROW_RATIO", 0)  # every subtree is narrow now
    assert _pages(session) == wide
