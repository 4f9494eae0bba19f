"""Who may be enrolled in which class, and when a certificate may be dated."""
from __future__ import annotations

from datetime import date

import pytest

from devparty_admin.models import Enrollment, TrainingClass
from devparty_admin.workflow.training import EnrollmentRefused, enroll


def _class(db, unit, kind: str) -> TrainingClass:
    course = TrainingClass(kind=kind, name=f"Lớp {kind}", organization=unit,
                           start_date=date(2025, 6, 2), end_date=date(2025, 6, 6))
    db.session.add(course)
    db.session.commit()
    return course


@pytest.mark.parametrize("kind, stage, allowed", [
    ("awareness", "source", True), ("awareness", "sympathizer", True),
    ("awareness", "trained", False), ("awareness", "probationary", False),
    ("new_member", "probationary", True), ("new_member", "sympathizer", False),
    ("new_member", "official", False),
])
def test_who_a_class_is_for(branch, make, db, kind, stage, allowed):
    person = make.candidate(branch.unit, full_name="Người Học", stage=stage)
    course = _class(db, branch.unit, kind)
    if allowed:
        assert enroll([person], course) == 1
        return
    with pytest.raises(EnrollmentRefused, match="Người Học"):
        enroll([person], course)
    db.session.rollback()
    assert db.session.query(Enrollment).filter_by(class_id=course.id).count() == 0


def test_class_results_form_checks_the_stage_and_the_certificate_date(branch, make, login_as, db):
    person = make.candidate(branch.unit, full_name="Cảm Tình Viên", stage="sympathizer")
    course = _class(db, branch.unit, "new_member")
    session = login_as(branch.branch_user)
    session.refresh_token(session.get("/admin/enrollment/new/").get_data(as_text=True))
    page = session.post("/admin/enrollment/new/", data={
        "candidate": str(person.id), "training_class": str(course.id)}).get_data(as_text=True)
    assert "Cảm Tình Viên đang ở giai đoạn “Cảm tình Đảng”" in page
    awareness = _class(db, branch.unit, "awareness")
    page = session.post("/admin/enrollment/new/", data={
        "candidate": str(person.id), "training_class": str(awareness.id), "result": "passed",
        "certificate_number": "CN-1", "certificate_date": "01/06/2025"}).get_data(as_text=True)
    assert "trước khi lớp khai giảng ngày 02/06/2025" in page
    assert db.session.query(Enrollment).filter_by(candidate_id=person.id).count() == 0
    response = session.post("/admin/enrollment/new/", data={
        "candidate": str(person.id), "training_class": str(awareness.id), "result": "passed",
        "certificate_number": "CN-1", "certificate_date": "06/06/2025"})
    assert response.status_code == 302
    assert db.session.query(Enrollment).filter_by(candidate_id=person.id).count() == 1
