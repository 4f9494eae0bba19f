"""Merging units: everyone and everything follows the unit that takes them over, the past
stays, the refused merge changes nothing."""
from datetime import date, timedelta

import pytest

from devparty_admin.models import (
    Candidate,
    FieldChange,
    Member,
    Organization,
    Plan,
    StageEvent,
    UnitChange,
    UnitSuccession,
    User,
)
from devparty_admin.testing.workflow import add_certificate, vote
from devparty_admin.workflow.deadlines import deadline_of
from devparty_admin.workflow.reorganization import ReorganizationRefused, merge
from devparty_admin.workflow.transitions import move_many

from ..reports.test_reports import table

DAY = date.today() - timedelta(days=3)


def _decision(**fields):
    values = {"number": "12-QĐ/TU", "act_date": DAY, "issuer": "Ban Thường vụ Tỉnh ủy"}
    return UnitChange(**{**values, **fields})


@pytest.fixture
def two_branches(branch, make, db):
    """Chi bộ 01 (the fixture's: a candidate proposed, 22 members) and Chi bộ 03 (a person in
    the pool, a member), both with plans, and the unit that takes them over."""
    add_certificate(db, branch.candidate, branch.unit, date.today() - timedelta(days=40))
    move_many([branch.candidate], "proposed", actor=branch.branch_user,
              act=vote(branch.unit, day=date.today() - timedelta(days=10)))
    other = make.org("Chi bộ 03", parent=branch.committee_unit)
    pooled = make.candidate(other, full_name="Người Ở Chi Bộ Ba", stage="source")
    make.member(other, full_name="Đảng Viên Chi Bộ Ba")
    target = make.org("Chi bộ hợp nhất", parent=branch.committee_unit)
    db.session.add_all([Plan(organization=branch.unit, year=2026, target_admissions=3),
                        Plan(organization=target, year=2026, target_admissions=2),
                        Plan(organization=other, year=2025, target_admissions=1)])
    db.session.commit()
    return branch, other, pooled, target


def test_a_merge_carries_everyone_and_keeps_the_past(two_branches, make, login_as, db):
    branch, other, pooled, target = two_branches
    steps = db.session.query(StageEvent).count()
    due = deadline_of(branch.candidate)
    moved = merge([branch.unit, other], target, _decision(), actor=branch.committee_user)
    db.session.commit()
    assert moved.counts["candidates"] == 2 and moved.counts["members"] == 23
    assert moved.counts["users"] == 1 and moved.counts["plans"] == 2
    person = db.session.get(Candidate, branch.candidate.id)
    assert (person.organization_id, person.stage) == (target.id, "proposed")
    assert db.session.query(StageEvent).count() == steps  # the path is as it was
    assert deadline_of(person).due == due.due
    assert db.session.get(Candidate, pooled.id).organization_id == target.id
    assert db.session.query(Member).filter_by(organization_id=target.id).count() == 23
    assert db.session.get(User, branch.branch_user.id).organization_id == target.id
    plans = {p.year: p.target_admissions for p in db.session.query(Plan)
             .filter_by(organization_id=target.id)}
    assert plans == {2026: 5, 2025: 1}  # carried: added to the same year, or moved
    for unit in (branch.unit, other):
        ended = db.session.get(Organization, unit.id)
        assert (ended.ended_on, ended.active) == (DAY, False)
    assert {(s.old_id, s.new_id) for s in db.session.query(UnitSuccession)} == {
        (branch.unit.id, target.id), (other.id, target.id)}
    lines = {c.new_value for c in db.session.query(FieldChange).filter_by(
        candidate_id=pooled.id, field="organization")}
    assert lines == {"Chi bộ hợp nhất"}
    # The branch's secretary, now of the new unit, sees both; a sibling branch sees neither.
    page = login_as(db.session.get(User, branch.branch_user.id)).get("/admin/candidate/")
    assert "Ứng Viên Mẫu" in page.get_data(as_text=True)
    assert "Người Ở Chi Bộ Ba" in page.get_data(as_text=True)
    sibling = login_as(make.user("branch", branch.sibling)).get("/admin/candidate/")
    assert "Ứng Viên Mẫu" not in sibling.get_data(as_text=True)


@pytest.mark.parametrize("case", ["into_its_own_sub_unit", "no_decision", "future", "ended"])
def test_a_refused_merge_changes_nothing(two_branches, db, case):
    branch, other, _pooled, target = two_branches
    sources, into, decision = [branch.unit, other], target, _decision()
    if case == "into_its_own_sub_unit":
        sources, into = [branch.committee_unit], target
    elif case == "no_decision":
        decision = _decision(number=" ")
    elif case == "future":
        decision = _decision(act_date=date.today() + timedelta(days=1))
    else:
        merge([other], target, _decision(), actor=branch.committee_user)
        db.session.commit()
        sources = [other]
    before = {c.id: c.organization_id for c in db.session.query(Candidate)}
    with pytest.raises(ReorganizationRefused) as refused:
        merge(sources, into, decision, actor=branch.committee_user)
    db.session.rollback()
    assert refused.value.reasons
    assert {c.id: c.organization_id for c in db.session.query(Candidate)} == before


def test_the_screen_previews_then_merges(two_branches, login_as, make, db):
    branch, other, _pooled, target = two_branches
    session = login_as(make.user("admin", None))  # the tree is the administrators'
    url = f"/admin/organization/merge/?ids={branch.unit.id},{other.id}"
    page = session.get(url).get_data(as_text=True)
    session.refresh_token(page)
    form = {"target": str(target.id), "number": "12-QĐ/TU", "act_date": DAY.strftime("%d/%m/%Y"),
            "issuer": "Ban Thường vụ Tỉnh ủy", "plans": "carry"}
    shown = session.post(url, data={**form, "preview": "1"}).get_data(as_text=True)
    assert 'id="merge-preview"' in shown and 'id="merge-confirm"' in shown
    assert db.session.get(Candidate, branch.candidate.id).organization_id == branch.unit.id
    done = session.post(url, data={**form, "confirm": "1"})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, branch.candidate.id).organization_id == target.id
    refused = session.post(f"/admin/organization/merge/?ids={branch.committee_unit.id}",
                           data={**form, "confirm": "1"}).get_data(as_text=True)
    assert 'id="merge-refused"' in refused


def test_the_command_line_merges_from_a_file_after_a_dry_run(two_branches, app, db, tmp_path):
    branch, other, _pooled, target = two_branches
    for unit, code in ((branch.unit, "CB01"), (other, "CB03"), (target, "CBHN")):
        unit.code = code
    db.session.commit()
    mapping = tmp_path / "sap-nhap.csv"
    mapping.write_text("# mã cũ, mã mới\nCB01,CBHN\nCB03,CBHN\n", encoding="utf-8")
    options = ["devparty", "units", "merge", str(mapping), "--number", "12-QĐ/TU",
               "--date", DAY.strftime("%d/%m/%Y"), "--issuer", "Ban Thường vụ Tỉnh ủy"]
    runner = app.test_cli_runner()
    dry = runner.invoke(args=options)
    assert dry.exit_code == 0, dry.output
    assert "CB01, CB03 → CBHN: candidates 2, members 23" in dry.output
    assert db.session.get(Candidate, branch.candidate.id).organization_id == branch.unit.id
    done = runner.invoke(args=[*options, "--commit"])
    assert done.exit_code == 0, done.output
    db.session.expire_all()
    assert db.session.get(Candidate, branch.candidate.id).organization_id == target.id
    wrong = tmp_path / "sai.csv"
    wrong.write_text("KHONGCO,CBHN\n", encoding="utf-8")
    refused = runner.invoke(args=["devparty", "units", "merge", str(wrong), "--number", "1",
                                  "--date", DAY.strftime("%d/%m/%Y"), "--issuer", "X",
                                  "--commit"])
    assert refused.exit_code != 0 and "KHONGCO: không có tổ chức đảng có mã này." in refused.output


def test_rename_and_dissolve_by_decision(two_branches, app, make, db):
    branch, other, _pooled, target = two_branches
    empty = make.org("Chi bộ trống", parent=branch.committee_unit, code="CBT")
    other.code = "CB03"
    db.session.commit()
    runner = app.test_cli_runner()
    decision = ["--number", "5-QĐ/ĐU", "--date", DAY.strftime("%d/%m/%Y"), "--issuer", "Đảng ủy"]
    renamed = runner.invoke(args=["devparty", "units", "rename", "CB03", "Chi bộ Văn phòng",
                                  *decision])
    assert renamed.exit_code == 0, renamed.output
    db.session.expire_all()
    assert db.session.get(Organization, other.id).name == "Chi bộ Văn phòng"
    change = db.session.query(UnitChange).filter_by(kind="rename").one()
    assert change.note == "Tên cũ: Chi bộ 03"
    refused = runner.invoke(args=["devparty", "units", "dissolve", "CB03", *decision])
    assert refused.exit_code != 0 and "merge it" not in refused.output
    assert "còn Quần chúng, Đảng viên" in refused.output
    done = runner.invoke(args=["devparty", "units", "dissolve", "CBT", *decision])
    assert done.exit_code == 0, done.output
    db.session.expire_all()
    assert db.session.get(Organization, empty.id).ended_on == DAY


def test_a_candidate_moved_at_dossier_finishes_the_path_in_the_new_branch(branch, make,
                                                                         login_as, db):
    from devparty_admin.models import DossierItem, Sponsor, Transfer
    receiving = branch.sibling
    newcomers = [make.member(receiving, full_name=f"Đảng Viên Mới {i}") for i in range(22)]
    committee = login_as(branch.committee_user)
    url = f"/admin/candidate/transfer/?id={branch.candidate.id}"
    committee.refresh_token(committee.get(url).get_data(as_text=True))
    done = committee.post(url, data={"to_unit": str(receiving.id), "number": "3-QĐ/ĐU",
                                     "act_date": DAY.strftime("%d/%m/%Y"), "issuer": "Đảng ủy",
                                     "note": "Đang hoàn thiện hồ sơ; giấy chứng nhận CN-20240115"})
    assert done.status_code == 302
    db.session.expire_all()
    person = db.session.get(Candidate, branch.candidate.id)
    assert (person.organization_id, person.stage) == (receiving.id, "dossier")
    assert db.session.query(DossierItem).filter_by(candidate_id=person.id).count() == 6
    # The sending branch keeps a trace, not the person; the receiving branch has the person.
    sending = login_as(branch.branch_user)
    assert "Ứng Viên Mẫu" in sending.get("/admin/transfer/").get_data(as_text=True)
    assert sending.get(f"/admin/candidate/details/?id={person.id}").status_code == 404
    # Introducers of the new branch, then the new branch proposes with the dossier it brought.
    for member in newcomers[:2]:
        db.session.add(Sponsor(candidate=person, member=member, role="introducer",
                               known_since=date(2023, 1, 1)))
    db.session.commit()
    move_many([person], "proposed", actor=make.user("branch", receiving),
              act=vote(receiving, day=date.today() - timedelta(days=1), votes_for=20))
    db.session.commit()
    assert db.session.get(Candidate, person.id).stage == "proposed"
    trace = db.session.query(Transfer).one()
    assert trace.from_id == branch.unit.id and "Đảng Viên Số 0 (Người giới thiệu)" in trace.note


def test_a_temporarily_transferred_member_leaves_the_home_denominator(branch, app, db):
    from devparty_admin.testing.workflow import reasons
    refused = [r for r in reasons(branch, vote(branch.unit, votes_for=14)) if "Biểu quyết" in r]
    assert refused  # 14 of 22: fewer than two thirds
    elsewhere = Organization(name="Đảng bộ nơi công tác tạm thời", level="Đảng bộ", code="TAM")
    db.session.add(elsewhere)
    for member in branch.members[:2]:
        member.national_id = member.national_id or f"0{member.id:011d}"
    db.session.commit()
    runner = app.test_cli_runner()
    for member in branch.members[:2]:
        result = runner.invoke(args=["devparty", "members", "transfer", member.national_id, "TAM",
                                     "--kind", "temporary", "--number", "7-QĐ/ĐU", "--date",
                                     "01/06/2025", "--issuer", "Đảng ủy"])
        assert result.exit_code == 0, result.output
    db.session.expire_all()
    found = [r for r in reasons(branch, vote(branch.unit, votes_for=14)) if "Biểu quyết" in r]
    assert found == []  # 14 of 22 − 2 away = 20: two thirds is 14
    assert db.session.get(Member, branch.members[0].id).organization_id == branch.unit.id


def test_establish_move_and_split_with_an_explicit_assignment(two_branches, app, make, db,
                                                              tmp_path):
    branch, other, pooled, target = two_branches
    other.code, branch.committee_unit.code, branch.province.code = "CB03", "DBSTP", "TINH"
    member = db.session.query(Member).filter_by(organization_id=other.id).one()
    member.national_id = "001300000003"
    pooled.national_id = "001300000004"
    db.session.commit()
    runner = app.test_cli_runner()
    decision = ["--number", "9-QĐ/ĐU", "--date", DAY.strftime("%d/%m/%Y"), "--issuer", "Đảng ủy"]
    for code, name in (("CB03A", "Chi bộ 03A"), ("CB03B", "Chi bộ 03B")):
        result = runner.invoke(args=["devparty", "units", "establish", code, name,
                                     "--parent", "DBSTP", *decision])
        assert result.exit_code == 0, result.output
    moved = runner.invoke(args=["devparty", "units", "move", "CB03B", "TINH", *decision])
    assert moved.exit_code == 0, moved.output
    db.session.expire_all()
    b = db.session.query(Organization).filter_by(code="CB03B").one()
    assert b.parent.code == "TINH" and b.established_on == DAY
    incomplete = tmp_path / "thieu.csv"
    incomplete.write_text("candidate,001300000004,CB03A\n", encoding="utf-8")
    refused = runner.invoke(args=["devparty", "units", "split", "CB03", str(incomplete),
                                  *decision, "--commit"])
    assert refused.exit_code != 0 and "chưa được phân về tổ chức nào" in refused.output
    assert db.session.get(Candidate, pooled.id).organization_id == other.id  # nothing moved
    complete = tmp_path / "du.csv"
    complete.write_text("candidate,001300000004,CB03A\nmember,001300000003,CB03B\n"
                        "plan,2025,CB03B\n", encoding="utf-8")
    dry = runner.invoke(args=["devparty", "units", "split", "CB03", str(complete), *decision])
    assert dry.exit_code == 0 and "CB03 → CB03A: candidates 1" in dry.output, dry.output
    db.session.expire_all()
    assert db.session.get(Candidate, pooled.id).organization_id == other.id
    done = runner.invoke(args=["devparty", "units", "split", "CB03", str(complete), *decision,
                               "--commit"])
    assert done.exit_code == 0, done.output
    db.session.expire_all()
    assert db.session.get(Candidate, pooled.id).organization.code == "CB03A"
    assert db.session.get(Member, member.id).organization.code == "CB03B"
    assert db.session.query(Plan).filter_by(year=2025).one().organization.code == "CB03B"
    assert db.session.get(Organization, other.id).ended_on == DAY


def test_reports_of_2021_read_the_same_by_the_old_tree_after_a_merge(two_branches, make, login_as,
                                                                       db):
    """Admissions stay counted where they happened: the 2021 report by the tree as it was is
    the same before and after the merge (the merged branches marked as ended); summed into
    today's units, the unit that took them over holds them all."""
    branch, other, _pooled, target = two_branches
    for unit, count in ((branch.unit, 2), (other, 3)):
        for i in range(count):
            person = make.candidate(unit, full_name=f"Kết Nạp Năm Hai Mốt {i}", stage="official")
            db.session.add(StageEvent(candidate=person, from_stage="proposed",
                                      to_stage="admitted", effective_on=date(2021, 3, 1 + i)))
    db.session.commit()
    committee = login_as(branch.committee_user)
    url = (f"/admin/reports/admissions?unit={branch.committee_unit.id}"
           "&start=01/01/2021&end=31/12/2021")

    def by_unit(query: str = "") -> dict[str, str]:
        return dict(map(tuple, table(committee.get(url + query).get_data(as_text=True),
                                     "by_unit")))

    before = by_unit()
    assert (before["Chi bộ 01"], before["Chi bộ 03"], before["Chi bộ hợp nhất"]) == ("2", "3", "0")
    merge([branch.unit, other], target, _decision(), actor=branch.committee_user)
    db.session.commit()
    ended = f" (đã kết thúc {DAY:%d/%m/%Y})"
    after = by_unit()
    assert after == {name + (ended if name in ("Chi bộ 01", "Chi bộ 03") else ""): count
                     for name, count in before.items()}
    today = by_unit("&tree=now")
    assert today["Chi bộ hợp nhất"] == "5" and not any("kết thúc" in name for name in today)
    years = table(committee.get(url.replace("admissions?", "admissions?tree=now&")).get_data(
        as_text=True), "by_year")
    assert years[-1] == ["Tổng cộng", "5"]
