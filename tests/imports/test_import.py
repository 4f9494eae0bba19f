"""Excel import: template, dry run with row errors, all-or-nothing commit, re-import updates,
scoping, bad files, and a 20,000-row file."""
from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from devparty_admin.imports.specs import SPECS
from devparty_admin.models import Candidate, FieldChange, ImportJob, Member

HEADERS = SPECS["candidate"].headers


def xlsx(rows, headers=HEADERS) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def person(name: str, cccd: str, unit: str = "A1", born=date(1998, 5, 17), **extra) -> list:
    cells = {"Họ và tên": name, "Giới tính": "Nữ", "Ngày sinh": born, "Số CCCD": cccd,
             "Mã tổ chức đảng": unit, "Nguồn": "Đoàn Thanh niên", "Đoàn viên": "Có", **extra}
    return [cells.get(header) for header in HEADERS]


@pytest.fixture
def tree(make):
    province = make.org("Tỉnh", code="T")
    a = make.org("Đảng bộ A", parent=province, code="A")
    a1 = make.org("Chi bộ A1", parent=a, code="A1")
    b = make.org("Chi bộ B", parent=province, code="B")
    return province, a, a1, b


@pytest.fixture
def committee(tree, make, login_as):
    user = make.user("committee", tree[1])
    session = login_as(user)
    session.refresh_token(session.get("/admin/imports/").get_data(as_text=True))
    return session


def upload(session, data: bytes, kind: str = "candidate", name: str = "danh_sach.xlsx"):
    return session.post(f"/admin/imports/upload/{kind}",
                        data={"file": (io.BytesIO(data), name)},
                        content_type="multipart/form-data")


def check_all(session, response) -> tuple[str, str]:
    """Run the dry run to the end as the page's script does; (job url, job page html)."""
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    job_url = response.headers["Location"]
    for _step in range(100):
        progress = session.post(f"{job_url}/check", headers={"Accept": "application/json"}).json
        assert progress["checked"] <= progress["total"]
        if progress["done"]:
            break
    return job_url, session.get(job_url).get_data(as_text=True)


def error_table(html: str) -> list[tuple[str, str, str]]:
    body = re.search(r'id="import-errors".*?<tbody>(.*?)</tbody>', html, re.S)
    return [tuple(re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S))
            for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)] if body else []


def candidates(db) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Candidate))


def test_template_has_vietnamese_headers_a_sample_and_only_my_units(committee):
    response = committee.get("/admin/imports/template/candidate.xlsx")
    workbook = load_workbook(io.BytesIO(response.data))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet["A2"].value == "Nguyễn Văn An" and sheet["C2"].is_date
    codes = [row[0] for row in workbook["Mã tổ chức đảng"].iter_rows(min_row=2, values_only=True)]
    assert codes == ["A", "A1"]


def test_a_good_file_imports_and_importing_it_again_updates(committee, db):
    rows = [person("Nguyễn Thị Một", "001200000001"), person("Trần Văn Hai", "001200000002"),
            person("Lê Thị Ba", "001200000003", unit="A")]
    job_url, html = check_all(committee, upload(committee, xlsx(rows)))
    assert re.search(r'id="creates">3<', html) and re.search(r'id="error-rows">0<', html)
    assert candidates(db) == 0  # the dry run saves nothing
    committee.post(f"{job_url}/commit")
    assert candidates(db) == 3
    first = db.session.scalar(select(Candidate).where(Candidate.national_id == "001200000001"))
    assert (first.gender, first.source, first.youth_union_member, first.organization.code) == (
        "female", "youth_union", True, "A1")
    imported = db.session.scalars(select(FieldChange).where(FieldChange.candidate_id == first.id))
    assert [change.new_value for change in imported] == ["danh_sach.xlsx, dòng 2"]
    # Committing twice does nothing more.
    committee.post(f"{job_url}/commit")
    assert candidates(db) == 3

    rows[0] = person("Nguyễn Thị Một", "001200000001", **{"Điện thoại": "0912000111"})
    job_url, html = check_all(committee, upload(committee, xlsx(rows), name="lan2.xlsx"))
    assert re.search(r'id="creates">0<', html) and re.search(r'id="updates">3<', html)
    committee.post(f"{job_url}/commit")
    assert candidates(db) == 3
    db.session.expire_all()
    first = db.session.get(Candidate, first.id)
    assert first.phone == "0912000111"
    changes = {c.field: c.new_value for c in db.session.scalars(
        select(FieldChange).where(FieldChange.candidate_id == first.id))}
    assert changes["phone"] == "0912000111" and changes["import"] == "lan2.xlsx, dòng 2"


def test_every_row_error_is_listed_and_nothing_is_imported(committee, db):
    future = date.today() + timedelta(days=3)
    rows = [
        person("Đúng Người", "001200000010"),
        person("Sai Căn Cước", "12345"),
        person("Sinh Tương Lai", "001200000011", born=future),
        person("Đơn Vị Lạ", "001200000012", unit="ZZ"),
        person("Ngoài Đơn Vị", "001200000013", unit="B"),
        person("Trùng Lặp", "001200000010"),
        person("", "001200000014", **{"Giới tính": "Khác"}),
    ]
    job_url, html = check_all(committee, upload(committee, xlsx(rows)))
    errors = error_table(html)
    assert ("3", "Số CCCD", "Số CCCD phải gồm đúng 12 chữ số (định dạng cột là Văn bản để giữ số 0 "
            "ở đầu).") in errors
    assert ("4", "Ngày sinh", f"Ngày {future:%d/%m/%Y} ở tương lai.") in errors
    assert ("5", "Mã tổ chức đảng", "Không có tổ chức đảng nào mang mã “ZZ”.") in errors
    assert ("6", "Mã tổ chức đảng", "“Chi bộ B” ngoài đơn vị của bạn; chỉ được nhập vào đơn vị "
            "của mình.") in errors
    assert ("7", "Số CCCD", "Số CCCD này cũng có ở dòng 2.") in errors
    assert ("8", "Họ và tên", "Bắt buộc nhập.") in errors
    assert any(row == "8" and column == "Giới tính" for row, column, _m in errors)
    assert re.search(r'id="error-rows">6<', html) and 'id="commit"' not in html
    committee.post(f"{job_url}/commit")
    assert candidates(db) == 0
    workbook = load_workbook(io.BytesIO(committee.get(f"{job_url}/errors.xlsx").data))
    sheet = workbook.worksheets[0]
    assert sheet["A1"].value == "Dòng" and sheet.cell(1, sheet.max_column).value == "Lỗi"
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [3, 4, 5, 6, 7, 8]


@pytest.mark.parametrize("data, message", [
    (b"", "Tệp rỗng."),
    (b"%PDF-1.4 not a spreadsheet", "Đây không phải tệp Excel (.xlsx)."),
    (b"Ho va ten,CCCD\nAn,001\n", "Đây không phải tệp Excel (.xlsx)."),
    (xlsx([]), "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."),
    (xlsx([["An", "001200000001"]], headers=["Tên", "CCCD"]), "thiếu cột: Họ và tên, Ngày sinh, "
     "Số CCCD, Mã tổ chức đảng; cột không có trong mẫu: Tên, CCCD"),
])
def test_a_file_that_cannot_be_used_is_refused_whole(committee, db, data, message):
    response = upload(committee, data)
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/imports/")
    html = committee.get("/admin/imports/").get_data(as_text=True)
    assert message in html and "Không có gì được nhập." in html
    assert db.session.scalar(select(func.count()).select_from(ImportJob)) == 0


def test_a_changed_database_stops_the_commit_whole(committee, db, make, tree):
    rows = [person("Một", "001200000021"), person("Hai", "001200000022")]
    job_url, _html = check_all(committee, upload(committee, xlsx(rows)))
    make.candidate(tree[3], full_name="Người Khác", national_id="001200000022")  # in B, not mine
    response = committee.post(f"{job_url}/commit")
    html = committee.get(response.headers["Location"]).get_data(as_text=True)
    assert "Dòng 3" in html and "không có gì được nhập" in html
    assert candidates(db) == 1


def test_jobs_are_private_and_viewers_cannot_import(committee, make, login_as, tree, db):
    job_url, _html = check_all(committee, upload(committee, xlsx([person("Một", "001200000031")])))
    stranger = login_as(make.user("committee", tree[1]))
    assert stranger.get(job_url).status_code == 404
    assert stranger.post(f"{job_url}/commit").status_code == 404
    assert stranger.get(f"{job_url}/errors.xlsx").status_code == 404
    viewer = login_as(make.user("viewer", tree[1]))
    assert viewer.get("/admin/imports/").status_code == 403
    assert viewer.get(job_url).status_code == 403
    assert viewer.get("/admin/imports/template/candidate.xlsx").status_code == 403
    assert committee.get("/admin/imports/template/nothing.xlsx").status_code == 404
    assert candidates(db) == 0
    # the menu offers the imports to who may import, and not to a viewer
    assert 'href="/admin/imports/"' in committee.get("/admin/").get_data(as_text=True)
    assert 'href="/admin/imports/"' not in viewer.get("/admin/").get_data(as_text=True)


def test_imported_people_are_found_by_any_word_in_the_lists_order(committee, db):
    rows = [person("Lê Ba Tuấn", "001200000011"), person("Hoàng Văn Ba", "001200000012"),
            person("Lê Ba Ba", "001200000013")]
    job_url, _html = check_all(committee, upload(committee, xlsx(rows)))
    committee.post(f"{job_url}/commit")
    found = committee.get("/admin/candidate/?search=ba").get_data(as_text=True)
    # Given name first; "Lê Ba Ba", found by two of its words, is one person of three.
    assert re.findall(r'<td class="col-full_name">\s*(.*?)\s*</td>', found, re.S) == [
        "Lê Ba Ba", "Hoàng Văn Ba", "Lê Ba Tuấn"]
    assert re.search(r'class="nav-link active">[^<(]*\(3\)</a>', found)


def test_members_import(committee, db):
    headers = SPECS["member"].headers
    row = {"Họ và tên": "Phạm Văn Đảng", "Ngày sinh": date(1980, 1, 2), "Số CCCD": "001080000001",
           "Mã tổ chức đảng": "A1", "Tình trạng": "Dự bị", "Ngày quyết định kết nạp": "02/03/2026"}
    data = xlsx([[row.get(h) for h in headers]], headers=headers)
    job_url, html = check_all(committee, upload(committee, data, kind="member"))
    committee.post(f"{job_url}/commit")
    member = db.session.scalar(select(Member))
    assert (member.status, member.admission_date) == ("probationary", date(2026, 3, 2))


def test_twenty_thousand_rows(committee, db):
    rows = [person(f"Nguyễn Văn Số {i}", f"0012{i:08d}", unit="A1" if i % 2 else "A")
            for i in range(20_000)]
    job_url, html = check_all(committee, upload(committee, xlsx(rows), name="lon.xlsx"))
    assert re.search(r'id="creates">20000<', html)
    for _step in range(30):  # as the page's script does: each request works ten seconds
        if committee.post(f"{job_url}/commit", headers={"Accept": "application/json"}).json[
                "done"]:
            break
    assert candidates(db) == 20_000


def _bomb(unpacked_mb: int) -> bytes:
    """A real .xlsx whose shared-strings part unpacks to ``unpacked_mb`` MB of one letter:
    a few hundred KB on the wire."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx([person("An", "001098000001")])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            bomb.writestr(item, source.read(item.filename))
        with bomb.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            block = b"A" * (1024 * 1024)
            for _ in range(unpacked_mb):
                part.write(block)
    return out.getvalue()


def test_a_decompression_bomb_is_refused_unread(committee, db):
    import tracemalloc

    data = _bomb(400)
    assert len(data) < 2 * 1024 * 1024
    tracemalloc.start()
    response = upload(committee, data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 60 * 1024 * 1024, peak  # the 400 MB were never unpacked
    page = committee.get(response.location).get_data(as_text=True)
    assert "khi giải nén" in page and "Không có gì được nhập" in page
    assert db.session.query(ImportJob).count() == 0


def test_an_overlong_cell_is_refused(committee, db):
    response = upload(committee, xlsx([person("An", "001098000001"),
                                       person("B" * 2001, "001098000002")]))
    page = committee.get(response.location).get_data(as_text=True)
    assert "Dòng 3, cột “Họ và tên” có hơn 2000 ký tự" in page
    assert db.session.query(ImportJob).count() == 0


def test_a_large_commit_runs_in_steps_any_request_may_continue(committee, login_as, make, tree,
                                                                db, monkeypatch):
    """Each request does a bounded amount of work; the job keeps its progress in the database,
    so the next request (another worker's, another tab's) continues it; all rows or none."""
    from devparty_admin.admin import imports as screen
    from devparty_admin.imports import jobs

    monkeypatch.setattr(screen, "COMMIT_SECONDS", 0)
    monkeypatch.setattr(jobs, "CHUNK", 2)
    rows = [person(f"Người Số {i}", f"0013{i:08d}") for i in range(5)]
    job_url, _html = check_all(committee, upload(committee, xlsx(rows)))
    progress = committee.post(f"{job_url}/commit", headers={"Accept": "application/json"}).json
    assert progress == {"checked": 2, "total": 5, "done": False}
    assert candidates(db) == 0
    page = committee.get(job_url).get_data(as_text=True)
    assert 'data-status="committing"' in page and "2 / 5" in page
    admin = login_as(make.user("admin", None))  # the job's page in another browser
    admin.refresh_token(admin.get(job_url).get_data(as_text=True))
    assert admin.post(f"{job_url}/commit", headers={"Accept": "application/json"}).json["done"] is False
    assert candidates(db) == 0
    for _request in range(3):  # the last chunk, then the final write in a request of its own
        done = committee.post(f"{job_url}/commit", headers={"Accept": "application/json"}).json
        if done["done"]:
            break
        assert candidates(db) == 0
    assert done["done"] is True and candidates(db) == 5
    again = committee.post(f"{job_url}/commit")
    assert "đã được ghi" in committee.get(again.location).get_data(as_text=True)
    assert candidates(db) == 5


def test_saves_and_reads_go_on_while_an_import_is_written(committee, login_as, make, tree, db):
    """Readers never wait and a small save waits its turn: neither fails during an import."""
    import threading

    unit = tree[2]
    someone = make.candidate(unit, full_name="Người Đang Sửa", national_id="009900000001")
    editor = login_as(make.user("branch", unit))
    form = editor.get(f"/admin/candidate/edit/?id={someone.id}").get_data(as_text=True)
    editor.refresh_token(form)
    rows = [person(f"Người Nhập {i}", f"0014{i:08d}") for i in range(6000)]
    job_url, _html = check_all(committee, upload(committee, xlsx(rows)))
    finished = threading.Event()
    results = []

    person_id, unit_id = someone.id, unit.id

    def work():
        version = 1
        while not finished.is_set():
            results.append(editor.get("/admin/candidate/").status_code)
            saved = editor.post(f"/admin/candidate/edit/?id={person_id}", data={
                "full_name": f"Người Đang Sửa {version}", "gender": "male",
                "date_of_birth": "17/05/1998", "national_id": "009900000001",
                "organization": str(unit_id), "opened_version": str(version)})
            results.append(saved.status_code)
            version += saved.status_code == 302

    worker = threading.Thread(target=work)
    worker.start()
    try:
        committee.post(f"{job_url}/commit")
    finally:
        finished.set()
        worker.join(60)
    assert candidates(db) == 6001
    assert results and set(results) <= {200, 302}, set(results)
    assert results.count(302) >= 1


def test_the_templates_example_row_is_never_imported(committee, db):
    template = load_workbook(io.BytesIO(committee.get("/admin/imports/template/candidate.xlsx").data))
    rows = [[cell.value for cell in row] for row in template.worksheets[0].iter_rows(min_row=2)]
    job_url, html = check_all(committee, upload(committee, xlsx(
        [*rows, person("Người Thật", "001200000041")])))
    assert "dòng mẫu của tệp mẫu" in html and 'id="commit"' not in html
    committee.post(f"{job_url}/commit")
    assert candidates(db) == 0


def test_implausible_birth_dates_and_phones_are_row_errors(committee, db):
    job_url, html = check_all(committee, upload(committee, xlsx([
        person("Già Quá", "001200000051", born=date(1900, 1, 1)),
        person("Điện Thoại Sai", "001200000052", **{"Điện thoại": "09abc12345"})])))
    assert "kiểm tra lại năm sinh" in html and "không phải số điện thoại" in html
    assert re.search(r'id="error-rows">2<', html)


def test_a_sector_users_import_carries_the_sectors_fields(tree, make, login_as, db):
    """A police committee's template has the police fields after the core's; a file fills them
    on create and on update (blank cells leave a value as it is)."""
    from devparty_admin.plugins import plugins
    from plugins.police.models import PoliceProfile
    plugins().set_enabled("police", True)
    for unit in tree[1:3]:
        unit.sector = "police"
    db.session.commit()
    session = login_as(make.user("committee", tree[1]))
    session.refresh_token(session.get("/admin/imports/").get_data(as_text=True))
    template = load_workbook(io.BytesIO(session.get("/admin/imports/template/candidate.xlsx").data))
    headers = [cell.value for cell in template.worksheets[0][1]]
    assert headers[:len(HEADERS)] == HEADERS
    assert headers[len(HEADERS):] == ["Cấp bậc hàm", "Sĩ quan / nghĩa vụ", "Đơn vị Công an",
                                      "Chức vụ trong ngành", "Ngày vào ngành"]

    def police(name, cccd, **cells):
        return person(name, cccd) + [cells.get(h) for h in headers[len(HEADERS):]]

    rows = [police("Công An Một", "001200000061", **{"Cấp bậc hàm": "Thượng úy",
                                                      "Sĩ quan / nghĩa vụ": "Sĩ quan",
                                                      "Ngày vào ngành": date(2018, 9, 1)}),
            police("Công An Hai", "001200000062")]
    job_url, html = check_all(session, upload(session, xlsx(rows, headers=headers)))
    assert re.search(r'id="error-rows">0<', html), error_table(html)
    session.post(f"{job_url}/commit")
    db.session.expire_all()
    one = db.session.scalar(select(Candidate).where(Candidate.national_id == "001200000061"))
    profile = db.session.get(PoliceProfile, one.id)
    assert (profile.rank, profile.service_type, profile.joined_on) == (
        "Thượng úy", "officer", date(2018, 9, 1))
    two = db.session.scalar(select(Candidate).where(Candidate.national_id == "001200000062"))
    assert db.session.get(PoliceProfile, two.id) is None  # nothing filled, no profile
    rows = [police("Công An Một", "001200000061", **{"Đơn vị Công an": "Phòng PC01"})]
    job_url, _html = check_all(session, upload(session, xlsx(rows, headers=headers)))
    session.post(f"{job_url}/commit")
    db.session.expire_all()
    profile = db.session.get(PoliceProfile, one.id)
    assert (profile.rank, profile.police_unit) == ("Thượng úy", "Phòng PC01")
    wrong = [police("Công An Ba", "001200000063", **{"Cấp bậc hàm": "Đại úy giả"})]
    _url, html = check_all(session, upload(session, xlsx(wrong, headers=headers)))
    assert [r[1] for r in error_table(html)] == ["Cấp bậc hàm"]


def test_rows_are_numbered_as_in_the_sheet_and_labels_read_in_either_language(committee, db):
    """Blank rows inside the list keep the sheet's own row numbers in the errors, and a coded
    column may be filled in Vietnamese or English, with or without accents."""
    rows = [person("Lê Văn Đúng", "001200000031", **{"Giới tính": "male", "Nguồn": "youth union"}),
            [None] * len(HEADERS), [None] * len(HEADERS),
            person("Lê Văn Sai", "1234", **{"Giới tính": "nu"})]
    _job_url, html = check_all(committee, upload(committee, xlsx(rows)))
    assert [row for row, _column, _message in error_table(html)] == ["5"]
    assert re.search(r'id="creates">1<', html)
