"""The 2/3 vote counted from the roll (Điều lệ Đảng, Điều 4; Quy định 294-QĐ/TW): official
members on the vote date, less those temporarily transferred and exempted members not present."""
from __future__ import annotations

from datetime import date

import pytest

from devparty_admin.models import Act
from devparty_admin.testing.workflow import VOTE_DAY, reasons


def _vote(branch, votes_for, typed=None, transferred=None, exempted_absent=None):
    return Act(kind="branch_resolution", number="06-NQ/CB", act_date=VOTE_DAY,
               organization_id=branch.unit.id, votes_for=votes_for, votes_against=0,
               official_members=typed, transferred_members=transferred,
               exempted_absent=exempted_absent)


def _vote_reasons(branch, act):
    return [r for r in reasons(branch, act) if "Biểu quyết" in r or "danh sách" in r
            or "sổ" in r]


def test_a_typed_total_that_disagrees_with_the_roll_is_refused(branch):
    found = _vote_reasons(branch, _vote(branch, 2, typed=3))
    assert found == ["Ngày 16/06/2025, danh sách đảng viên chính thức của chi bộ có 22 người, "
                     "không phải 3 như đã nhập: hãy sửa con số (hoặc sửa hồ sơ đảng viên trước)."]


@pytest.mark.parametrize("votes_for, passes", [(15, True), (14, False)])
def test_22_on_the_roll_need_15(branch, votes_for, passes):
    assert (not _vote_reasons(branch, _vote(branch, votes_for))) == passes


@pytest.mark.parametrize("exempted_absent, votes_for, passes", [
    (0, 16, True), (0, 15, False),   # 24 on the roll, the 2 exempted attend: 16 of 24
    (2, 15, True), (2, 14, False),   # the 2 exempted stay away: 15 of 22
])
def test_exempted_members_count_only_when_present(branch, make, exempted_absent, votes_for,
                                                  passes):
    for i in range(2):
        make.member(branch.unit, full_name=f"Miễn Sinh Hoạt {i}")
    found = _vote_reasons(branch, _vote(branch, votes_for, exempted_absent=exempted_absent))
    assert (not found) == passes, found
    if not passes and exempted_absent:
        assert "24 đảng viên chính thức trong danh sách − 0 chuyển sinh hoạt tạm thời − 2 miễn " \
               "sinh hoạt vắng mặt = 22" in found[0]


def test_temporarily_transferred_members_leave_the_denominator(branch):
    assert not _vote_reasons(branch, _vote(branch, 14, transferred=1))  # 14 of 21
    assert _vote_reasons(branch, _vote(branch, 13, transferred=1))


def test_the_roll_is_taken_on_the_vote_date(branch, make, db):
    later = make.member(branch.unit, full_name="Chính Thức Sau", official_date=date(2025, 7, 1))
    assert not _vote_reasons(branch, _vote(branch, 15, typed=22))  # not yet official then
    assert later.official_date > VOTE_DAY


@pytest.mark.parametrize("size, needed", [(3, 2), (1, 1)])
def test_small_branches(branch, make, db, size, needed):
    from devparty_admin.models import Member
    db.session.query(Member).filter(Member.organization_id == branch.unit.id,
                                    Member.id.not_in([m.id for m in branch.members[:size]])
                                    ).update({"status": "probationary"}, synchronize_session=False)
    db.session.commit()
    assert not _vote_reasons(branch, _vote(branch, needed))
    assert _vote_reasons(branch, _vote(branch, needed - 1)) if needed > 1 else True
