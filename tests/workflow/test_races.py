"""Real concurrency: many people (threads, each with its own session and connection) record
the same step or save the same record at once. Exactly one wins, nobody gets a 500, and the
others are told who recorded it."""
from __future__ import annotations

import threading

from devparty_admin.models import Act, Candidate, StageEvent
from devparty_admin.testing.workflow import VOTE_DAY, ready_for_sympathizer_list, vote
from devparty_admin.workflow.transitions import move

PARALLEL = 20


def _sessions(login_as, user, page: str, count: int = PARALLEL):
    sessions = []
    for _ in range(count):
        session = login_as(user)
        session.refresh_token(session.get(page).get_data(as_text=True))
        sessions.append(session)
    return sessions


def _all_at_once(sessions, url: str, data: dict) -> list[tuple[int, str]]:
    """POST from every session at the same instant; each result is (status, what the user
    then reads: the page, or the page it was sent on to)."""
    barrier = threading.Barrier(len(sessions))
    results: list = [None] * len(sessions)

    def run(index: int, session) -> None:
        barrier.wait()
        response = session.post(url, data=data)
        page = (session.get(response.location) if response.status_code == 302 else response)
        results[index] = (response.status_code, page.get_data(as_text=True))

    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def test_parallel_admission_decisions_record_one(branch, login_as, db):
    candidate = branch.candidate
    move(candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    cid = candidate.id
    sessions = _sessions(login_as, branch.committee_user, f"/admin/candidate/move/?id={cid}")
    results = _all_at_once(sessions, f"/admin/candidate/move/?id={cid}", {
        "target": "admitted", "act_number": "45-QĐ/ĐU", "act_date": "01/07/2025"})
    assert all(status in (200, 302) for status, _page in results), [s for s, _p in results]
    db.session.expire_all()
    assert db.session.get(Candidate, cid).stage == "admitted"
    assert db.session.query(StageEvent).filter_by(to_stage="admitted").count() == 1
    assert db.session.query(Act).filter_by(number="45-QĐ/ĐU").count() == 1
    told = [page for _status, page in results if "đã được" in page and "ghi nhận lúc" in page]
    assert len(told) == PARALLEL - 1
    assert all(branch.committee_user.display_name in page for page in told)
    assert not any("UPDATE statement" in page or "Lựa chọn không hợp lệ" in page
                   for _status, page in results)


def test_parallel_monthly_resolutions_record_one(branch, make, login_as, db):
    people = ready_for_sympathizer_list(branch, make, db)
    ids = ",".join(str(person.id) for person in people)
    url = f"/admin/candidate/resolution/?ids={ids}"
    sessions = _sessions(login_as, branch.branch_user, url)
    results = _all_at_once(sessions, url, {
        "target": "sympathizer", "act_number": "09-NQ/CB", "act_date": VOTE_DAY.strftime("%d/%m/%Y"),
        "votes_for": "20", "official_members": "22"})
    assert all(status in (200, 302) for status, _page in results)
    db.session.expire_all()
    assert db.session.query(Act).filter_by(number="09-NQ/CB").count() == 1
    assert db.session.query(StageEvent).filter_by(to_stage="sympathizer").count() == 3
    assert sum("ghi nhận lúc" in page for _status, page in results) == PARALLEL - 1


def test_parallel_saves_of_one_candidate_give_the_conflict_message(branch, login_as, db):
    cid = branch.candidate.id
    url = f"/admin/candidate/edit/?id={cid}"
    sessions = _sessions(login_as, branch.branch_user, url, count=8)
    data = {"full_name": "Ứng Viên Đổi Tên", "gender": "male", "date_of_birth": "10/03/1995",
            "national_id": branch.candidate.national_id, "organization": str(branch.unit.id),
            "education_level": "upper_secondary", "opened_version": "1"}
    results = _all_at_once(sessions, url, data)
    assert all(status in (200, 302) for status, _page in results)
    saved = [page for status, page in results if "Ứng Viên Đổi Tên" in page and status == 302]
    assert len(saved) >= 1
    refused = [page for status, page in results if status == 200]
    assert all("đã lưu hồ sơ này" in page or "Người khác" in page for page in refused)
    assert not any("UPDATE statement" in page or "expected to update" in page
                   for _status, page in results)
