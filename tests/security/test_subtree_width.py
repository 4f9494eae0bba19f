"""How wide a user's subtree is decides only how its rows are read (the same rows either way,
``tests/reports/test_narrow_subtrees.py``): the whole tree, a wide part, or a narrow one."""
from devparty_admin.security.scoping import NARROW_RATIO, holds_every_unit, wide


def test_a_subtree_is_narrow_once_the_tree_holds_more_than_the_ratio_times_its_units(make, db):
    root = make.org("Đảng bộ tỉnh")
    pair = make.org("Đảng bộ huyện", parent=root)
    make.org("Chi bộ 01", parent=pair)
    alone = make.org("Chi bộ 02", parent=root)
    while db.session.query(type(root)).count() < NARROW_RATIO:
        make.org(f"Chi bộ {db.session.query(type(root)).count():03d}", parent=root)
    assert holds_every_unit(root.path) and wide(root.path)
    assert not holds_every_unit(alone.path)
    assert wide(alone.path)  # 1 unit of 100: the tree holds exactly the ratio times its units
    make.org("Chi bộ thêm", parent=root)
    assert not wide(alone.path)  # 1 of 101
    assert wide(pair.path) and not holds_every_unit(pair.path)  # 2 of 101


def test_a_province_that_held_every_unit_does_not_see_a_unit_added_beside_it(make, login_as):
    """Whether the user's unit holds the whole tree comes with the user, on every page: the
    next page after a second province is created no longer reads "every row that names a
    unit"."""
    root = make.org("Đảng bộ tỉnh")
    make.candidate(make.org("Chi bộ 01", parent=root), full_name="Trần Thị Trong")
    session = login_as(make.user("committee", root))
    assert "Trần Thị Trong" in session.get("/admin/candidate/").get_data(as_text=True)
    beside = make.org("Đảng bộ tỉnh khác")
    make.candidate(make.org("Chi bộ 02", parent=beside), full_name="Lê Văn Ngoài")
    page = session.get("/admin/candidate/").get_data(as_text=True)
    assert "Trần Thị Trong" in page and "Lê Văn Ngoài" not in page
