import re

import pytest

from devparty_admin.security import scoping


@pytest.mark.parametrize("ratio", [100, 0], ids=["wide", "narrow"])
def test_home_shows_counts_by_stage_for_the_subtree(make, login_as, monkeypatch, ratio):
    """Stages, a stage no release knows and the members, counted in the user's subtree only,
    however wide it is (``NARROW_RATIO`` 0: every subtree is narrow)."""
    monkeypatch.setattr(scoping, "NARROW_RATIO", ratio)
    root = make.org("Đảng bộ tỉnh")
    mine = make.org("Đảng bộ Sở Tư pháp", parent=root)
    branch = make.org("Chi bộ 01", parent=mine)
    other = make.org("Đảng bộ khác", parent=root)
    for stage in ("source", "source", "sympathizer", "official"):
        make.candidate(branch, stage=stage)
    make.candidate(branch, stage="transferred_out")  # a stage a plugin once recorded
    make.candidate(other, stage="sympathizer")
    make.member(branch)
    make.member(other)
    html = login_as(make.user("committee", mine)).get("/admin/").get_data(as_text=True)
    counts = dict(re.findall(r'data-stage="(\w+)">.*?<td class="text-right">(\d+)</td>', html, re.S))
    assert counts["source"] == "2" and counts["sympathizer"] == "1" and counts["official"] == "1"
    assert counts["proposed"] == "0"
    assert counts["transferred_out"] == "1"
    assert re.search(r'id="candidate-total">5<', html) and re.search(r'id="member-total">1<', html)
    assert "Quần chúng ưu tú (nguồn)" in html and "Đảng bộ Sở Tư pháp" in html
    # The unit beside, of the same shape, is counted by the same kept statement with its path.
    theirs = login_as(make.user("committee", other)).get("/admin/").get_data(as_text=True)
    assert re.search(r'id="candidate-total">1<', theirs)
    assert re.search(r'id="member-total">1<', theirs)


def test_a_target_set_by_one_unit_is_set_against_that_unit_only(make, login_as, db):
    from datetime import date

    from devparty_admin.models import Plan
    from tests.reports.conftest import admit

    province = make.org("Đảng bộ tỉnh")
    planned, unplanned = (make.org(name, parent=province) for name in ("Đảng bộ A", "Đảng bộ B"))
    year = date.today().year
    for unit, count in ((planned, 2), (unplanned, 8)):
        for i in range(count):
            admit(db, make.candidate(unit, full_name=f"Người {unit.name} {i}"), date(year, 1, 2))
    db.session.add(Plan(organization_id=planned.id, year=year, target_admissions=2))
    db.session.commit()
    html = login_as(make.user("committee", province)).get("/admin/").get_data(as_text=True)
    assert re.search(r'id="admitted-total">10\b', html)
    plan = re.search(r'id="admitted-plan">([^<]*)<', html).group(1)
    assert "2 / 2 · 100,0%" in plan and "có kế hoạch" in plan
    assert "500" not in html


def test_a_units_own_target_is_met_by_this_years_admissions(make, login_as, db):
    """The unit's own plan is compared with the year's admissions, the same that the month
    chart counts (read once for both): last year's are not counted."""
    from datetime import date

    from devparty_admin.models import Plan
    from tests.reports.conftest import admit

    unit = make.org("Đảng bộ A", parent=make.org("Đảng bộ tỉnh"))
    year = date.today().year
    for i, day in enumerate([date(year, 1, 2)] * 3 + [date(year - 1, 12, 30)]):
        admit(db, make.candidate(unit, full_name=f"Người {i}"), day)
    db.session.add(Plan(organization_id=unit.id, year=year, target_admissions=4))
    db.session.commit()
    html = login_as(make.user("committee", unit)).get("/admin/").get_data(as_text=True)
    total = re.search(r'id="admitted-total">(.*?)</div>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>|\s+", " ", total).split() == ["3", "/", "4", "·", "75,0%"]
    assert 'id="admitted-plan"' not in html
