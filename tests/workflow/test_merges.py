"""A reviewed merge of two records of one person: one kept, details and documents gathered on
it, both histories kept and read together, the other marked merged; refusals change nothing."""
from __future__ import annotations

from datetime import date

from devparty_admin.models import Candidate, DossierItem, FieldChange, StageEvent
from devparty_admin.testing.workflow import add_certificate


def _merge_page(session, a, b):
    session.refresh_token(session.get("/admin/candidate/").get_data(as_text=True))
    response = session.post("/admin/candidate/action/", data={
        "action": "merge", "rowid": [str(a.id), str(b.id)]})
    assert response.status_code == 302
    page = session.get(response.location)
    session.refresh_token(page.get_data(as_text=True))
    return response.location


def test_two_records_of_one_person_become_one(branch, make, login_as, db):
    keep = make.candidate(branch.unit, full_name="Hoàng Thị Mai", national_id=None,
                          date_of_birth=date(1997, 4, 2), stage="sympathizer")
    db.session.add(StageEvent(candidate=keep, from_stage="source", to_stage="sympathizer",
                              effective_on=date(2025, 3, 1)))
    twin = make.candidate(branch.unit, full_name="Hoang Thi Mai", national_id="001197000777",
                          date_of_birth=date(1997, 4, 2), phone="0912345678")
    db.session.add(DossierItem(candidate=twin, form_code="2-KND", status="done",
                               item_date=date(2025, 2, 1)))
    db.session.commit()
    add_certificate(db, twin, branch.unit, date(2025, 1, 10))
    session = login_as(branch.branch_user)
    url = _merge_page(session, keep, twin)
    response = session.post(url, data={"keep": str(keep.id),
                                       "reason": "Cùng người, nhập hai lần khi chuyển chi bộ"})
    assert response.status_code == 302
    db.session.expire_all()
    kept, gone = db.session.get(Candidate, keep.id), db.session.get(Candidate, twin.id)
    assert (kept.national_id, kept.phone, kept.stage) == ("001197000777", "0912345678",
                                                          "sympathizer")
    assert (gone.stage, gone.merged_into_id, gone.national_id) == ("merged", keep.id, None)
    assert db.session.query(DossierItem).filter_by(candidate_id=keep.id).count() == 1
    assert db.session.query(FieldChange).filter_by(field="merge").count() == 2
    details = session.get(f"/admin/candidate/details/?id={keep.id}").get_data(as_text=True)
    assert "Cùng người, nhập hai lần" in details and "Gộp hồ sơ" in details
    health = session.get("/admin/reports/health").get_data(as_text=True)
    assert "Hoang Thi Mai" not in health.split('id="table-health"')[1]


def test_a_merge_of_different_people_or_the_wrong_way_is_refused(branch, make, login_as, db):
    first = make.candidate(branch.unit, full_name="Lê Văn Nam", date_of_birth=date(1990, 1, 1))
    other = make.candidate(branch.unit, full_name="Lê Văn Nam", date_of_birth=date(1991, 1, 1))
    session = login_as(branch.branch_user)
    url = _merge_page(session, first, other)
    page = session.post(url, data={"keep": str(first.id), "reason": "x"}).get_data(as_text=True)
    assert "Ngày sinh khác nhau" in page
    db.session.expire_all()
    assert db.session.get(Candidate, other.id).stage == "source"
    # the record to merge away must not have its own steps
    stepped = make.candidate(branch.unit, full_name="Có Lịch Sử", stage="sympathizer",
                             date_of_birth=date(1990, 1, 1))
    db.session.add(StageEvent(candidate=stepped, from_stage="source", to_stage="sympathizer",
                              effective_on=date(2025, 3, 1)))
    db.session.commit()
    url = _merge_page(session, first, stepped)
    page = session.post(url, data={"keep": str(first.id), "reason": "x"}).get_data(as_text=True)
    assert "đã có các bước được ghi nhận" in page
    db.session.expire_all()
    assert db.session.get(Candidate, stepped.id).stage == "sympathizer"
