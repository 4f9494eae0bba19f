"""A branch secretary finds a candidate without typing accents, opens it and meets a clear
message when saving a bad citizen id."""
import pytest

pytestmark = pytest.mark.browser


def _log_in(page, username: str, password: str = "mat-khau-thu-1") -> None:
    page.goto(f"{page.base}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base}/admin/")


def test_branch_user_searches_opens_and_sees_the_cccd_message(page, make):
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ Sở Tư pháp"))
    make.candidate(unit, full_name="Nguyễn Văn An", national_id="001098000111")
    make.candidate(unit, full_name="Trần Thị Bình")
    make.user("branch", unit, username="bithu.cb01")

    _log_in(page, "bithu.cb01")
    assert "Quần chúng theo giai đoạn" in page.content()
    page.click("nav >> text=Quần chúng")
    page.click("text=Tất cả quần chúng")
    page.fill("input[name=search]", "nguyen van an")
    page.press("input[name=search]", "Enter")
    page.wait_for_load_state()
    rows = page.locator("td.col-full_name")
    assert rows.count() == 1 and rows.first.inner_text().strip() == "Nguyễn Văn An"

    page.locator("a[href*='/admin/candidate/edit/']").first.click()
    page.wait_for_selector("input[name=national_id]")
    assert page.input_value("input[name=date_of_birth]") == "17/05/1998"
    page.fill("input[name=national_id]", "12345")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback").filter(
        has_text="Số CCCD phải gồm đúng 12 chữ số.").count() == 1
    assert page.external_requests == []


def test_organization_picker_offers_only_the_users_subtree(page, make):
    root = make.org("Đảng bộ tỉnh")
    mine = make.org("Chi bộ Alpha", parent=root)
    make.org("Chi bộ Beta", parent=root)
    make.user("branch", mine, username="alpha")
    _log_in(page, "alpha")
    page.goto(f"{page.base}/admin/candidate/new/")
    page.click("#s2id_organization")  # open the ajax picker
    page.keyboard.type("chi bo")
    page.wait_for_selector(".select2-result-label")
    options = page.locator(".select2-result-label").all_inner_texts()
    assert "Chi bộ Alpha" in options and "Chi bộ Beta" not in options
    assert page.external_requests == []
