"""The case file and “Việc cần làm”: what a branch secretary and a committee member see and do
from one person's page, without picking the person again."""
import re
from datetime import date, timedelta

from devparty_admin.models import Candidate, DossierItem, Enrollment, Sponsor, TrainingClass
from devparty_admin.testing.workflow import add_certificate, ready_for_sympathizer_list, vote
from devparty_admin.workflow.transitions import move_many


def _page(session, url):
    html = session.get(url).get_data(as_text=True)
    session.refresh_token(html)
    return html


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _details(session, candidate):
    return _page(session, f"/admin/candidate/details/?id={candidate.id}")


def test_the_case_file_says_what_is_missing_and_where_to_fix_it(branch, db, login_as):
    db.session.query(DossierItem).filter_by(candidate_id=branch.candidate.id,
                                            form_code="5-KND").delete()
    db.session.commit()
    secretary = login_as(branch.branch_user)
    html = _details(secretary, branch.candidate)
    text = _text(html)
    assert "Còn thiếu để “Đề nghị kết nạp”" in text
    assert re.search(r'<a href="#dossier">[^<]*5-KNĐ', html)
    assert "Đang hoàn thiện hồ sơ" in text and "Chi bộ 01" in text
    # recorded in place: the panel empties and the button becomes the primary one
    response = secretary.post(f"/admin/candidate/dossier/?id={branch.candidate.id}",
                              data={"form_code": "5-KND", "item_date": "02/05/2025"})
    assert response.status_code == 302 and response.location.endswith("#dossier")
    text = _text(_details(secretary, branch.candidate))
    assert "Đã ghi nhận" in text or "Đủ điều kiện để “Đề nghị kết nạp”: không còn thiếu gì." in text
    assert "Còn thiếu để" not in text
    item = db.session.query(DossierItem).filter_by(candidate_id=branch.candidate.id,
                                                   form_code="5-KND").one()
    assert (item.status, item.item_date) == ("done", date(2025, 5, 2))


def test_a_certificate_recorded_at_the_class_serves_the_dossier(branch, db, login_as):
    db.session.query(DossierItem).filter_by(candidate_id=branch.candidate.id,
                                            form_code="CN-NTVD").delete()
    db.session.commit()
    html = _details(login_as(branch.branch_user), branch.candidate)
    assert "Giấy chứng nhận số CN-20240115 ngày 15/01/2024 (theo kết quả lớp)" in _text(html)
    assert "Còn thiếu để" not in _text(html)


def test_a_bad_dossier_entry_is_a_message_and_nothing_changes(branch, db, login_as):
    secretary = login_as(branch.branch_user)
    _details(secretary, branch.candidate)
    before = db.session.query(DossierItem).count()
    for data in ({"form_code": "6-KND", "item_date": "31/02/2025"},
                 {"form_code": "NOPE", "item_date": "01/01/2025"},
                 {"form_code": "CN-NTVD", "item_date": "01/01/2025"},
                 {"form_code": "6-KND", "item_date": (date.today() + timedelta(days=3))
                  .strftime("%d/%m/%Y")}):
        response = secretary.post(f"/admin/candidate/dossier/?id={branch.candidate.id}",
                                  data=data)
        assert response.status_code == 302
    assert db.session.query(DossierItem).count() == before
    assert "Nhập ngày theo dạng ngày/tháng/năm" in _text(_details(secretary, branch.candidate))


def test_others_cannot_record_in_the_dossier(branch, make, db, login_as):
    outsider = login_as(make.user("branch", branch.sibling))
    _page(outsider, "/admin/candidate/")
    response = outsider.post(f"/admin/candidate/dossier/?id={branch.candidate.id}",
                             data={"form_code": "6-KND", "item_date": "01/05/2025"})
    assert response.status_code == 404
    viewer = login_as(make.user("viewer", branch.unit))
    _page(viewer, "/admin/candidate/")
    viewer.post(f"/admin/candidate/dossier/?id={branch.candidate.id}",
                data={"form_code": "6-KND", "item_date": "01/05/2025"})
    assert db.session.query(DossierItem).filter_by(form_code="6-KND").count() == 0


def test_each_step_form_asks_only_for_its_own_fields(branch, make, db, login_as):
    person = ready_for_sympathizer_list(branch, make, db, count=1)[0]
    secretary = login_as(branch.branch_user)
    monthly = _page(secretary, f"/admin/candidate/move/?id={person.id}&step=sympathizer")
    assert 'name="act_number"' in monthly and 'placeholder="12-NQ/CB"' in monthly
    assert 'name="votes_for"' not in monthly and 'name="effective_on"' not in monthly
    proposal = _page(secretary, f"/admin/candidate/move/?id={branch.candidate.id}&step=proposed")
    assert 'name="votes_for"' in proposal and 'name="transferred_members"' in proposal
    assert date.today().strftime("%d/%m/%Y") in proposal  # the act's date defaults to today


def test_the_branch_sees_it_waits_for_the_committee_which_sees_the_vote(branch, db, login_as):
    add_certificate(db, branch.candidate, branch.unit, date.today() - timedelta(days=20))
    move_many([branch.candidate], "proposed", actor=branch.branch_user,
              act=vote(branch.unit, day=date.today(), number="06-NQ/CB"))
    db.session.commit()
    secretary = login_as(branch.branch_user)
    text = _text(_details(secretary, branch.candidate))
    assert re.search(r"Đang chờ “[^”]+” của Đảng bộ Sở Tư pháp, hạn \d\d/\d\d/\d{4}\.", text)
    assert 'step-button" data-step="admitted"' not in _details(secretary, branch.candidate)
    response = secretary.get(f"/admin/candidate/move/?id={branch.candidate.id}")
    assert response.status_code == 302
    assert "Đang chờ" in _text(secretary.get(response.location).get_data(as_text=True))
    committee = login_as(branch.committee_user)
    html = _details(committee, branch.candidate)
    assert 'step-button" data-step="admitted"' in html
    form = _page(committee, f"/admin/candidate/move/?id={branch.candidate.id}&step=admitted")
    assert "Đề nghị của chi bộ" in form and "06-NQ/CB" in form
    assert "20 tán thành, 2 không tán thành" in _text(form)
    assert 'name="votes_for"' not in form and 'placeholder="45-QĐ/ĐU"' in form


def test_the_sponsor_form_opened_from_the_case_file_has_the_person(branch, login_as):
    secretary = login_as(branch.branch_user)
    html = _page(secretary, f"/admin/sponsor/new/?candidate={branch.candidate.id}")
    assert f'name="candidate" type="hidden" value="{branch.candidate.id}"' in html


def test_the_to_do_list_groups_people_by_their_next_step(branch, make, db, login_as):
    ready_for_sympathizer_list(branch, make, db, count=3)
    secretary = login_as(branch.branch_user)
    html = _page(secretary, "/admin/due/")
    text = _text(html)
    assert "Đưa vào danh sách cảm tình Đảng" in text and "Cảm Tình Số 2" in text
    assert "Đề nghị kết nạp" in text and "Ứng Viên Mẫu" in text
    ids = re.findall(r'name="ids" value="(\d+)"', html)
    assert len(ids) == 3
    form = _page(secretary, "/admin/candidate/resolution/?" + "&".join(f"ids={i}" for i in ids))
    assert all(f"Cảm Tình Số {i}" in form for i in range(3))
    outsider = login_as(make.user("branch", branch.sibling))
    assert "Cảm Tình Số" not in _page(outsider, "/admin/due/")


def _spread(make, db, branch, count):
    """``count`` people at each stage of the pool, with documents, classes and helpers."""
    course = TrainingClass(kind="awareness", name="Lớp nhận thức", organization=branch.unit,
                           start_date=date(2025, 1, 5), end_date=date(2025, 1, 9))
    for i in range(count):
        person = make.candidate(branch.unit, full_name=f"Người Thứ {i}", stage="sympathizer")
        db.session.add(Enrollment(training_class=course, candidate=person, result="enrolled"))
        db.session.add(Sponsor(candidate=person, member=branch.members[i % 20], role="helper",
                               known_since=date(2024, 1, 1)))
        db.session.add(DossierItem(candidate=branch.candidate, form_code=f"X-{i}", status="done"))
    db.session.commit()


def test_case_file_and_to_do_cost_the_same_with_few_or_many_rows(branch, make, db, login_as,
                                                                    count_queries):
    secretary = login_as(branch.branch_user)

    def cost(url):
        secretary.get(url)  # warm: the first request loads the plugins' state
        with count_queries() as counter:
            assert secretary.get(url).status_code == 200
        return counter.count

    pages = [f"/admin/candidate/details/?id={branch.candidate.id}", "/admin/due/"]
    few = [cost(url) for url in pages]
    _spread(make, db, branch, 40)
    assert [cost(url) for url in pages] == few


def test_dashboard_alert_links_open_the_alerts_of_their_kind(branch, db, login_as):
    move_many([branch.candidate], "proposed", actor=branch.branch_user,
              act=vote(branch.unit, day=date.today() - timedelta(days=90)))
    db.session.commit()
    committee = login_as(branch.committee_user)
    home = _page(committee, "/admin/")
    assert "/admin/alerts/?kind=decision_due" in home
    page = _text(_page(committee, "/admin/alerts/?kind=decision_due"))
    assert "Ứng Viên Mẫu" in page and "Xem mọi cảnh báo" in page
    assert "Ứng Viên Mẫu" not in _text(_page(committee, "/admin/alerts/?kind=ceremony_due"))
    assert db.session.get(Candidate, branch.candidate.id).stage == "proposed"


def test_members_show_admission_and_end_of_probation_and_filter_the_overdue(branch, make, db,
                                                                            login_as):
    from devparty_admin.workflow.calendar import add_months

    today = date.today()
    late = make.member(branch.unit, full_name="Dự Bị Quá Hạn", status="probationary",
                       admission_date=add_months(today, -14), ceremony_date=add_months(today, -13))
    make.member(branch.unit, full_name="Dự Bị Đang Thử", status="probationary",
                admission_date=add_months(today, -4), ceremony_date=add_months(today, -3))
    db.session.commit()
    session = login_as(branch.committee_user)
    text = _text(_page(session, "/admin/member/?search=du+bi"))
    assert "Hết thời gian dự bị" in text
    assert add_months(late.ceremony_date, 12).strftime("%d/%m/%Y") in text
    assert add_months(today, -14).strftime("%d/%m/%Y") in text
    overdue = _text(_page(session, "/admin/member/?flt0_overdue=1"))
    assert "Dự Bị Quá Hạn" in overdue and "Dự Bị Đang Thử" not in overdue


def test_the_dossier_and_class_lists_are_searched_by_name_without_accents(branch, make, db,
                                                                         login_as):
    other = make.candidate(branch.unit, full_name="Trần Văn Bình", stage="dossier")
    db.session.add(DossierItem(candidate=other, form_code="1-KND", status="pending"))
    db.session.commit()
    session = login_as(branch.branch_user)
    found = _text(_page(session, "/admin/dossier/?search=ung+vien"))
    assert "Ứng Viên Mẫu" in found and "Trần Văn Bình" not in found
    assert "Trần Văn Bình" in _text(_page(session, "/admin/dossier/?search=binh"))
    pending = _text(_page(session, "/admin/dossier/?flt0_1=pending"))  # status: missing
    assert "Trần Văn Bình" in pending and "Ứng Viên Mẫu" not in pending
    by_form = _text(_page(session, "/admin/dossier/?flt0_0=TTLL"))
    assert "Ứng Viên Mẫu" in by_form and "Trần Văn Bình" not in by_form
    assert "Ứng Viên Mẫu" in _text(_page(session, "/admin/enrollment/?search=mau"))


def _delete_offered(page: str, pk: int) -> bool:
    return re.search(rf'<input[^>]*name="id"[^>]*value="{pk}"', page) is not None


def test_delete_is_offered_only_where_it_is_allowed(branch, make, db, login_as):
    fresh = make.candidate(branch.unit, full_name="Mới Nhập Tay", stage="source")
    typed = make.member(branch.unit, full_name="Đảng Viên Nhập Nhầm")
    session = login_as(make.user("admin", None))
    listed = session.get("/admin/candidate/?search=moi").get_data(as_text=True)
    assert _delete_offered(listed, fresh.id)  # the row's delete form
    move = ready_for_sympathizer_list(branch, make, db, count=1)[0]
    from devparty_admin.models import Act
    move_many([move], "sympathizer", actor=branch.branch_user,
              act=Act(kind="branch_resolution", number="1-NQ/CB", act_date=date(2025, 6, 1),
                      organization_id=branch.unit.id))
    db.session.commit()
    listed = session.get("/admin/candidate/?search=cam+tinh").get_data(as_text=True)
    assert not _delete_offered(listed, move.id)
    members = session.get("/admin/member/").get_data(as_text=True)
    assert _delete_offered(members, typed.id)
    helper = branch.members[4]  # helps the candidate above
    assert not _delete_offered(members, helper.id)
    session.refresh_token(members)
    response = session.post("/admin/member/delete/", data={"id": str(helper.id),
                                                           "url": "/admin/member/"})
    assert response.status_code == 302
    assert db.session.get(type(helper), helper.id) is not None


def test_a_passed_class_without_a_certificate_date_takes_the_classs_last_day(branch, make, db,
                                                                              login_as):
    course = TrainingClass(kind="awareness", name="Lớp tháng 3", organization=branch.unit,
                           start_date=date(2025, 3, 3), end_date=date(2025, 3, 7))
    person = make.candidate(branch.unit, full_name="Học Xong Lớp", stage="sympathizer")
    db.session.add(course)
    db.session.commit()
    session = login_as(branch.branch_user)
    session.refresh_token(session.get("/admin/enrollment/new/").get_data(as_text=True))
    response = session.post("/admin/enrollment/new/", data={
        "candidate": str(person.id), "training_class": str(course.id), "result": "passed",
        "certificate_number": "NT-77"})
    assert response.status_code == 302
    enrollment = db.session.query(Enrollment).filter_by(candidate_id=person.id).one()
    assert enrollment.certificate_date == date(2025, 3, 7)


def test_the_rows_delete_form_deletes_with_its_own_token(branch, make, db, login_as):
    """The row's delete form is posted as the page wrote it (its id, return address and CSRF
    token) and the record is gone; the row's open and edit icons lead to the record. A
    candidate with a recorded step is listed with its icons but no delete form."""
    import re

    from devparty_admin.models import StageEvent

    fresh = make.candidate(branch.unit, full_name="Xóa Được Ngay", stage="source")
    kept = make.candidate(branch.unit, full_name="Xóa Được Không", stage="sympathizer")
    db.session.add(StageEvent(candidate=kept, from_stage="source", to_stage="sympathizer",
                              effective_on=date(2025, 1, 6)))
    db.session.commit()
    model, pk = type(fresh), fresh.id
    session = login_as(make.user("admin", None))
    listed = session.get("/admin/candidate/?search=xoa+duoc").get_data(as_text=True)
    assert f'href="/admin/candidate/details/?id={pk}&amp;url=' in listed
    assert f'href="/admin/candidate/edit/?id={pk}&amp;url=' in listed
    assert f'href="/admin/candidate/details/?id={kept.id}&amp;url=' in listed
    assert listed.count('<form class="icon" method="POST"') == 1
    form = re.search(r'<form class="icon" method="POST" action="([^"]+)">(.*?)</form>', listed)
    fields = dict(re.findall(r'name="([^"]+)" type="hidden" value="([^"]*)"', form.group(2)))
    assert fields["id"] == str(pk) and fields["csrf_token"]
    response = session.post(form.group(1), data=fields, with_token=False)
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(model, pk) is None


def test_a_member_others_rely_on_is_listed_without_a_delete_form(branch, make, db, login_as):
    """A member entered by hand and unused may be deleted from the list; one who helps
    someone, or whom the path admitted, is listed without the delete form."""
    from devparty_admin.models import Member, Sponsor

    unused = make.member(branch.unit, full_name="Đỗ Thị Rảnh")
    helper = make.member(branch.unit, full_name="Đỗ Thị Giúp")
    admitted = make.member(branch.unit, full_name="Đỗ Văn Kết",
                           candidate=make.candidate(branch.unit, full_name="Đỗ Văn Kết"))
    db.session.add(Sponsor(candidate=make.candidate(branch.unit, full_name="Lý Văn Mới"),
                           member=helper, role="helper", known_since=date(2024, 1, 2)))
    db.session.commit()
    session = login_as(make.user("admin", None))
    listed = session.get("/admin/member/?search=do").get_data(as_text=True)
    for member in (unused, helper, admitted):
        assert f'href="/admin/member/details/?id={member.id}&amp;url=' in listed
    forms = re.findall(r'<form class="icon" method="POST" action="[^"]+">'
                       r'<input id="id" name="id" type="hidden" value="(\d+)">', listed)
    assert forms == [str(unused.id)]
    session.refresh_token(listed)
    refused = session.post("/admin/member/delete/", data={"id": str(helper.id),
                                                          "url": "/admin/member/"})
    assert "đang giúp đỡ, giới thiệu quần chúng; không thể xóa" in \
        session.get("/admin/member/").get_data(as_text=True)
    assert refused.status_code == 302 and db.session.get(Member, helper.id) is not None
