"""Each sector's candidates with its plugin's fields as list columns and filters; sectors read
by their labels in the organization list and form."""
from __future__ import annotations

import re

from devparty_admin.plugins import plugins
from devparty_admin.testing.workflow import in_sector


def _names(html: str) -> list[str]:
    return sorted(re.findall(r'<td class="col-full_name">\s*<a[^>]*>(.*?)</a>', html, re.S))


def test_police_list_shows_police_columns_and_filters_by_rank(branch, make, login_as, db):
    from plugins.police.models import PoliceProfile
    police = in_sector(branch, db, "police")
    db.session.add(PoliceProfile(candidate=police.candidate, rank="Thượng úy", service_type="officer"))
    other = make.candidate(police.unit, full_name="Trần Văn Nghĩa Vụ")
    db.session.add(PoliceProfile(candidate=other, rank="Binh nhất", service_type="conscript"))
    make.candidate(police.sibling, full_name="Ngoài Ngành")  # the sibling has no sector
    db.session.commit()
    session = login_as(police.committee_user)
    html = session.get("/admin/candidate_police/").get_data(as_text=True)
    assert _names(html) == ["Trần Văn Nghĩa Vụ", "Ứng Viên Mẫu"]
    assert "Cấp bậc hàm" in html and "Thượng úy" in html and "Hạ sĩ quan, chiến sĩ nghĩa vụ" in html
    groups = re.search(r'id="filter-groups-data"[^>]*>(.*?)</div>', html, re.S).group(1)
    rank_filter = re.search(r'"C\\u1ea5p b\\u1eadc h\\u00e0m": \[\{"arg": "(\w+)"', groups).group(1)
    filtered = session.get(f"/admin/candidate_police/?flt0_{rank_filter}=Binh+nh%E1%BA%A5t")
    assert _names(filtered.get_data(as_text=True)) == ["Trần Văn Nghĩa Vụ"]
    # A search keeps to the sector: "ng" also starts "Ngoài Ngành", of the sibling unit.
    searched = session.get("/admin/candidate_police/?search=ng").get_data(as_text=True)
    assert _names(searched) == ["Trần Văn Nghĩa Vụ"]
    # Read-only: the candidate screen edits them; the name opens the candidate.
    assert f"/admin/candidate/details/?id={other.id}" in html
    assert session.get("/admin/candidate_police/new/").status_code in (302, 403)


def test_sector_lists_hide_for_other_sectors_and_while_disabled(branch, make, login_as, db):
    police = in_sector(branch, db, "police")
    plugins().set_enabled("justice", True)
    justice_unit = make.org("Chi bộ Tư pháp", parent=police.province, sector="justice")
    justice_user = login_as(make.user("committee", justice_unit))
    assert justice_user.get("/admin/candidate_police/").status_code == 403
    assert justice_user.get("/admin/candidate_justice/").status_code == 200
    plugins().set_enabled("police", False)
    db.session.commit()
    page = login_as(police.committee_user).get("/admin/candidate_police/")
    assert page.status_code == 403
    assert "Mô-đun Công an đang tắt hoặc đã được gỡ" in page.get_data(as_text=True)


def test_sector_list_queries_do_not_grow_with_the_page(branch, make, login_as, db, count_queries):
    from plugins.police.models import PoliceProfile
    police = in_sector(branch, db, "police")
    session = login_as(police.committee_user)
    session.get("/admin/candidate_police/")

    def cost() -> int:
        with count_queries() as counter:
            assert session.get("/admin/candidate_police/").status_code == 200
        return counter.count

    few = cost()
    for i in range(30):
        person = make.candidate(police.unit, full_name=f"Chiến Sĩ Số {i}")
        db.session.add(PoliceProfile(candidate=person, rank="Trung úy"))
    db.session.commit()
    assert cost() == few


def test_sectors_read_by_their_labels(branch, make, login_as, db):
    police = in_sector(branch, db, "police")
    admin = login_as(make.user("admin", None))
    html = admin.get("/admin/organization/").get_data(as_text=True)
    assert re.search(r'<td class="col-sector">\s*Công an\s*</td>', html)
    form = admin.get(f"/admin/organization/edit/?id={police.unit.id}").get_data(as_text=True)
    assert re.search(r'<option selected value="police">Công an</option>', form)
    assert '<option value="justice">Tư pháp</option>' in form


def test_a_plugins_screens_are_not_offered_to_another_sector(branch, make, login_as, db):
    police = in_sector(branch, db, "police")
    plugins().set_enabled("justice", True)
    db.session.commit()
    justice_unit = make.org("Chi bộ Tư pháp", parent=police.province, sector="justice")
    justice_user = login_as(make.user("committee", justice_unit))
    assert justice_user.get("/admin/police_vetting/").status_code == 403
    assert "/admin/police_vetting/" not in justice_user.get("/admin/").get_data(as_text=True)
    assert justice_user.get("/admin/justice_review/").status_code == 200
    assert login_as(police.committee_user).get("/admin/police_vetting/").status_code == 200
    province_viewer = login_as(make.user("viewer", police.province))
    assert province_viewer.get("/admin/police_vetting/").status_code == 200


def test_a_sector_list_exports_plain_text(branch, make, login_as, db):
    import io

    from openpyxl import load_workbook

    from plugins.police.models import PoliceProfile
    police = in_sector(branch, db, "police")
    db.session.add(PoliceProfile(candidate=police.candidate, rank="Thượng úy",
                                 service_type="officer"))
    db.session.commit()
    sheet = load_workbook(io.BytesIO(login_as(police.committee_user).get(
        "/admin/candidate_police/export/xlsx/").data)).active
    row = [cell.value for cell in sheet[2]]
    assert row[0] == "Ứng Viên Mẫu" and "Thượng úy" in row
    assert not any("<" in str(value) for value in row if value is not None)


def test_a_sector_users_candidate_export_has_the_sectors_columns(branch, make, login_as, db,
                                                                  count_queries):
    import io

    from openpyxl import load_workbook

    from plugins.police.models import PoliceProfile
    police = in_sector(branch, db, "police")
    db.session.add(PoliceProfile(candidate=police.candidate, rank="Thượng úy",
                                 service_type="officer"))
    db.session.commit()
    branch_user = login_as(police.branch_user)

    def sheet():
        book = load_workbook(io.BytesIO(branch_user.get("/admin/candidate/export/xlsx/").data))
        return [[cell.value for cell in row] for row in book.active.iter_rows()]

    rows = sheet()
    assert rows[0][-5:] == ["Cấp bậc hàm", "Sĩ quan / nghĩa vụ", "Đơn vị Công an",
                            "Chức vụ trong ngành", "Ngày vào ngành"]
    assert rows[1][0] == "Ứng Viên Mẫu" and rows[1][-5:-3] == ["Thượng úy", "Sĩ quan"]
    with count_queries() as few:
        sheet()
    for i in range(30):
        person = make.candidate(police.unit, full_name=f"Chiến Sĩ {i}")
        db.session.add(PoliceProfile(candidate=person, rank="Binh nhất"))
    db.session.commit()
    with count_queries() as many:
        assert len(sheet()) == 32
    assert many.count == few.count  # the profiles come per batch, not per row
    province = login_as(make.user("committee", police.province))
    book = load_workbook(io.BytesIO(province.get("/admin/candidate/export/xlsx/").data))
    assert "Cấp bậc hàm" not in [cell.value for cell in book.active[1]]  # above sectors
