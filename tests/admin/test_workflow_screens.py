"""Moving candidates from the screens: one step, the monthly resolution, refusals, conflicts,
dossier files and the read-only history."""
import io
import re
from datetime import date

from devparty_admin.models import Act, Candidate, DossierItem, StageEvent
from devparty_admin.testing.workflow import VOTE_DAY, ready_for_sympathizer_list, vote


def _flashes(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(
        r'alert-(?:danger|error|success)[^>]*>.*?</button>(.*?)</div>', html, re.S)]


def _session(login_as, user, page="/admin/candidate/"):
    session = login_as(user)
    session.refresh_token(session.get(page).get_data(as_text=True))
    return session


def test_branch_proposes_and_committee_admits_from_the_details_page(branch, login_as, db):
    cid = branch.candidate.id
    secretary = _session(login_as, branch.branch_user)
    details = secretary.get(f"/admin/candidate/details/?id={cid}").get_data(as_text=True)
    assert "Đề nghị kết nạp" in details
    response = secretary.post(f"/admin/candidate/move/?id={cid}", data={
        "target": "proposed", "act_number": "06-NQ/CB", "act_date": VOTE_DAY.strftime("%d/%m/%Y"),
        "votes_for": "20", "votes_against": "2", "official_members": "22"})
    assert response.status_code == 302
    # the branch cannot decide; the committee of the đảng bộ can
    assert secretary.get(f"/admin/candidate/move/?id={cid}").status_code == 302
    committee = _session(login_as, branch.committee_user)
    page = committee.get(f"/admin/candidate/move/?id={cid}").get_data(as_text=True)
    assert "Quyết định kết nạp" in page
    response = committee.post(f"/admin/candidate/move/?id={cid}", data={
        "target": "admitted", "act_number": "45-QĐ/ĐU", "act_date": "01/07/2025"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, cid).stage == "admitted"
    timeline = committee.get(f"/admin/candidate/details/?id={cid}").get_data(as_text=True)
    assert timeline.index("Đã có quyết định kết nạp") < timeline.index("Đã đề nghị kết nạp")
    assert "45-QĐ/ĐU" in timeline and "06-NQ/CB" in timeline


def test_a_bad_vote_count_shows_its_message_and_changes_nothing(branch, login_as, db):
    cid = branch.candidate.id
    session = _session(login_as, branch.branch_user)
    response = session.post(f"/admin/candidate/move/?id={cid}", data={
        "target": "proposed", "act_number": "06-NQ/CB", "act_date": VOTE_DAY.strftime("%d/%m/%Y"),
        "votes_for": "14", "official_members": "22"})
    assert response.status_code == 200
    assert ("Biểu quyết: 14 trên 22 đảng viên chính thức tán thành; cần ít nhất 15 (2/3) "
            "(Điều lệ Đảng, Điều 4).") in _flashes(response.get_data(as_text=True))
    db.session.expire_all()
    assert db.session.get(Candidate, cid).stage == "dossier"
    assert db.session.query(Act).count() == 0 and db.session.query(StageEvent).count() == 0


def test_monthly_resolution_moves_three_candidates_with_one_act(branch, make, login_as, db):
    people = ready_for_sympathizer_list(branch, make, db)
    ids = [str(p.id) for p in people]
    session = _session(login_as, branch.branch_user)
    response = session.post("/admin/candidate/action/", data={"action": "monthly_resolution",
                                                              "rowid": ids})
    assert response.location.startswith("/admin/candidate/resolution/")
    form = session.get(response.location).get_data(as_text=True)
    assert all(f"Cảm Tình Số {i}" in form for i in range(3))
    response = session.post(response.location, data={
        "target": "sympathizer", "act_number": "09-NQ/CB", "act_date": "05/06/2025",
        "votes_for": "20", "official_members": "22"})
    assert response.status_code == 302
    db.session.expire_all()
    assert {db.session.get(Candidate, int(i)).stage for i in ids} == {"sympathizer"}
    assert db.session.query(Act).filter_by(number="09-NQ/CB").count() == 1
    details = session.get(f"/admin/candidate/details/?id={ids[0]}").get_data(as_text=True)
    assert "09-NQ/CB" in details and "Cảm tình Đảng" in details


def test_viewers_and_outsiders_cannot_move_anyone(branch, make, login_as, db):
    cid = branch.candidate.id
    for user in (make.user("viewer", branch.unit), make.user("branch", branch.sibling)):
        session = _session(login_as, user)
        response = session.post(f"/admin/candidate/move/?id={cid}", data={
            "target": "proposed", "act_number": "1", "act_date": "16/06/2025", "votes_for": "22",
            "official_members": "22"})
        assert response.status_code in (302, 404)
        session.post("/admin/candidate/action/", data={"action": "monthly_resolution",
                                                       "rowid": [str(cid)]})
    db.session.expire_all()
    assert db.session.get(Candidate, cid).stage == "dossier"


def test_a_save_after_someone_elses_save_is_a_conflict(branch, login_as, db):
    cid = branch.candidate.id
    session = _session(login_as, branch.branch_user)
    form = session.get(f"/admin/candidate/edit/?id={cid}").get_data(as_text=True)
    opened = re.search(r'name="opened_version"[^>]*value="(\d+)"', form) or \
        re.search(r'value="(\d+)"[^>]*name="opened_version"', form)
    other = db.session.get(Candidate, cid)
    other.phone = "0900000001"
    db.session.commit()  # someone else saved
    data = {"full_name": "Ứng Viên Mẫu", "organization": str(branch.unit.id), "phone": "0911111111",
            "date_of_birth": "10/03/1995", "opened_version": opened.group(1)}
    response = session.post(f"/admin/candidate/edit/?id={cid}", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Có người khác đã lưu hồ sơ này" in html and "0900000001" in html
    assert 'value="0911111111"' in html  # the user's own input is still there
    db.session.expire_all()
    assert db.session.get(Candidate, cid).phone == "0900000001"
    fresh = re.search(r'name="opened_version"[^>]*value="(\d+)"', html) or \
        re.search(r'value="(\d+)"[^>]*name="opened_version"', html)
    response = session.post(f"/admin/candidate/edit/?id={cid}",
                            data={**data, "opened_version": fresh.group(1)})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, cid).phone == "0911111111"


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_dossier_files_are_checked_by_content_and_downloaded_only_in_scope(branch, make, login_as,
                                                                           db, app):
    cid = branch.candidate.id
    session = _session(login_as, branch.branch_user, "/admin/dossier/")
    refused = session.post("/admin/dossier/new/", data={
        "candidate": str(cid), "form_code": "1-KND", "status": "done",
        "upload": (io.BytesIO(b"MZ\x90\x00 not a pdf"), "don.pdf")},
        content_type="multipart/form-data")
    assert "Chỉ nhận tệp PDF, JPG, PNG hoặc DOCX." in refused.get_data(as_text=True)
    duplicate = session.post("/admin/dossier/new/", data={
        "candidate": str(cid), "form_code": "1-KND", "status": "done"},
        content_type="multipart/form-data", follow_redirects=True)
    assert "Tài liệu này đã có trong hồ sơ" in duplicate.get_data(as_text=True)
    existing = db.session.query(DossierItem).filter_by(form_code="1-KND", candidate_id=cid).one()
    assert existing.file_name is None
    response = session.post(f"/admin/dossier/edit/?id={existing.id}", data={
        "candidate": str(cid), "form_code": "1-KND", "status": "done",
        "upload": (io.BytesIO(PDF), "Đơn xin vào Đảng.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.expire_all()
    item = db.session.get(DossierItem, existing.id)
    assert item.content_type == "application/pdf" and item.original_name == "Đơn xin vào Đảng.pdf"
    assert item.file_name.endswith(".pdf") and "Đơn" not in item.file_name
    download = session.get(f"/admin/dossier/download/?id={item.id}")
    assert download.status_code == 200 and download.data == PDF
    outsider = login_as(make.user("branch", branch.sibling))
    assert outsider.get(f"/admin/dossier/download/?id={item.id}").status_code == 404
    assert str(app.static_folder) not in app.config["DEVPARTY_UPLOAD_DIR"]


def test_history_and_acts_cannot_be_edited(branch, login_as, db):
    session = _session(login_as, make_admin(branch, db), "/admin/act/")
    db.session.add(vote(branch.unit))
    db.session.commit()
    act = db.session.query(Act).one()
    assert session.get("/admin/act/").status_code == 200
    session.post("/admin/act/new/", data={"number": "99-NQ", "kind": "branch_resolution"})
    session.post("/admin/act/delete/", data={"id": str(act.id)})
    session.post(f"/admin/act/edit/?id={act.id}", data={"number": "sửa"})
    db.session.expire_all()
    assert [a.number for a in db.session.query(Act)] == ["12-NQ/CB"]
    for url in ("/admin/stageevent/", "/admin/fieldchange/", "/admin/stage_event/"):
        assert session.get(url).status_code == 404


def make_admin(branch, db):
    from devparty_admin.models import User
    user = User(username="quantri", display_name="Quản trị", role="admin")
    user.set_password("mat-khau-thu-1")
    db.session.add(user)
    db.session.commit()
    return user


def test_enroll_many_candidates_in_a_class_within_its_capacity(branch, make, login_as, db):
    from devparty_admin.models import Enrollment, TrainingClass
    people = [make.candidate(branch.unit, full_name=f"Học Viên {i}", stage="sympathizer")
              for i in range(3)]
    course = TrainingClass(kind="awareness", name="Lớp nhận thức tháng 6", organization=branch.unit,
                           start_date=date(2025, 6, 1), end_date=date(2025, 6, 5), capacity=2)
    foreign = TrainingClass(kind="awareness", name="Lớp của chi bộ khác", organization=branch.sibling,
                            start_date=date(2025, 6, 1), end_date=date(2025, 6, 5))
    db.session.add_all([course, foreign])
    db.session.commit()
    session = _session(login_as, branch.branch_user)
    ids = ",".join(str(p.id) for p in people)
    found = session.get("/admin/candidate/ajax/lookup/?name=enroll_class&query=lớp").get_json()
    names = [name for _id, name in found]
    assert "Lớp nhận thức tháng 6 (01/06/2025)" in names
    assert not any("chi bộ khác" in name for name in names)
    response = session.post(f"/admin/candidate/enroll/?ids={ids}", data={"training_class": str(foreign.id)})
    assert "Vui lòng chọn lớp." in response.get_data(as_text=True)
    response = session.post(f"/admin/candidate/enroll/?ids={ids}", data={"training_class": str(course.id)})
    assert "Lớp có 2 chỗ" in " ".join(_flashes(response.get_data(as_text=True)))
    assert db.session.query(Enrollment).filter_by(class_id=course.id).count() == 0
    course.capacity = 30
    db.session.commit()
    response = session.post(f"/admin/candidate/enroll/?ids={ids}", data={"training_class": str(course.id)})
    assert response.status_code == 302
    assert db.session.query(Enrollment).filter_by(class_id=course.id).count() == 3


def test_upload_size_limits(branch, login_as, db, app, monkeypatch):
    item = db.session.query(DossierItem).filter_by(form_code="1-KND").one()
    session = _session(login_as, branch.branch_user, "/admin/dossier/")
    data = {"candidate": str(branch.candidate.id), "form_code": "1-KND", "status": "done"}
    monkeypatch.setitem(app.config, "DEVPARTY_MAX_UPLOAD_MB", 0)
    response = session.post(f"/admin/dossier/edit/?id={item.id}", data={
        **data, "upload": (io.BytesIO(PDF), "don.pdf")}, content_type="multipart/form-data",
        follow_redirects=True)
    assert "Tệp lớn hơn giới hạn 0 MB." in response.get_data(as_text=True)
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1024)
    response = session.post(f"/admin/dossier/edit/?id={item.id}", data={
        **data, "upload": (io.BytesIO(PDF + b"0" * 4096), "don.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 413 and "Tệp tải lên quá lớn." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(DossierItem, item.id).file_name is None


def test_a_candidate_with_history_cannot_be_deleted(branch, login_as, db):
    from devparty_admin.workflow.transitions import move
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    cid = branch.candidate.id
    session = _session(login_as, branch.branch_user)
    response = session.post("/admin/candidate/delete/", data={"id": str(cid)}, follow_redirects=True)
    assert "có lịch sử đã ghi nhận, không thể xóa" in response.get_data(as_text=True)
    session.post("/admin/candidate/action/", data={"action": "delete", "rowid": [str(cid)]})
    db.session.expire_all()
    assert db.session.get(Candidate, cid) is not None
