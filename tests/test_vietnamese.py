from devparty_admin.vietnamese import fold, name_sort_key


def test_fold_removes_tones_and_letter_marks():
    assert fold("  Nguyễn   Văn Đức ") == "nguyen van duc"
    assert fold("ĐẶNG THỊ Ánh Ơn Ưng") == "dang thi anh on ung"


def test_people_sort_by_given_then_middle_then_family_name():
    names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Phạm Đức Anh", "Hoàng Văn Ân"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Thị An", "Nguyễn Văn An", "Phạm Đức Anh", "Hoàng Văn Ân", "Trần Văn Bình",
    ]


def test_vietnamese_letter_order():
    # a ă â b c d đ e ê … o ô ơ … u ư
    given = ["Út", "Ưng", "Đào", "Dung", "Ân", "Ăn", "An", "Ơn", "Ôn", "Oanh", "Ê", "En"]
    ordered = sorted((f"Lê {g}" for g in given), key=name_sort_key)
    assert [n.split()[-1] for n in ordered] == [
        "An", "Ăn", "Ân", "Dung", "Đào", "En", "Ê", "Oanh", "Ôn", "Ơn", "Út", "Ưng",
    ]


def test_tones_only_break_ties():
    assert sorted(["Lê Á", "Lê Ạ", "Lê A", "Lê À"], key=name_sort_key) == ["Lê A", "Lê À", "Lê Á", "Lê Ạ"]
    assert name_sort_key("Lê Án") < name_sort_key("Lê Anh")
