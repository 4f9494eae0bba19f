"""Papers printed from the record: each read back from the .docx (numbers, dates, names with
their diacritics, the vote), a replaced template used, the whole file as one zip."""
import io
import zipfile
from datetime import date

import pytest
from docx import Document

from devparty_admin.models import Act
from devparty_admin.testing.workflow import ready_for_sympathizer_list, walk_to
from devparty_admin.workflow.transitions import move_many


def text_of(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, as a reader sees it."""
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _paper(session, candidate_id, code):
    return session.get(f"/admin/candidate/paper/{code}/?id={candidate_id}")


@pytest.fixture
def secretary(branch, login_as):
    return login_as(branch.branch_user)


def test_the_proposal_6_knd_states_the_vote_and_the_people(branch, db, secretary):
    walk_to(branch, db, "proposed")
    response = _paper(secretary, branch.candidate.id, "6-KND")
    assert response.status_code == 200
    assert "filename*=UTF-8''6-KND%20%E1%BB%A8ng%20Vi%C3%AAn%20M%E1%BA%ABu.docx" in \
        response.headers["Content-Disposition"]
    text = text_of(response.data)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CHI BỘ 01" in text and "ĐẢNG BỘ SỞ TƯ PHÁP" in text
    assert "Số: 06-NQ/CB" in text and "ngày 16 tháng 06 năm 2025" in text
    assert "quần chúng Ứng Viên Mẫu vào Đảng" in text
    assert "Tổng số đảng viên chính thức của chi bộ: 22 đồng chí" in text
    assert "tán thành: 20 đồng chí (90,9%); không tán thành: 2 đồng chí" in text
    assert "Đảng Viên Số 0, Đảng Viên Số 1" in text  # introducers and helpers
    assert "Chi bộ đề nghị Đảng bộ Sở Tư pháp xem xét" in text


def test_the_decision_9_knd_and_the_ceremony_record(branch, db, secretary):
    walk_to(branch, db, "probationary")
    decision = text_of(_paper(secretary, branch.candidate.id, "9-KND").data)
    assert "Số: 45-QĐ/ĐU" in decision and "ngày 01 tháng 07 năm 2025" in decision
    assert "BAN THƯỜNG VỤ ĐẢNG BỘ SỞ TƯ PHÁP QUYẾT ĐỊNH" in decision
    assert "Xét Nghị quyết số 06-NQ/CB ngày 16/06/2025 của Chi bộ 01" in decision
    assert "Kết nạp vào Đảng Cộng sản Việt Nam: Đồng chí Ứng Viên Mẫu, sinh ngày 10/03/1995" \
        in decision
    assert "Lê Thị Thư" in decision and "12 tháng" in decision
    record = text_of(_paper(secretary, branch.candidate.id, "BB-KN").data)
    assert "Hôm nay, ngày 20/07/2025" in record and "Quyết định số 45-QĐ/ĐU ngày 01/07/2025" in record
    assert "từ ngày 20/07/2025 đến ngày 20/07/2026" in record


def test_the_recognition_papers(branch, db, secretary):
    walk_to(branch, db, "official")
    resolution = text_of(_paper(secretary, branch.candidate.id, "13-KND").data)
    assert "Số: 31-NQ/CB" in resolution and "tán thành: 21 đồng chí (95,5%)" in resolution
    assert "lễ kết nạp ngày 20/07/2025; thời gian dự bị hết ngày 20/07/2026" in resolution
    decision = text_of(_paper(secretary, branch.candidate.id, "QD-CT").data)
    assert "Số: 88-QĐ/ĐU" in decision and "Công nhận đảng viên chính thức: Đồng chí Ứng Viên Mẫu" \
        in decision


def test_the_forms_the_person_fills_are_pre_filled(branch, db, secretary):
    branch.candidate.hometown = "Xã Đồng Tâm, huyện Mỹ Đức"
    db.session.commit()
    application = text_of(_paper(secretary, branch.candidate.id, "1-KND").data)
    assert "Kính gửi: Chi bộ 01" in application and "Tôi là: Ứng Viên Mẫu" in application
    assert "Quê quán: Xã Đồng Tâm, huyện Mỹ Đức." in application
    assert "giấy chứng nhận số CN-20240115 ngày 15/01/2024" in application
    biography = text_of(_paper(secretary, branch.candidate.id, "2-KND").data)
    assert "Xã Đồng Tâm, huyện Mỹ Đức" in biography and "Trung học phổ thông" in biography


def test_a_paper_the_record_does_not_hold_yet_is_not_found(branch, secretary):
    assert _paper(secretary, branch.candidate.id, "9-KND").status_code == 404
    assert _paper(secretary, branch.candidate.id, "NO-SUCH").status_code == 404


def test_another_branch_cannot_print_the_persons_papers(branch, make, db, login_as):
    outsider = login_as(make.user("branch", branch.sibling))
    assert _paper(outsider, branch.candidate.id, "1-KND").status_code == 404


def test_a_replaced_template_in_the_override_folder_is_used(branch, db, secretary, app, tmp_path):
    from docx import Document as NewDocument

    custom = NewDocument()
    custom.add_paragraph("MẪU RIÊNG CỦA TỈNH: {{ person.name }} – {{ person.unit }}")
    custom.save(tmp_path / "1-KND.docx")
    shipped, app.config["DEVPARTY_PAPER_DIR"] = app.config["DEVPARTY_PAPER_DIR"], str(tmp_path)
    try:
        text = text_of(_paper(secretary, branch.candidate.id, "1-KND").data)
    finally:
        app.config["DEVPARTY_PAPER_DIR"] = shipped
    assert text.strip() == "MẪU RIÊNG CỦA TỈNH: Ứng Viên Mẫu – Chi bộ 01"


def test_the_whole_file_as_one_zip(branch, db, secretary):
    walk_to(branch, db, "admitted")
    page = secretary.get(f"/admin/candidate/details/?id={branch.candidate.id}")
    secretary.refresh_token(page.get_data(as_text=True))
    pdf = "%PDF-1.4\n% đơn xin vào Đảng\n%%EOF\n".encode()
    response = secretary.post(f"/admin/candidate/dossier/?id={branch.candidate.id}", data={
        "form_code": "1-KND", "item_date": "01/05/2025",
        "upload": (io.BytesIO(pdf), "don-xin-vao-dang.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302
    response = secretary.get(f"/admin/candidate/papers.zip?id={branch.candidate.id}")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = set(archive.namelist())
    assert {"1-KND (bản in).docx", "2-KND (bản in).docx", "6-KND (bản in).docx",
            "9-KND (bản in).docx", "1-KND (bản tải lên).pdf"} <= names
    assert archive.read("1-KND (bản tải lên).pdf") == pdf
    assert "Số: 45-QĐ/ĐU" in text_of(archive.read("9-KND (bản in).docx"))


def test_the_monthly_resolution_lists_people_and_helpers(branch, make, db, login_as):
    people = ready_for_sympathizer_list(branch, make, db, count=2)
    act = Act(kind="branch_resolution", number="09-NQ/CB", act_date=date(2025, 6, 5),
              organization_id=branch.unit.id)
    move_many(people, "sympathizer", actor=branch.branch_user, act=act)
    db.session.commit()
    session = login_as(branch.branch_user)
    page = session.get(f"/admin/act/details/?id={act.id}").get_data(as_text=True)
    assert "Cảm Tình Số 0" in page and "Cảm Tình Số 1" in page
    text = text_of(session.get(f"/admin/act/paper/NQ-CB/?id={act.id}").data)
    assert "Về việc xét danh sách cảm tình Đảng tháng 06/2025" in text
    assert "1. Đưa 2 quần chúng ưu tú sau vào danh sách cảm tình Đảng" in text
    assert "Cảm Tình Số 0" in text and "Đảng Viên Số 4" in text
    assert "2. Đưa" not in text  # nobody left the list


def test_the_class_enrolment_list(branch, db, login_as):
    from devparty_admin.models import Enrollment

    course = db.session.query(Enrollment).filter_by(
        candidate_id=branch.candidate.id).one().training_class
    session = login_as(branch.branch_user)
    text = text_of(session.get(f"/admin/training_class/paper/DS-LOP/?id={course.id}").data)
    assert "DANH SÁCH HỌC VIÊN" in text and "Ứng Viên Mẫu" in text and "CN-20240115" in text


def test_the_branch_sees_the_committees_decision_about_its_person(branch, db, secretary):
    walk_to(branch, db, "admitted")
    decision = db.session.query(Act).filter_by(number="45-QĐ/ĐU").one()
    page = secretary.get(f"/admin/act/details/?id={decision.id}")
    assert page.status_code == 200 and "Ứng Viên Mẫu" in page.get_data(as_text=True)
    listed = secretary.get("/admin/act/").get_data(as_text=True)
    assert "45-QĐ/ĐU" in listed


def test_the_shipped_templates_are_what_the_layout_builds(tmp_path):
    from devparty_admin.papers.layout import PAPERS, TEMPLATES, build_all

    build_all(tmp_path)
    for code in PAPERS:
        assert text_of((tmp_path / f"{code}.docx").read_bytes()) == \
            text_of((TEMPLATES / f"{code}.docx").read_bytes()), code


def test_a_transfer_prints_the_sending_units_introduction(branch, make, db, login_as):
    """Transferred temporarily, a member leaves with an introduction that names both units,
    the decision and what travels with them; a unit that is neither end cannot print it."""
    from devparty_admin.models import Organization, Transfer
    from devparty_admin.workflow.transfers import transfer_member

    member = branch.members[0]
    member.national_id = "001088000123"
    elsewhere = make.org("Chi bộ nơi công tác tạm thời", parent=branch.committee_unit)
    decision = Transfer(number="7-QĐ/ĐU", act_date=date(2025, 6, 1), issuer="Đảng ủy cơ sở",
                        note="Phiếu đảng viên, hồ sơ đảng viên")
    transfer_member(member, elsewhere, decision, actor=branch.committee_user, kind="temporary")
    db.session.commit()
    session = login_as(branch.branch_user)
    listed = session.get("/admin/transfer/").get_data(as_text=True)
    assert f"/admin/transfer/paper/GT-CSH/?id={decision.id}" in listed
    paper = session.get(f"/admin/transfer/paper/GT-CSH/?id={decision.id}")
    assert paper.status_code == 200
    body = text_of(paper.data)
    assert "Chuyển sinh hoạt đảng tạm thời" in body
    assert "Kính gửi: Chi bộ nơi công tác tạm thời." in body
    assert member.full_name in body and "001088000123" in body and "7-QĐ/ĐU" in body
    assert "ngày 01/06/2025 của Đảng ủy cơ sở" in body
    assert "Kèm theo: Phiếu đảng viên, hồ sơ đảng viên." in body
    stranger = make.org("Chi bộ khác hẳn", parent=branch.province)
    outsider = login_as(make.user("branch", stranger))
    assert outsider.get(f"/admin/transfer/paper/GT-CSH/?id={decision.id}").status_code == 404
    assert db.session.get(Organization, elsewhere.id) is not None
