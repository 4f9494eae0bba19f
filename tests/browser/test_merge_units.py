"""An administrator merges two branches from the organization list: ticks them, picks the unit
that takes them over, sees what will move, confirms. The preview's picture is in the guide."""
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from devparty_admin.models import Candidate

from .test_candidate_screens import _log_in

pytestmark = pytest.mark.browser


def test_merge_two_branches_with_a_preview(page, make, db, tmp_path):
    province = make.org("Đảng bộ xã Yên Hòa", code="YH")
    first = make.org("Chi bộ thôn Đông", parent=province, code="YH-D")
    second = make.org("Chi bộ thôn Tây", parent=province, code="YH-T")
    make.org("Chi bộ thôn Đông Tây", parent=province, code="YH-DT")
    for unit in (first, second):
        make.candidate(unit, full_name=f"Quần Chúng {unit.name[-4:]}")
        make.member(unit, full_name=f"Đảng Viên {unit.name[-4:]}")
    make.user("admin", None, username="quantri")
    _log_in(page, "quantri")
    page.goto(f"{page.base}/admin/organization/?search=yh-")
    for unit in (first, second):
        page.check(f"input.action-checkbox[value='{unit.id}']")
    page.click("text=Với các dòng đã chọn")
    page.click("text=Sáp nhập vào tổ chức đảng khác")
    page.wait_for_url("**/admin/organization/merge/**")
    page.click("#s2id_target .select2-choice")
    page.fill(".select2-drop-active .select2-input", "dong tay")
    page.click(".select2-drop-active .select2-result-label:has-text('Chi bộ thôn Đông Tây')")
    page.fill("[name=number]", "45-QĐ/ĐU")
    page.fill("[name=act_date]", (date.today() - timedelta(days=2)).strftime("%d/%m/%Y"))
    page.fill("[name=issuer]", "Ban Thường vụ Đảng ủy xã")
    page.click("#merge-preview-button")
    preview = page.locator("#merge-preview")
    assert preview.locator("tr[data-kind=candidates] td").last.inner_text() == "2"
    assert preview.locator("tr[data-kind=members] td").last.inner_text() == "2"
    shots = Path(os.environ.get("DEVPARTY_SCREENSHOTS") or tmp_path)
    page.screenshot(path=str(shots / "sap-nhap-xem-truoc.png"), full_page=True)
    page.click("#merge-confirm")
    page.wait_for_url("**/admin/organization/**")
    assert "Đã sáp nhập vào Chi bộ thôn Đông Tây" in page.content()
    db.session.expire_all()
    assert {c.organization.code for c in db.session.query(Candidate)} == {"YH-DT"}
