"""The data health report: each kind of wrong record found in the unit's subtree only, linked
to where it is fixed."""
from __future__ import annotations

import re
from datetime import date

from devparty_admin.models import StageEvent


def test_each_problem_is_listed_with_its_link(make, login_as, db):
    province = make.org("Tỉnh")
    unit = make.org("Chi bộ 01", parent=province)
    other = make.org("Chi bộ 02", parent=province)
    no_id = make.candidate(unit, full_name="Không Có Căn Cước", national_id=None)
    make.candidate(unit, full_name="Trùng Tên", date_of_birth=date(1990, 1, 1))
    make.candidate(unit, full_name="Trung Ten", date_of_birth=date(1990, 1, 1))
    make.candidate(unit, full_name="Sinh Năm 1900", date_of_birth=date(1900, 1, 1))
    backwards = make.candidate(unit, full_name="Ngược Thứ Tự", stage="trained")
    db.session.add_all([
        StageEvent(candidate=backwards, from_stage="source", to_stage="sympathizer",
                   effective_on=date(2025, 3, 1)),
        StageEvent(candidate=backwards, from_stage="sympathizer", to_stage="trained",
                   effective_on=date(2020, 1, 1))])
    lingering = make.candidate(unit, full_name="Chờ Quá Lâu", stage="proposed")
    db.session.add(StageEvent(candidate=lingering, from_stage="dossier", to_stage="proposed",
                              effective_on=date(2024, 1, 5)))
    make.member(unit, full_name="Thiếu Ngày Kết Nạp", status="official")
    make.candidate(other, full_name="Ngoài Đơn Vị", national_id=None)
    db.session.commit()
    session = login_as(make.user("branch", unit))
    html = session.get("/admin/reports/health").get_data(as_text=True)
    listing = re.search(r'id="table-health"(.*?)</table>', html, re.S).group(1)
    for name in ("Không Có Căn Cước", "Trùng Tên", "Trung Ten", "Sinh Năm 1900", "Ngược Thứ Tự",
                 "Chờ Quá Lâu", "Thiếu Ngày Kết Nạp"):
        assert name in listing, name
    assert "Ngoài Đơn Vị" not in listing
    assert f"/admin/candidate/edit/?id={no_id.id}" in listing
    assert f"/admin/candidate/details/?id={backwards.id}" in listing
    summary = re.search(r'id="table-health_summary"(.*?)</table>', html, re.S).group(1)
    assert "Không có số CCCD" in summary


def test_every_problem_is_counted_and_the_longest_held_listed_first(make, login_as, db,
                                                                    monkeypatch):
    """Past the rows listed, a kind of problem is still counted in full; the stages held too
    long are listed from the longest held, and only the subtree's records count."""
    from devparty_admin.reports import health

    monkeypatch.setattr(health, "SHOWN", 2)
    province = make.org("Tỉnh")
    unit = make.org("Chi bộ 01", parent=province)
    other = make.org("Chi bộ 02", parent=province)
    for unit_of, name, day in ((unit, "Chờ Từ 2023", date(2023, 2, 1)),
                               (unit, "Chờ Từ 2021", date(2021, 2, 1)),
                               (unit, "Chờ Từ 2022", date(2022, 2, 1)),
                               (other, "Chờ Ở Đơn Vị Khác", date(2020, 2, 1))):
        waiting = make.candidate(unit_of, full_name=name, stage="proposed")
        db.session.add(StageEvent(candidate=waiting, from_stage="dossier", to_stage="proposed",
                                  effective_on=day))
    make.candidate(unit, full_name="Sinh Năm 2020", date_of_birth=date(2020, 6, 1))
    make.candidate(other, full_name="Sinh Năm 1890", date_of_birth=date(1890, 6, 1))
    db.session.commit()
    html = login_as(make.user("branch", unit)).get("/admin/reports/health").get_data(as_text=True)
    summary = re.search(r'id="table-health_summary"(.*?)</table>', html, re.S).group(1)
    counts = dict(re.findall(r"<td[^>]*>\s*([^<]+?)\s*</td>\s*<td[^>]*>\s*(?:<a[^>]*>)?\s*(\d+)",
                             summary))
    assert counts["Ở một giai đoạn quá lâu"] == "3" and counts["Tuổi không hợp lý"] == "1"
    listing = re.search(r'id="table-health"(.*?)</table>', html, re.S).group(1)
    assert re.findall(r"Chờ Từ \d+", listing) == ["Chờ Từ 2021", "Chờ Từ 2022"]
    assert "Sinh Năm 2020" in listing
    assert "Đơn Vị Khác" not in listing and "1890" not in listing
    # each row's message in the user's language, with its own stage, day and age
    assert f"Ở giai đoạn “Đã đề nghị kết nạp” từ 01/02/2021 ({(date.today() - date(2021, 2, 1)).days} " \
           "ngày)" in listing
    assert "Ngày sinh 01/06/2020: hãy kiểm tra lại năm sinh." in listing
    # the same statements, kept, then read the other chi bộ's records only
    html = login_as(make.user("branch", other)).get("/admin/reports/health").get_data(as_text=True)
    listing = re.search(r'id="table-health"(.*?)</table>', html, re.S).group(1)
    assert "Chờ Ở Đơn Vị Khác" in listing and "Sinh Năm 1890" in listing
    assert "Chờ Từ" not in listing and "Sinh Năm 2020" not in listing
