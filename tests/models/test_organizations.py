import pytest
from sqlalchemy import select

from devparty_admin.models import Organization, TreeError, subtree_ids


def _path(*orgs) -> str:
    return "/" + "".join(f"{org.id:07d}/" for org in orgs)


def test_path_is_set_on_create(make):
    province = make.org("Đảng bộ tỉnh")
    police = make.org("Đảng bộ Công an tỉnh", parent=province)
    branch = make.org("Chi bộ Phòng Tham mưu", parent=police)
    assert province.path == _path(province)
    assert branch.path == _path(province, police, branch)
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
    assert a1.path == _path(root, b, a1)
    assert a11.path == _path(root, b, a1, a11)
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
    """A unit's subtree never includes a sibling whose id starts with the same digits."""
    root = make.org("Gốc")
    children = [make.org(f"Con {i}", parent=root) for i in range(12)]
    first = children[0]
    grandchild = make.org("Cháu", parent=first)
    ids = set(db.session.scalars(subtree_ids(first.path)))
    assert ids == {first.id, grandchild.id}
    assert len(set(db.session.scalars(select(Organization.id)))) == 14


def test_tree_order_lists_siblings_in_creation_order(make, db):
    root = make.org("Gốc")
    children = [make.org(f"Con {i}", parent=root) for i in range(12)]
    ordered = list(db.session.scalars(select(Organization.name).order_by(Organization.path)))
    assert ordered == ["Gốc", *(c.name for c in children)]
