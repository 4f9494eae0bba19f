import json
import re
from datetime import date, timedelta

import pytest

from devparty_admin.models import Candidate

VALID = {"full_name": "Phạm Thị Hoa", "gender": "female", "date_of_birth": "02/09/1999",
         "national_id": "001199000123"}


@pytest.fixture
def branch(make, login_as):
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ Sở Tư pháp"))
    session = login_as(make.user("branch", unit))
    session.refresh_token(session.get("/admin/candidate/").get_data(as_text=True))
    return unit, session


def _names(html: str) -> list[str]:
    return [n.strip() for n in re.findall(r'<td class="col-full_name">\s*(.*?)\s*</td>', html, re.S)]


def _errors(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", "".join(re.findall(r'invalid-feedback">(.*?)</div>', html, re.S)))


def test_create_a_candidate(branch, db):
    unit, session = branch
    response = session.post("/admin/candidate/new/", data={**VALID, "organization": str(unit.id)})
    assert response.status_code == 302
    created = db.session.query(Candidate).one()
    assert (created.full_name, created.date_of_birth, created.stage) == (
        "Phạm Thị Hoa", date(1999, 9, 2), "source")
    details = session.get(f"/admin/candidate/details/?id={created.id}").get_data(as_text=True)
    assert "02/09/1999" in details and "Quần chúng ưu tú (nguồn)" in details


@pytest.mark.parametrize("field,value,message", [
    ("national_id", "12345", "Số CCCD phải gồm đúng 12 chữ số."),
    ("national_id", "00119900012a", "Số CCCD phải gồm đúng 12 chữ số."),
    ("date_of_birth", (date.today() + timedelta(days=1)).strftime("%d/%m/%Y"),
     "Ngày sinh không được ở tương lai."),
    ("date_of_birth", "31/12/1899",
     "Ngày sinh 31/12/1899 cho thấy người này dưới 14 tuổi hoặc trên 110 tuổi; hãy kiểm tra lại năm sinh."),
    ("date_of_birth", "1999-09-02", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 02/09/1995."),
    ("date_of_birth", "31/02/2000", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 02/09/1995."),
    ("full_name", "   ", "Vui lòng nhập họ và tên."),
    ("full_name", "A" * 201, "Không được dài quá 200 ký tự."),
    ("phone", "0" * 21, "Không được dài quá 20 ký tự."),
    ("organization", "", "Vui lòng chọn một tổ chức đảng thuộc đơn vị của bạn."),
    ("organization", "abc", "Vui lòng chọn một tổ chức đảng thuộc đơn vị của bạn."),
    ("gender", "robot", "Lựa chọn không hợp lệ."),
])
def test_bad_input_is_refused_with_a_vietnamese_message(branch, db, field, value, message):
    unit, session = branch
    data = {**VALID, "organization": str(unit.id), field: value}
    response = session.post("/admin/candidate/new/", data=data)
    assert response.status_code == 200
    assert message in _errors(response.get_data(as_text=True))
    assert db.session.query(Candidate).count() == 0


def test_duplicate_national_id_is_refused_on_create_and_edit(branch, make, db):
    unit, session = branch
    first = make.candidate(unit, national_id="001199000123")
    other = make.candidate(unit, full_name="Lê Văn Tám", national_id="001199000999")
    response = session.post("/admin/candidate/new/", data={**VALID, "organization": str(unit.id)})
    assert "Số CCCD này đã được dùng cho một hồ sơ khác." in _errors(response.get_data(as_text=True))
    response = session.post(f"/admin/candidate/edit/?id={other.id}",
                            data={**VALID, "full_name": other.full_name, "organization": str(unit.id)})
    assert "Số CCCD này đã được dùng cho một hồ sơ khác." in _errors(response.get_data(as_text=True))
    # Saving a record with its own CCCD is fine.
    response = session.post(f"/admin/candidate/edit/?id={first.id}",
                            data={**VALID, "organization": str(unit.id), "opened_version": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, other.id).national_id == "001199000999"


def test_edit_form_shows_dates_as_dd_mm_yyyy(branch, make):
    unit, session = branch
    candidate = make.candidate(unit, date_of_birth=date(2001, 1, 5))
    html = session.get(f"/admin/candidate/edit/?id={candidate.id}").get_data(as_text=True)
    assert 'value="05/01/2001"' in html
    list_html = session.get("/admin/candidate/").get_data(as_text=True)
    assert "05/01/2001" in list_html


def test_search_ignores_accents_and_finds_by_given_name_or_cccd(branch, make):
    unit, session = branch
    make.candidate(unit, full_name="Nguyễn Văn An", national_id="037098001234")
    make.candidate(unit, full_name="Đặng Thị Đào")
    make.candidate(unit, full_name="Trần Minh Tuấn")

    def found(term):
        return _names(session.get(f"/admin/candidate/?search={term}").get_data(as_text=True))

    assert found("nguyen+van+an") == ["Nguyễn Văn An"]
    assert found("dang+thi") == ["Đặng Thị Đào"]
    assert found("DAO") == ["Đặng Thị Đào"]
    assert found("03709") == ["Nguyễn Văn An"]
    assert found("xyz") == []


def test_list_sorts_vietnamese_style_by_given_name(branch, make):
    unit, session = branch
    for name in ["Trần Văn Bình", "Lê Thị Ân", "Nguyễn Văn An", "Phạm Văn Đức", "Hoàng Thị Dung"]:
        make.candidate(unit, full_name=name)
    names = _names(session.get("/admin/candidate/").get_data(as_text=True))
    assert names == ["Nguyễn Văn An", "Lê Thị Ân", "Trần Văn Bình", "Hoàng Thị Dung", "Phạm Văn Đức"]
    descending = _names(session.get("/admin/candidate/?sort=0&desc=1").get_data(as_text=True))
    assert descending == list(reversed(names))


def test_filters_by_stage_source_gender_year_and_organization(branch, make, db):
    unit, session = branch
    other = make.org("Chi bộ 02", parent=unit)
    make.candidate(unit, full_name="Võ Văn Một", stage="sympathizer", source="youth_union",
                   date_of_birth=date(2000, 1, 1))
    make.candidate(unit, full_name="Võ Thị Hai", gender="female", stage="source",
                   source="trade_union", date_of_birth=date(2000, 12, 31))
    make.candidate(other, full_name="Võ Văn Ba", date_of_birth=date(2001, 1, 1))
    html = session.get("/admin/candidate/").get_data(as_text=True)

    def get(query):
        return sorted(_names(session.get(f"/admin/candidate/?{query}").get_data(as_text=True)))

    index = _filter_args(html)
    assert get(f"flt0_{index['Giai đoạn']}=sympathizer") == ["Võ Văn Một"]
    assert get(f"flt0_{index['Nguồn']}=trade_union") == ["Võ Thị Hai"]
    assert get(f"flt0_{index['Giới tính']}=female") == ["Võ Thị Hai"]
    assert get(f"flt0_stage=sympathizer&flt1_unit={unit.id}") == ["Võ Văn Một"]
    assert get(f"flt0_unit={other.id}") == ["Võ Văn Ba"]
    assert get(f"flt0_{index['Năm sinh']}=2000") == ["Võ Thị Hai", "Võ Văn Một"]
    assert get(f"flt0_{index['Tổ chức đảng']}=chi+bo+02") == ["Võ Văn Ba"]
    # A nonsense filter value changes nothing and breaks nothing.
    assert session.get(f"/admin/candidate/?flt0_{index['Năm sinh']}=abc").status_code == 200


def _filter_args(html: str) -> dict[str, str]:
    """The URL key of the first filter of each group, by the group's label, as the page offers
    them to the user."""
    raw = re.search(r'id="filter-groups-data"[^>]*>(.*?)</div>', html, re.S)
    groups = json.loads(raw.group(1))
    return {name: entries[0]["arg"] for name, entries in groups.items()}


def test_viewer_cannot_create_or_edit(make, login_as, db):
    unit = make.org("Đảng bộ")
    candidate = make.candidate(unit)
    session = login_as(make.user("viewer", unit))
    session.refresh_token(session.get("/admin/candidate/").get_data(as_text=True))
    assert session.get("/admin/candidate/new/").status_code == 302
    session.post("/admin/candidate/new/", data={**VALID, "organization": str(unit.id)})
    session.post(f"/admin/candidate/edit/?id={candidate.id}", data={**VALID, "organization": str(unit.id)})
    db.session.expire_all()
    assert db.session.query(Candidate).count() == 1
    assert db.session.get(Candidate, candidate.id).full_name == "Nguyễn Văn An"


def test_a_list_pages_end_follows_the_users_bulk_actions_and_language(make, login_as):
    """The end of a list page (its scripts and the data they read) is kept per kind of page
    (``ScopedModelView.list_tail``): a viewer who opens the list after a committee user gets
    no bulk delete in it, and English after Vietnamese gets English."""
    unit = make.org("Đảng bộ")
    make.candidate(unit)

    def confirmations(session) -> dict:
        html = session.get("/admin/candidate/").get_data(as_text=True)
        return json.loads(re.search(r'id="actions-confirmation-data"[^>]*>(.*?)</div>',
                                    html, re.S).group(1)) if "actions-confirmation" in html else {}

    committee, viewer = (login_as(make.user(role, unit)) for role in ("committee", "viewer"))
    assert confirmations(committee) == {
        "delete": "Bạn có chắc muốn xóa các bản ghi đã chọn?"}
    assert "delete" not in confirmations(viewer)
    committee.post("/language/en", data={"next": "/admin/"})
    assert confirmations(committee) == {
        "delete": "Are you sure you want to delete selected records?"}


def test_member_form_cannot_change_what_steps_own(make, login_as, db):
    """Status and the dates of admission, ceremony and recognition change only through a step:
    a posted ``status=official`` is ignored, whoever sends it."""
    from devparty_admin.models import Member

    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    member = make.member(unit, full_name="Trần Văn Dự Bị", status="probationary",
                         admission_date=date(2025, 9, 1), ceremony_date=date(2025, 9, 20))
    session = login_as(make.user("branch", unit))
    form = session.get(f"/admin/member/edit/?id={member.id}").get_data(as_text=True)
    assert 'name="status"' not in form and 'name="official_date"' not in form
    session.refresh_token(form)
    response = session.post(f"/admin/member/edit/?id={member.id}", data={
        "full_name": "Trần Văn Dự Bị", "gender": "male", "date_of_birth": "02/01/1980",
        "national_id": member.national_id, "organization": str(unit.id), "status": "official",
        "official_date": "20/09/2026", "admission_date": "01/01/2000"})
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Member, member.id)
    assert saved.status == "probationary" and saved.official_date is None
    assert saved.admission_date == date(2025, 9, 1) and saved.gender == "male"


def test_edit_without_the_opened_version_changes_nothing(branch, make, db):
    unit, session = branch
    candidate = make.candidate(unit, full_name="Lê Văn Tám")
    response = session.post(f"/admin/candidate/edit/?id={candidate.id}",
                            data={**VALID, "organization": str(unit.id)})
    assert response.status_code == 200
    assert "phiên bản" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "Lê Văn Tám"


@pytest.mark.parametrize("field, value, message", [
    ("full_name", "Nguyễn " + "A" * 412, "200"),
    ("phone", "09abc12345", "không phải số điện thoại"),
    ("date_of_birth", "01/01/1900", "kiểm tra lại năm sinh"),
])
def test_overlong_or_implausible_values_are_refused(branch, db, field, value, message):
    unit, session = branch
    response = session.post("/admin/candidate/new/", data={**VALID, "organization": str(unit.id),
                                                           field: value})
    assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert db.session.query(Candidate).count() == 0


def test_the_candidate_form_is_grouped_and_keeps_a_sectors_field_order(make, login_as, db):
    import re

    from devparty_admin.plugins import plugins
    plugins().set_enabled("police", True)
    unit = make.org("Chi bộ 01", sector="police")
    person = make.candidate(unit, full_name="Hà Văn Nhóm")
    page = login_as(make.user("branch", unit)).get(
        f"/admin/candidate/edit/?id={person.id}").get_data(as_text=True)
    headers = [h.strip() for h in re.findall(r"<h3[^>]*>(.*?)</h3>", page, re.S)]
    assert headers == ["Nhân thân", "Lý lịch, trình độ", "Quá trình phấn đấu vào Đảng", "Công an"]
    names = re.findall(r'<(?:input|select|textarea)[^>]*name="(\w+)"', page)
    assert names.index("full_name") < names.index("hometown") < names.index("source")
    police = [n for n in names if n.startswith("police__")]
    assert police == ["police__rank", "police__service_type", "police__police_unit",
                      "police__position", "police__joined_on"]  # the plugin's order
    assert names.count("opened_version") == 1


def test_a_deep_page_lists_the_rows_in_order_as_the_pages_before_it(make, login_as, db):
    """Past the first thousand rows a page is found by its ids first; it still holds exactly
    the next 50 people in name order, within the user's units."""
    from itertools import product

    from sqlalchemy import insert

    from devparty_admin.models import Candidate
    from devparty_admin.models.people import name_columns

    committee = make.org("Đảng bộ")
    mine = make.org("Chi bộ 01", parent=committee)
    other = make.org("Chi bộ ngoài")
    letters = "abcdeghiklmnopqrstuvxy"  # letters of the Vietnamese alphabet, in its order
    given = ["".join(combo).capitalize() for combo in product(letters, repeat=3)][:1_150]
    db.session.execute(insert(Candidate), [
        {**name_columns(f"Lê Văn {name}"), "organization_id": unit.id, "gender": "male",
         "stage": "source", "version": 1, "youth_union_member": False,
         "national_id": f"{8 - side}{index:011d}"}
        for index, name in enumerate(given) for side, unit in enumerate((mine, other))])
    db.session.commit()
    session = login_as(make.user("committee", committee))
    assert "Lê Văn Aaa" in session.get("/admin/candidate/").get_data(as_text=True)
    for page in (19, 20, 22):
        html = session.get(f"/admin/candidate/?page={page}").get_data(as_text=True)
        shown = re.findall(r"Lê Văn (\w+)", html)
        assert shown == given[page * 50:page * 50 + 50], page


def test_a_chi_bo_lists_its_pages_in_order_with_delete_forms_for_the_page(make, login_as, db,
                                                                         monkeypatch):
    """A narrow subtree's page is found by its ids first (the unit's rows are not read in name
    order): each page holds the next 50 of its own people in name order, never one of the unit
    beside it, and offers to delete exactly its people without a recorded step."""
    from itertools import product

    from sqlalchemy import insert, select

    from devparty_admin.models import Candidate, StageEvent
    from devparty_admin.models.people import name_columns
    from devparty_admin.security import scoping

    monkeypatch.setattr(scoping, "NARROW_RATIO", 1)  # any unit short of the whole tree is narrow
    committee = make.org("Đảng bộ")
    mine = make.org("Chi bộ 01", parent=committee)
    beside = make.org("Chi bộ 02", parent=committee)
    given = ["".join(combo).capitalize() for combo in product("abcdeg", repeat=3)][:120]
    db.session.execute(insert(Candidate), [
        {**name_columns(f"Lê Văn {name}"), "organization_id": unit.id, "gender": "male",
         "stage": "source", "version": 1, "youth_union_member": False,
         "national_id": f"{8 - side}{index:011d}"}
        for index, name in enumerate(given) for side, unit in enumerate((mine, beside))])
    ids = {name.removeprefix("Lê Văn "): pk for name, pk in db.session.execute(
        select(Candidate.full_name, Candidate.id).where(Candidate.organization_id == mine.id))}
    stepped = set(given[::7])
    db.session.execute(insert(StageEvent), [
        {"candidate_id": ids[name], "from_stage": "source", "to_stage": "sympathizer",
         "effective_on": date(2025, 1, 6)} for name in stepped])
    db.session.commit()
    session = login_as(make.user("branch", mine))
    for page in (0, 1, 2):
        html = session.get(f"/admin/candidate/?page={page}").get_data(as_text=True)
        shown = re.findall(r"Lê Văn (\w+)", html)
        assert shown == given[page * 50:page * 50 + 50], page
        offered = re.findall(r'<form class="icon" method="POST" action="[^"]+">'
                             r'<input id="id" name="id" type="hidden" value="(\d+)">', html)
        assert offered == [str(ids[name]) for name in shown if name not in stepped], page
    # The unit beside reads the statements kept from these pages with its own values: its own
    # people (the same names, other ids), its page, its searches one after the other.
    theirs = {name.removeprefix("Lê Văn "): str(pk) for name, pk in db.session.execute(
        select(Candidate.full_name, Candidate.id).where(Candidate.organization_id == beside.id))}
    other = login_as(make.user("branch", beside))
    for url, names in (("/admin/candidate/?page=1", given[50:100]),
                       ("/admin/candidate/?search=aa", given[:6]),
                       ("/admin/candidate/?search=le van ab", given[6:12]),
                       ("/admin/candidate/?search=db&page=0", given[114:120])):
        html = other.get(url).get_data(as_text=True)
        assert re.findall(r"Lê Văn (\w+)", html) == names, url
        assert re.findall(r'name="rowid" class="action-checkbox" value="(\d+)"', html) == [
            theirs[name] for name in names], url


def test_the_list_shows_typed_markup_as_text(make, login_as):
    """Rows are written by the view, not the template: a name typed as HTML is still shown as
    the letters typed, never run or drawn."""
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    make.candidate(unit, full_name='<b onclick="x()">Lê</b> & "An"')
    html = login_as(make.user("committee", unit.parent)).get("/admin/candidate/").get_data(
        as_text=True)
    assert '&lt;b onclick=&#34;x()&#34;&gt;Lê&lt;/b&gt; &amp; &#34;An&#34;' in html
    assert '<b onclick' not in html


def test_a_page_under_an_application_root_links_its_assets_there(branch):
    """Stylesheet and script addresses and the list's own links (sorting, page sizes), each
    built once per process and root, follow the root the page is served under (a reverse
    proxy's prefix): nothing kept from a page served elsewhere."""
    _unit, session = branch
    stylesheet = "static/bootstrap/bootstrap4/css/bootstrap.min.css"
    for root in ("", "/dang-vien", ""):
        html = session.get("/admin/candidate/", environ_overrides={"SCRIPT_NAME": root}) \
            .get_data(as_text=True)
        assert f'href="{root}/admin/{stylesheet}' in html
        assert f'href="{root}/admin/candidate/?sort=0&amp;page_size=' in html
        assert f'href="{root}/admin/candidate/?page_size=100"' in html


def test_the_menu_marks_the_open_screen(branch):
    """The menu, kept once drawn, still marks the screen that is open: its own entry or the
    category holding it."""
    _unit, session = branch
    for _round in range(2):
        members = session.get("/admin/member/").get_data(as_text=True)
        assert re.search(r'<li class="active">\s*<a class="nav-link " href="/admin/member/">',
                         members)
        candidates = session.get("/admin/candidate/").get_data(as_text=True)
        assert re.search(r'<li class="active dropdown">\s*<a class="dropdown-toggle nav-link"'
                         r'[^>]*>\s*(<!--[^>]*-->)?\s*Quần chúng', candidates)
        assert not re.search(r'<li class="active">\s*<a class="nav-link " href="/admin/member/">',
                             candidates)
