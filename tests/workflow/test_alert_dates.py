"""The dates the alerts are decided by, kept on each candidate's row, always equal what the
history says: after steps, corrections, certificates recorded, changed or removed, a class's
kind changed, a merge; and the rebuild command restores them after a load around the ORM."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from devparty_admin.models import Act, Candidate, Enrollment
from devparty_admin.testing.workflow import add_certificate, walk_to
from devparty_admin.workflow.corrections import annul_last_step
from devparty_admin.workflow.deadlines import awareness_certificate, entered_current_stage
from devparty_admin.workflow.merges import merge


def _from_history(db) -> dict:
    return {pk: (entered, issued) for pk, entered, issued in db.session.execute(
        select(Candidate.id, entered_current_stage(), awareness_certificate()))}


def _kept(db) -> dict:
    db.session.expire_all()
    return {pk: (entered, issued) for pk, entered, issued in db.session.execute(
        select(Candidate.id, Candidate.stage_entered_on, Candidate.certified_on))}


def test_kept_dates_follow_steps_corrections_and_certificates(branch, make, db):
    person = branch.candidate
    assert _kept(db)[person.id] == (None, date(2024, 1, 15))  # the fixture's certificate
    version = person.version
    walk_to(branch, db, "admitted")
    assert _kept(db)[person.id] == (date(2025, 7, 1), date(2024, 1, 15)) == _from_history(db)[
        person.id]
    annul_last_step(person, actor=branch.committee_user, reason="Quyết định ghi nhầm người",
                    act=Act(number="02-QĐ/ĐU", act_date=date(2025, 8, 1),
                            organization_id=branch.committee_unit.id))
    db.session.commit()
    assert person.stage == "proposed"
    assert _kept(db)[person.id][0] is not None and _kept(db) == _from_history(db)

    add_certificate(db, person, branch.unit, date(2025, 2, 3))
    assert _kept(db)[person.id][1] == date(2025, 2, 3)
    enrollment = db.session.scalar(select(Enrollment).where(
        Enrollment.candidate_id == person.id, Enrollment.certificate_date == date(2025, 2, 3)))
    enrollment.certificate_date = date(2025, 2, 10)
    db.session.commit()
    assert _kept(db)[person.id][1] == date(2025, 2, 10)
    enrollment.training_class.kind = "new_member"  # not an awareness class after all
    db.session.commit()
    assert _kept(db)[person.id][1] == date(2024, 1, 15)
    db.session.delete(db.session.scalar(select(Enrollment).where(
        Enrollment.candidate_id == person.id, Enrollment.certificate_date == date(2024, 1, 15))))
    db.session.commit()
    assert _kept(db)[person.id][1] is None and _kept(db) == _from_history(db)
    # Deriving the dates is not editing the record: its version (optimistic locking) stays.
    assert db.session.get(Candidate, person.id).version == version + 3  # the three steps


def test_a_merge_gives_the_kept_record_the_others_certificate(branch, make, db):
    keep = make.candidate(branch.unit, full_name="Hoàng Thị Mai", date_of_birth=date(1997, 4, 2),
                          national_id=None,
                          stage="sympathizer")
    twin = make.candidate(branch.unit, full_name="Hoang Thi Mai", date_of_birth=date(1997, 4, 2))
    add_certificate(db, twin, branch.unit, date(2025, 1, 10))
    merge(keep, twin, actor=branch.branch_user, reason="Cùng một người")
    db.session.commit()
    assert _kept(db)[keep.id] == (None, date(2025, 1, 10)) == _from_history(db)[keep.id]


def test_the_rebuild_command_restores_dates_changed_around_the_application(branch, app, db):
    walk_to(branch, db, "probationary")
    expected = _from_history(db)
    db.session.execute(update(Candidate).values(stage_entered_on=None, certified_on=None))
    db.session.commit()
    assert _kept(db) != expected
    result = app.test_cli_runner().invoke(args=["devparty", "rebuild-alert-dates"])
    assert result.exit_code == 0 and "Đã tính lại" in result.output
    assert _kept(db) == expected
