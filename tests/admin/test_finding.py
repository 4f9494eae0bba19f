"""Finding people, units and classes as office workers type: any word of a name, no accents
needed, a unit's code, and the only unit already chosen."""
import json
import re
from datetime import date

import pytest

from devparty_admin.admin import counting, search
from devparty_admin.models import TrainingClass


@pytest.fixture(params=["read whole", "read in order"])
def ranges_read(request, monkeypatch):
    """A search's name ranges are read whole below ``HEAD_FROM`` matches and in list order
    from their head index above it: both ways must list the same people in the same order."""
    if request.param == "read in order":
        monkeypatch.setattr(search, "HEAD_FROM", 1)
    return request.param


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


def _listed(html: str) -> list[str]:
    return [n.strip() for n in re.findall(r'<td class="col-full_name">\s*(.*?)\s*</td>', html, re.S)]


def _total(html: str) -> str:
    """The list's count, shown on its tab: "Danh sách (6)"."""
    return re.search(r'class="nav-link active">[^<(]*\(([^)]*)\)</a>', html).group(1)


def test_a_province_search_lists_each_match_once_in_name_order_within_its_scope(
        make, login_as, db, ranges_read):
    """A wide scope pages a search inside the name indexes: a person found by two words is
    listed once, the order is the list's (given name first, Vietnamese letters), and people
    outside the subtree stay out, for a province among others as for the whole tree."""
    province = make.org("Tỉnh ủy Bắc Ninh")
    branch = make.org("Chi bộ 01", parent=province)
    elsewhere = make.org("Chi bộ Tỉnh khác", parent=make.org("Tỉnh ủy Lạng Sơn"))
    names = ["Nguyễn Lan Anh", "Trần Thị Lan", "Lê Lan Lan", "Lan Văn Hùng", "Phạm Văn Lân",
             "Đỗ Thị Lành", "Hoàng Văn Nam", "Lã Thị Lam", "Vũ Lam Hà"]
    for name in names:
        make.candidate(branch, full_name=name)
    make.candidate(elsewhere, full_name="Võ Thị Lan")
    expected = ["Nguyễn Lan Anh", "Lan Văn Hùng", "Lê Lan Lan", "Trần Thị Lan", "Đỗ Thị Lành",
                "Phạm Văn Lân"]
    province_user = login_as(make.user("committee", province))
    page = province_user.get("/admin/candidate/?search=lan").get_data(as_text=True)
    assert _listed(page) == expected and _total(page) == "6"
    everyone = login_as(make.user("admin", None))
    listed = _listed(everyone.get("/admin/candidate/?search=lan").get_data(as_text=True))
    assert listed == ["Nguyễn Lan Anh", "Lan Văn Hùng", "Lê Lan Lan", "Trần Thị Lan",
                      "Võ Thị Lan", "Đỗ Thị Lành", "Phạm Văn Lân"]
    # Pages follow on from each other, and a sort or filter chosen by the user still applies.
    first = _listed(everyone.get("/admin/candidate/?search=lan&page_size=20").get_data(
        as_text=True))
    assert first == listed
    by_name = everyone.get("/admin/candidate/?search=lan&sort=0&desc=1").get_data(as_text=True)
    assert _listed(by_name) == listed[::-1]


def test_a_search_pages_through_many_matches_in_order(make, login_as, db, ranges_read):
    unit = make.org("Đảng bộ tỉnh")
    branch = make.org("Chi bộ 01", parent=unit)
    people = [f"Nguyễn {middle} Hà" for middle in ("Thu", "Thanh", "Minh", "Ngọc", "Bích",
                                                     "Hồng", "Mai", "Lan", "Kim", "Diệu",
                                                     "Phương", "Thúy", "Quỳnh", "Hải", "Vân",
                                                     "Tuyết", "Hạnh", "Hoa", "Yến", "Xuân",
                                                     "An", "Bảo")]
    for name in people:
        make.candidate(branch, full_name=name)
    session = login_as(make.user("committee", unit))
    pages = [_listed(session.get(f"/admin/candidate/?search=nguyen&page_size=20&page={n}")
                     .get_data(as_text=True)) for n in (0, 1)]
    assert [len(page) for page in pages] == [20, 2]
    everything = pages[0] + pages[1]
    assert sorted(everything) == sorted(people) and len(set(everything)) == 22
    one_list = _listed(session.get("/admin/candidate/?page_size=50").get_data(as_text=True))
    assert everything == one_list  # the same order as the unsearched list


def test_a_name_changed_in_its_tones_only_is_found_once(make, login_as, db, ranges_read):
    unit = make.org("Đảng bộ tỉnh")
    person = make.candidate(make.org("Chi bộ 01", parent=unit), full_name="Lê Lân Lân")
    person.full_name = "Lê Lan Lân"
    db.session.commit()
    session = login_as(make.user("committee", unit))
    page = session.get("/admin/candidate/?search=lan").get_data(as_text=True)
    assert _listed(page) == ["Lê Lan Lân"] and _total(page) == "1"


def test_a_long_list_or_search_is_counted_only_up_to_the_cap(make, login_as, db, monkeypatch,
                                                            ranges_read):
    """Past the cap the tab says "hơn …": whether one word's range alone passes it (four given
    names "Lan") or only the matches of several together do (two given, two middle)."""
    monkeypatch.setattr(counting, "COUNT_CAP", 3)
    unit = make.org("Đảng bộ tỉnh")
    branch = make.org("Chi bộ 01", parent=unit)
    for name in ("Trần Thị Lan", "Lê Thị Lan", "Phạm Lan Anh", "Vũ Lan Chi", "Đỗ Văn Hùng"):
        make.candidate(branch, full_name=name)
    session = login_as(make.user("committee", unit))

    def total(url):
        return _total(session.get(url).get_data(as_text=True))

    assert total("/admin/candidate/?search=lan") == "hơn 3"
    assert total("/admin/candidate/?search=hung") == "1"
    assert total("/admin/candidate/") == "hơn 3"
    for name in ("Hoàng Thị Lan", "Bùi Thị Lan"):
        make.candidate(branch, full_name=name)
    assert total("/admin/candidate/?search=lan") == "hơn 3"
    assert total("/admin/candidate/?search=thi+lan") == "hơn 3"
    page = session.get("/admin/candidate/?search=lan&page_size=20&page=0").get_data(as_text=True)
    assert len(_listed(page)) == 6


def test_a_page_tells_the_total_even_past_the_last_page(make, login_as, db, count_queries):
    """A page's total is read with its rows, in one statement after the user's; a page
    past the last has no rows to read it from, and says the total all the same."""
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ tỉnh"))
    for name in ("Trần Thị Lan", "Lê Thị Lan", "Phạm Văn Hùng"):
        make.candidate(unit, full_name=name)
    for user in (make.user("committee", unit), make.user("committee", unit.parent)):
        session = login_as(user)
        session.get("/admin/candidate/")  # what the process keeps per unit (scoping) is read
        for address, total, listed in (("/admin/candidate/?page_size=20", "3", 3),
                                       ("/admin/candidate/?page_size=20&page=4", "3", 0),
                                       ("/admin/candidate/?search=lan&sort=0", "2", 2),
                                       ("/admin/candidate/?search=lan&page=1", "2", 0)):
            with count_queries() as counter:
                page = session.get(address).get_data(as_text=True)
            assert _total(page) == total and len(_listed(page)) == listed
            assert counter.count == (2 if listed else 3)
        nobody = session.get("/admin/candidate/?search=khong+ai").get_data(as_text=True)
        assert 'class="nav-link active">Danh sách</a>' in nobody
