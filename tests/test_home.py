import re


def test_home_shows_counts_by_stage_for_the_subtree(make, login_as):
    root = make.org("Đảng bộ tỉnh")
    mine = make.org("Đảng bộ Sở Tư pháp", parent=root)
    branch = make.org("Chi bộ 01", parent=mine)
    other = make.org("Đảng bộ khác", parent=root)
    for stage in ("source", "source", "sympathizer", "official"):
        make.candidate(branch, stage=stage)
    make.candidate(other, stage="sympathizer")
    make.member(branch)
    html = login_as(make.user("committee", mine)).get("/admin/").get_data(as_text=True)
    counts = dict(re.findall(r'data-stage="(\w+)">.*?<td class="text-right">(\d+)</td>', html, re.S))
    assert counts["source"] == "2" and counts["sympathizer"] == "1" and counts["official"] == "1"
    assert counts["proposed"] == "0"
    assert re.search(r'id="candidate-total">4<', html) and re.search(r'id="member-total">1<', html)
    assert "Quần chúng ưu tú (nguồn)" in html and "Đảng bộ Sở Tư pháp" in html
