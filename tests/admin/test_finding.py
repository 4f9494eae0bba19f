"""Finding people, units and classes as office workers type: any word of a name, no accents
needed, a unit's code, and the only unit already chosen."""
import json
from datetime import date

from devparty_admin.models import TrainingClass


def _lookup(session, url):
    return [label for _id, label in json.loads(session.get(url).get_data(as_text=True))]


def test_a_person_is_found_by_any_word_of_the_name(make, login_as, db):
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ Sở Tư pháp"))
    for name in ("Nguyễn Thành An", "Nguyễn Thị Thanh Hương", "Trần Văn Bình", "Thạch Sơn"):
        make.candidate(unit, full_name=name)
    session = login_as(make.user("branch", unit))

    def found(term):
        page = session.get(f"/admin/candidate/?search={term}").get_data(as_text=True)
        return sorted(n for n in ("Nguyễn Thành An", "Nguyễn Thị Thanh Hương", "Trần Văn Bình",
                                  "Thạch Sơn") if n in page)

    assert found("thanh") == ["Nguyễn Thành An", "Nguyễn Thị Thanh Hương"]
    assert found("thanh huong") == ["Nguyễn Thị Thanh Hương"]
    assert found("van") == ["Trần Văn Bình"]
    assert found("nguyen thi") == ["Nguyễn Thị Thanh Hương"]
    assert found("son") == ["Thạch Sơn"]
    assert found("Hương") == ["Nguyễn Thị Thanh Hương"]
    picked = _lookup(session, "/admin/sponsor/ajax/lookup/?name=candidate&query=thanh")
    assert sorted(picked) == ["Nguyễn Thành An", "Nguyễn Thị Thanh Hương"]


def test_a_renamed_person_is_found_by_the_new_name_only(make, login_as, db):
    unit = make.org("Chi bộ 01")
    person = make.candidate(unit, full_name="Lê Văn Tám")
    person.full_name = "Lê Minh Tám"
    db.session.commit()
    session = login_as(make.user("branch", unit))
    assert "Lê Minh Tám" in session.get("/admin/candidate/?search=minh").get_data(as_text=True)
    assert "Lê Minh Tám" not in session.get("/admin/candidate/?search=van").get_data(as_text=True)


def test_units_are_found_by_code_and_any_part_of_the_name(make, login_as, db):
    committee = make.org("Đảng bộ Sở Tư pháp", code="STP")
    make.org("Chi bộ 01", parent=committee, code="STP-01")
    make.org("Chi bộ Văn phòng", parent=committee, code="STP-VP")
    session = login_as(make.user("committee", committee))
    url = "/admin/candidate/ajax/lookup/?name=organization&query="
    assert sorted(_lookup(session, url + "stp")) == ["Chi bộ 01", "Chi bộ Văn phòng",
                                                     "Đảng bộ Sở Tư pháp"]
    assert _lookup(session, url + "01") == ["Chi bộ 01"]
    assert _lookup(session, url + "van phong") == ["Chi bộ Văn phòng"]
    listed = session.get("/admin/organization/?search=stp-vp").get_data(as_text=True)
    assert "Chi bộ Văn phòng" in listed and "Chi bộ 01" not in listed


def test_classes_are_found_without_accents(make, login_as, db):
    unit = make.org("Chi bộ 01")
    db.session.add(TrainingClass(kind="awareness", name="Lớp bồi dưỡng nhận thức về Đảng 11/2026",
                                 organization=unit, start_date=date(2026, 11, 2),
                                 end_date=date(2026, 11, 6)))
    db.session.commit()
    session = login_as(make.user("branch", unit))
    url = "/admin/enrollment/ajax/lookup/?name=training_class&query="
    assert len(_lookup(session, url + "nhan thuc")) == 1
    assert len(_lookup(session, url + "lop")) == 1
    assert "11/2026" in session.get("/admin/training_class/?search=nhan+thuc").get_data(
        as_text=True)


def test_a_branch_finds_its_only_unit_already_chosen(make, login_as, db):
    committee = make.org("Đảng bộ Sở Tư pháp")
    unit = make.org("Chi bộ 01", parent=committee)
    make.org("Chi bộ 02", parent=committee)
    form = login_as(make.user("branch", unit)).get("/admin/candidate/new/").get_data(as_text=True)
    assert f'name="organization" type="hidden" value="{unit.id}"' in form
    form = login_as(make.user("committee", committee)).get("/admin/candidate/new/").get_data(
        as_text=True)
    assert 'name="organization" type="hidden">' in form


def test_pickers_honour_their_filters_for_the_list_and_the_chosen_id(make, login_as, db):
    unit = make.org("Chi bộ 01")
    official = make.member(unit, full_name="Lê Văn Chính", status="official")
    probationary = make.member(unit, full_name="Lê Văn Dự", status="probationary")
    person = make.candidate(unit, full_name="Quần Chúng A")
    session = login_as(make.user("branch", unit))
    assert _lookup(session, "/admin/sponsor/ajax/lookup/?name=member&query=le+van") == [
        "Lê Văn Chính"]
    page = session.get("/admin/sponsor/new/").get_data(as_text=True)
    session.refresh_token(page)
    response = session.post("/admin/sponsor/new/", data={
        "candidate": str(person.id), "member": str(probationary.id), "role": "helper",
        "known_since": "01/01/2024"})
    assert response.status_code == 200  # refused: not among the choices
    from devparty_admin.models import Sponsor
    assert db.session.query(Sponsor).count() == 0
    assert official.id
