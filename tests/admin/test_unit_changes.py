"""Changing one unit from its page: each operation previews what it will do (the service run
and rolled back), is confirmed, or is refused with its reasons and changes nothing."""
from __future__ import annotations

import io

import pytest

from devparty_admin.models import Candidate, Member, Organization, UnitChange, User

from ..workflow.test_reorganization import DAY, two_branches  # noqa: F401 (fixture)

DECISION = {"number": "9-QĐ/ĐU", "act_date": DAY.strftime("%d/%m/%Y"), "issuer": "Đảng ủy"}


def _admin(login_as, make):
    return login_as(make.user("admin", None))  # the tree is the administrators'


def _open(session, url: str) -> str:
    page = session.get(url).get_data(as_text=True)
    session.refresh_token(page)
    return page


def test_the_unit_page_offers_each_change_and_rename_previews_then_records(
        two_branches, login_as, make, db):  # noqa: F811
    branch, other, _pooled, _target = two_branches
    session = _admin(login_as, make)
    details = session.get(f"/admin/organization/details/?id={other.id}").get_data(as_text=True)
    for code in ("rename", "move", "split", "dissolve", "establish"):
        assert f'id="unit-change-{code}"' in details
    url = f"/admin/organization/change/rename/?id={other.id}"
    assert "Đổi tên tổ chức đảng" in _open(session, url)
    shown = session.post(url, data={**DECISION, "name": "Chi bộ Ba", "preview": "1"}).get_data(
        as_text=True)
    assert 'id="change-confirm"' in shown
    assert db.session.get(Organization, other.id).name == "Chi bộ 03"  # a preview only
    assert session.post(url, data={**DECISION, "name": "Chi bộ Ba", "confirm": "1"}
                        ).status_code == 302
    db.session.expire_all()
    assert db.session.get(Organization, other.id).name == "Chi bộ Ba"
    assert db.session.query(UnitChange).filter_by(kind="rename").one().note == \
        "Tên cũ: Chi bộ 03"


def test_move_shows_what_goes_with_the_unit_and_a_refusal_changes_nothing(
        two_branches, login_as, make, db):  # noqa: F811
    branch, other, _pooled, target = two_branches
    session = _admin(login_as, make)
    url = f"/admin/organization/change/move/?id={branch.committee_unit.id}"
    _open(session, url)
    shown = session.post(url, data={**DECISION, "parent": str(target.id), "preview": "1"}
                         ).get_data(as_text=True)
    assert 'id="change-refused"' in shown and "không thể chuyển một tổ chức về trực thuộc" in shown
    assert 'id="change-confirm"' not in shown
    url = f"/admin/organization/change/move/?id={other.id}"
    _open(session, url)
    shown = session.post(url, data={**DECISION, "parent": str(branch.province.id),
                                    "preview": "1"}).get_data(as_text=True)
    assert 'data-kind="candidates"><td>Quần chúng</td><td class="text-right">1</td>' in shown
    session.post(url, data={**DECISION, "parent": str(branch.province.id), "confirm": "1"})
    db.session.expire_all()
    assert db.session.get(Organization, other.id).parent_id == branch.province.id


def test_dissolve_is_refused_while_the_unit_holds_people(two_branches, login_as, make, db):  # noqa: F811
    _branch, other, _pooled, _target = two_branches
    session = _admin(login_as, make)
    url = f"/admin/organization/change/dissolve/?id={other.id}"
    _open(session, url)
    refused = session.post(url, data={**DECISION, "confirm": "1"}).get_data(as_text=True)
    assert 'id="change-refused"' in refused and "hãy sáp nhập vào tổ chức đảng khác" in refused
    db.session.expire_all()
    assert db.session.get(Organization, other.id).ended_on is None


def test_establish_then_split_by_the_listed_assignment(two_branches, login_as, make, db):  # noqa: F811
    branch, other, pooled, _target = two_branches
    parent = branch.committee_unit
    session = _admin(login_as, make)
    url = f"/admin/organization/change/establish/?id={parent.id}"
    _open(session, url)
    for code, name in (("CB03A", "Chi bộ 03A"), ("CB03B", "Chi bộ 03B")):
        done = session.post(url, data={**DECISION, "name": name, "code": code,
                                       "level": "Chi bộ", "confirm": "1"})
        assert done.status_code == 302
    again = session.post(url, data={**DECISION, "name": "Trùng", "code": "CB03A",
                                    "confirm": "1"}).get_data(as_text=True)
    assert "Mã CB03A đã được dùng." in again
    url = f"/admin/organization/change/split/?id={other.id}"
    listed = _open(session, url)
    assert "\nquần chúng," in listed and "Người Ở Chi Bộ Ba" in listed  # everything it holds
    member = db.session.query(Member).filter_by(organization_id=other.id).one()
    incomplete = f"quần chúng,id:{pooled.id},CB03A\n"
    refused = session.post(url, data={**DECISION, "assignment": incomplete, "preview": "1"}
                           ).get_data(as_text=True)
    assert 'id="change-refused"' in refused and "chưa được phân về tổ chức nào" in refused
    complete = (incomplete + f"member,id:{member.id},CB03B\nplan,2025,CB03B\n").encode()
    shown = session.post(url, data={**DECISION, "upload": (io.BytesIO(complete), "chia.csv"),
                                    "preview": "1"}, content_type="multipart/form-data"
                         ).get_data(as_text=True)
    assert "Chi bộ 03A — Quần chúng" in shown and 'id="change-confirm"' in shown
    db.session.expire_all()
    assert db.session.get(Candidate, pooled.id).organization_id == other.id
    session.post(url, data={**DECISION, "assignment": complete.decode(), "confirm": "1"})
    db.session.expire_all()
    assert db.session.get(Candidate, pooled.id).organization.code == "CB03A"
    assert db.session.get(Member, member.id).organization.code == "CB03B"
    assert db.session.get(Organization, other.id).ended_on == DAY


def test_only_who_may_edit_the_tree_changes_it_and_only_within_reach(
        two_branches, login_as, make, db):  # noqa: F811
    branch, other, _pooled, _target = two_branches
    secretary = login_as(db.session.get(User, branch.branch_user.id))
    url = f"/admin/organization/change/rename/?id={branch.unit.id}"
    page = secretary.get(url)
    assert page.status_code in (302, 403, 404)
    assert secretary.get(f"/admin/organization/change/rename/?id={other.id}").status_code in (
        403, 404)
    assert _admin(login_as, make).get("/admin/organization/change/nothing/?id=1").status_code == 404
    assert db.session.get(Organization, branch.unit.id).name == "Chi bộ 01"


@pytest.mark.parametrize("operation, fields", [
    ("rename", {"name": "Tên Mới"}), ("move", {"parent": "province"}), ("dissolve", {}),
    ("establish", {"name": "Chi bộ mới", "code": "MOI"}),
    ("split", {"assignment": "quần chúng,id:0,X\n"})])
def test_a_refused_change_leaves_the_tree_as_it_was(two_branches, login_as, make, db,  # noqa: F811
                                                    operation, fields):
    branch, other, _pooled, _target = two_branches
    fields = {key: str(branch.province.id) if value == "province" else value
              for key, value in fields.items()}
    tree = [(o.id, o.name, o.path, o.ended_on) for o in db.session.query(Organization)]
    people = [(c.id, c.organization_id) for c in db.session.query(Candidate)]
    session = _admin(login_as, make)
    url = f"/admin/organization/change/{operation}/?id={other.id}"
    _open(session, url)
    refused = session.post(url, data={**DECISION, "number": " ", **fields, "confirm": "1"})
    assert 'id="change-refused"' in refused.get_data(as_text=True)
    db.session.expire_all()
    assert [(o.id, o.name, o.path, o.ended_on) for o in db.session.query(Organization)] == tree
    assert [(c.id, c.organization_id) for c in db.session.query(Candidate)] == people
