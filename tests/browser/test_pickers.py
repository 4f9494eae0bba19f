"""Pickers and the date picker speak Vietnamese and work offline (packaged assets only)."""
import re
from datetime import date

import pytest

from .test_candidate_screens import _log_in

pytestmark = pytest.mark.browser


def test_the_person_picker_speaks_vietnamese(page, branch):
    _log_in(page, branch.branch_user.username)
    page.goto(f"{page.base}/admin/sponsor/new/")
    page.click("#s2id_candidate .select2-choice")
    assert page.locator(".select2-drop-active .select2-no-results").inner_text() == \
        "Gõ thêm ít nhất 1 ký tự"
    page.keyboard.type("zzzz")
    page.wait_for_selector(".select2-drop-active .select2-no-results:has-text('Không tìm thấy')")
    page.fill(".select2-drop-active .select2-input", "ung vien")
    page.wait_for_selector(".select2-drop-active .select2-result-label:has-text('Ứng Viên Mẫu')")
    assert not page.external_requests


def test_dates_are_picked_from_a_vietnamese_calendar(page, branch):
    _log_in(page, branch.branch_user.username)
    page.goto(f"{page.base}/admin/candidate/move/?id={branch.candidate.id}&step=proposed")
    box = page.locator("[name=act_date]")
    assert box.input_value() == date.today().strftime("%d/%m/%Y")  # today by default
    box.fill("")
    box.click()
    calendar = page.locator(".daterangepicker:visible")
    assert "T2" in calendar.inner_text() and re.search(r"Th\d+", calendar.inner_text())
    calendar.locator("td.available:not(.off)", has_text=re.compile(r"^10$")).first.click()
    if calendar.locator(".applyBtn").is_visible():
        calendar.locator(".applyBtn").click()
    assert re.fullmatch(r"10/\d\d/\d{4}", box.input_value())
    assert not page.external_requests
