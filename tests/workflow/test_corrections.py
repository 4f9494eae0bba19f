"""Correcting a mistake: the last step annulled by a numbered act, recorded as a new event;
the stage, the member roll, the reports and the alerts go back; nothing is deleted."""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from devparty_admin.models import Act, Member, StageEvent
from devparty_admin.reports.facts import Subtree, admissions
from devparty_admin.reports.period import Period
from devparty_admin.testing.workflow import vote
from devparty_admin.workflow.corrections import annul_last_step
from devparty_admin.workflow.deadlines import alerts
from devparty_admin.workflow.transitions import TransitionRefused, move


def _decide(branch, day=date(2025, 7, 1)):
    return Act(kind="admission_decision", number="45-QĐ/ĐU", act_date=day,
               organization_id=branch.committee_unit.id)


def _correction(branch, number="02-QĐ/ĐU"):
    return Act(number=number, act_date=date(2025, 8, 1), organization_id=branch.committee_unit.id,
               signer="Ban Thường vụ")


def _admitted_in_2025(branch, db):
    from sqlalchemy import func
    subtree = Subtree(branch.province, Period.year(2025))
    return db.session.scalar(admissions(subtree).add_columns(func.count()))


def test_an_annulled_decision_no_longer_counts(branch, db):
    from devparty_admin.models import Candidate
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    move(branch.candidate, "admitted", actor=branch.committee_user, act=_decide(branch))
    db.session.commit()
    assert _admitted_in_2025(branch, db) == 1
    watched = select(Candidate)
    assert [a.kind for a in alerts(watched, date(2025, 7, 2))] == ["ceremony_due"]
    with pytest.raises(TransitionRefused) as refused:  # the branch cannot annul a decision
        annul_last_step(branch.candidate, actor=branch.branch_user, act=_correction(branch),
                        reason="Nhầm ngày")
    assert any("Quyết định kết nạp" in r or "Đã có quyết định" in r for r in refused.value.reasons)
    db.session.rollback()
    annul_last_step(branch.candidate, actor=branch.committee_user, act=_correction(branch),
                    reason="Quyết định ghi nhầm người")
    db.session.commit()
    assert branch.candidate.stage == "proposed"
    assert _admitted_in_2025(branch, db) == 0
    assert [a.kind for a in alerts(watched, date(2025, 7, 2))] == ["decision_due"]
    events = db.session.scalars(select(StageEvent).order_by(StageEvent.id)).all()
    assert [(e.from_stage, e.to_stage) for e in events] == [
        ("dossier", "proposed"), ("proposed", "admitted"), ("admitted", "proposed")]
    assert events[2].annuls_id == events[1].id and events[2].act.kind == "correction"
    move(branch.candidate, "admitted", actor=branch.committee_user,
         act=_decide(branch, date(2025, 8, 4)))  # decided again, correctly
    db.session.commit()
    assert _admitted_in_2025(branch, db) == 1


def test_annulling_a_ceremony_takes_the_member_off_the_roll(branch, db):
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    move(branch.candidate, "admitted", actor=branch.committee_user, act=_decide(branch))
    move(branch.candidate, "probationary", actor=branch.branch_user, effective_on=date(2025, 7, 10))
    db.session.commit()
    assert db.session.query(Member).filter_by(candidate_id=branch.candidate.id).count() == 1
    annul_last_step(branch.candidate, actor=branch.branch_user, reason="Chưa tổ chức lễ",
                    act=Act(number="03-NQ/CB", act_date=date(2025, 7, 11),
                            organization_id=branch.unit.id))
    db.session.commit()
    assert branch.candidate.stage == "admitted"
    assert db.session.query(Member).filter_by(candidate_id=branch.candidate.id).count() == 0


def test_a_correction_needs_its_act_and_reason(branch, db):
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    with pytest.raises(TransitionRefused) as refused:
        annul_last_step(branch.candidate, actor=branch.branch_user, reason=" ",
                        act=Act(number="", act_date=None, organization_id=branch.unit.id))
    assert len(refused.value.reasons) == 2
    db.session.rollback()
    assert branch.candidate.stage == "proposed"


def test_the_branch_corrects_from_the_case_file(branch, login_as, db):
    cid = branch.candidate.id
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    session = login_as(branch.branch_user)
    details = session.get(f"/admin/candidate/details/?id={cid}").get_data(as_text=True)
    assert 'id="annul-step"' in details
    session.refresh_token(session.get(f"/admin/candidate/annul/?id={cid}").get_data(as_text=True))
    response = session.post(f"/admin/candidate/annul/?id={cid}", data={
        "act_number": "07-NQ/CB", "act_date": "20/06/2025", "reason": "Biểu quyết ghi nhầm"})
    assert response.status_code == 302
    details = session.get(f"/admin/candidate/details/?id={cid}").get_data(as_text=True)
    assert "Đã hủy" in details and "Đính chính" in details and "Biểu quyết ghi nhầm" in details
    assert re.search(r"Hồ sơ|Chuẩn bị hồ sơ", details)
    committee = login_as(branch.committee_user)  # the branch's own steps are not the committee's
    assert committee.get(f"/admin/candidate/annul/?id={cid}").status_code == 302
