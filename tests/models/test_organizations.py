import pytest
from sqlalchemy import select

from devparty_admin.models import Organization, TreeError, subtree_ids


def test_path_is_set_on_create(make):
    province = make.org("Đảng bộ tỉnh")
    police = make.org("Đảng bộ Công an tỉnh", parent=province)
    branch = make.org("Chi bộ Phòng Tham mưu", parent=police)
    assert province.path == f"/{province.id}/"
    assert branch.path == f"/{province.id}/{police.id}/{branch.id}/"
    assert branch.depth == 2


def test_moving_a_unit_moves_its_whole_subtree(make, db):
    root = make.org("Tỉnh")
    a = make.org("A", parent=root)
    b = make.org("B", parent=root)
    a1 = make.org("A1", parent=a)
    a11 = make.org("A11", parent=a1)
    a1.parent = b
    db.session.commit()
    db.session.expire_all()
    assert a1.path == f"/{root.id}/{b.id}/{a1.id}/"
    assert a11.path == f"/{root.id}/{b.id}/{a1.id}/{a11.id}/"
    under_a = set(db.session.scalars(subtree_ids(a.path)))
    assert under_a == {a.id}


def test_moving_a_unit_under_its_descendant_is_refused(make, db):
    root = make.org("Tỉnh")
    child = make.org("Con", parent=root)
    root.parent = child
    with pytest.raises(TreeError):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(Organization, root.id).parent_id is None


def test_subtree_with_ten_and_more_siblings(make, db):
    """"/1/1/" must not match "/1/10/": the path ends with a slash."""
    root = make.org("Gốc")
    children = [make.org(f"Con {i}", parent=root) for i in range(12)]
    first = children[0]
    grandchild = make.org("Cháu", parent=first)
    ids = set(db.session.scalars(subtree_ids(first.path)))
    assert ids == {first.id, grandchild.id}
    assert len(set(db.session.scalars(select(Organization.id)))) == 14
