import re

import pytest

from devparty_admin.models import Organization


@pytest.fixture
def admin(make, login_as):
    session = login_as(make.user("admin", None))
    session.refresh_token(session.get("/admin/organization/").get_data(as_text=True))
    return session


def _rows(html: str) -> list[tuple[float, str]]:
    """(indent in em, name) for each row of the organization list, in display order."""
    return [(float(indent), name) for indent, name in
            re.findall(r'<span class="d-inline-block" style="padding-left:([\d.]+)em">(.*?)</span>', html)]


def test_tree_order_indentation_and_subtree_counts(make, admin):
    province = make.org("Đảng bộ tỉnh")
    justice = make.org("Đảng bộ Sở Tư pháp", parent=province)
    branch = make.org("Chi bộ 01", parent=justice)
    police = make.org("Đảng bộ Công an tỉnh", parent=province)
    for name in ("Lê Văn Một", "Lê Văn Hai"):
        make.member(branch, full_name=name)
    make.candidate(branch)
    make.member(police, full_name="Trần Văn Ba")
    html = admin.get("/admin/organization/").get_data(as_text=True)
    assert _rows(html) == [(0.0, "Đảng bộ tỉnh"), (1.5, "Đảng bộ Sở Tư pháp"), (3.0, "Chi bộ 01"),
                           (1.5, "Đảng bộ Công an tỉnh")]
    counts = re.findall(r'<td class="col-member_total">\s*(\d+)\s*</td>\s*'
                        r'<td class="col-candidate_total">\s*(\d+)\s*</td>', html)
    assert counts == [("3", "1"), ("2", "1"), ("2", "1"), ("1", "0")]


def test_create_and_move_an_organization(make, admin, db):
    province = make.org("Đảng bộ tỉnh")
    a = make.org("Đảng bộ A", parent=province)
    b = make.org("Đảng bộ B", parent=province)
    response = admin.post("/admin/organization/new/", data={
        "name": "Chi bộ mới", "code": "CB-MOI", "level": "Chi bộ", "parent": str(a.id),
        "staff_count": "12", "active": "y"})
    assert response.status_code == 302
    created = db.session.query(Organization).filter_by(code="CB-MOI").one()
    assert created.path == f"{a.path}{created.id:07d}/"
    admin.post(f"/admin/organization/edit/?id={created.id}", data={
        "name": "Chi bộ mới", "code": "CB-MOI", "level": "Chi bộ", "parent": str(b.id)})
    db.session.expire_all()
    assert db.session.get(Organization, created.id).path == f"{b.path}{created.id:07d}/"


def test_moving_under_own_descendant_is_refused_with_a_message(make, admin, db):
    province = make.org("Đảng bộ tỉnh")
    child = make.org("Chi bộ con", parent=province)
    response = admin.post(f"/admin/organization/edit/?id={province.id}",
                          data={"name": "Đảng bộ tỉnh", "parent": str(child.id)}, follow_redirects=True)
    assert "Không thể chuyển một tổ chức vào chính nó" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Organization, province.id).parent_id is None


def test_deleting_a_unit_that_still_has_people_is_refused(make, admin, db):
    unit = make.org("Chi bộ 01")
    make.candidate(unit)
    response = admin.post("/admin/organization/delete/", data={"id": str(unit.id)},
                          follow_redirects=True)
    assert "còn đơn vị trực thuộc, quần chúng hoặc đảng viên" in response.get_data(as_text=True)
    assert db.session.get(Organization, unit.id) is not None


@pytest.mark.parametrize("data,message", [
    ({"name": ""}, "Vui lòng nhập tên tổ chức."),
    ({"name": "X", "staff_count": "-1"}, "Số phải nằm trong khoảng 0 đến 1000000."),
    ({"name": "X", "staff_count": "mười"}, "Phải là số nguyên."),
    ({"name": "X" * 201}, "Không được dài quá 200 ký tự."),
])
def test_bad_organization_input(admin, db, data, message):
    response = admin.post("/admin/organization/new/", data=data)
    assert message in response.get_data(as_text=True)
    assert db.session.query(Organization).count() == 0


def test_duplicate_code_gives_a_message_not_a_500(make, admin, db):
    make.org("Chi bộ 01", code="CB01")
    response = admin.post("/admin/organization/new/", data={"name": "Chi bộ khác", "code": "CB01"})
    assert response.status_code == 200
    assert "Mã tổ chức này đã được dùng." in response.get_data(as_text=True)
    assert db.session.query(Organization).count() == 1


def test_indentation_starts_at_the_users_own_unit(make, login_as):
    province = make.org("Đảng bộ tỉnh")
    police = make.org("Đảng bộ Công an tỉnh", parent=province)
    make.org("Chi bộ Phòng Tham mưu", parent=police)
    html = login_as(make.user("committee", police)).get("/admin/organization/").get_data(as_text=True)
    assert _rows(html) == [(0.0, "Đảng bộ Công an tỉnh"), (1.5, "Chi bộ Phòng Tham mưu")]
