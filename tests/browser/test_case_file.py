"""The branch secretary takes a person from the pool to `proposed` working only from “Việc cần
làm” and the case file, and downloads 6-KNĐ; the committee decides from the case file and
downloads 9-KNĐ; the branch then sees the decision on its person's page. The screenshots of the
user guide (docs/images) are taken here: set DEVPARTY_SCREENSHOTS=docs/images to refresh them."""
import html
import io
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from devparty_admin.models import Enrollment, Sponsor, TrainingClass

from .test_candidate_screens import _log_in

pytestmark = pytest.mark.browser


def _day(days_ago: int) -> str:
    return (date.today() - timedelta(days=days_ago)).strftime("%d/%m/%Y")


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("DEVPARTY_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _newcomer(branch, make, db):
    """A person in the pool with a helper, two introducers and a passed awareness class."""
    person = make.candidate(branch.unit, full_name="Lê Thị Hồng Nhung", stage="source",
                            date_of_birth=date(1998, 4, 2), education_level="upper_secondary",
                            youth_union_member=False)
    course = TrainingClass(kind="awareness", name="Lớp nhận thức về Đảng", organization=branch.unit,
                           start_date=date.today() - timedelta(days=45),
                           end_date=date.today() - timedelta(days=40))
    db.session.add(Enrollment(training_class=course, candidate=person, result="passed",
                              certificate_number="NT-0451",
                              certificate_date=date.today() - timedelta(days=40)))
    db.session.add(Sponsor(candidate=person, member=branch.members[4], role="helper",
                           known_since=date(2020, 1, 1)))
    for member in branch.members[5:7]:
        db.session.add(Sponsor(candidate=person, member=member, role="introducer",
                               known_since=date(2020, 1, 1)))
    db.session.commit()
    return person


def _take_step(page, step: str, values: dict) -> None:
    page.click(f".step-button[data-step={step}]")
    page.wait_for_url("**/admin/candidate/move/**")
    for name, value in values.items():
        page.fill(f"[name={name}]", value)
    page.click("#record-step")
    page.wait_for_url("**/admin/candidate/details/**")


def _download(page, code: str) -> str:
    with page.expect_download() as info:
        page.click(f"#paper-list a[data-code='{code}']")
    document = Document(io.BytesIO(Path(info.value.path()).read_bytes()))
    return document


def _paper_picture(page, document, path: Path) -> None:
    """A picture of a generated paper: its paragraphs and tables drawn as the page reads."""
    parts = []
    for table in document.tables[:1]:
        cells = "".join(f"<td>{'<br>'.join(html.escape(p.text) for p in cell.paragraphs)}</td>"
                        for cell in table.rows[0].cells)
        parts.append(f"<table style='width:100%;text-align:center'><tr>{cells}</tr></table>")
    for paragraph in document.paragraphs:
        align = "center" if paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER else "justify"
        weight = "bold" if any(run.bold for run in paragraph.runs) else "normal"
        parts.append(f"<p style='text-align:{align};font-weight:{weight}'>"
                     f"{html.escape(paragraph.text)}</p>")
    page.set_content("<body style='font-family:\"Times New Roman\",serif;font-size:17px;"
                     "width:760px;margin:40px'>" + "".join(parts) + "</body>")
    page.screenshot(path=str(path), full_page=True)


def test_from_the_pool_to_the_decision_from_the_case_file(page, branch, make, db, shots):
    person = _newcomer(branch, make, db)
    _log_in(page, branch.branch_user.username)

    # The monthly resolution, one click from the to-do list.
    page.click("#home-due")
    page.wait_for_url("**/admin/due/")
    page.check(f"#source input[value='{person.id}']")
    page.screenshot(path=str(shots / "viec-can-lam.png"), full_page=True)
    page.click("#source .bulk-step")
    page.wait_for_url("**/admin/candidate/resolution/**")
    assert page.locator("[name=votes_for]").count() == 0
    page.fill("[name=act_number]", "10-NQ/CB")
    page.fill("[name=act_date]", _day(60))
    page.click("#record-step")
    page.wait_for_url("**/admin/candidate/")

    # Everything else from the case file.
    page.goto(f"{page.base}/admin/candidate/details/?id={person.id}")
    _take_step(page, "trained", {"effective_on": _day(30)})
    _take_step(page, "dossier", {"effective_on": _day(20)})
    missing = page.locator(".missing-panel[data-step=proposed] .missing-items").inner_text()
    assert "1-KNĐ" in missing and "5-KNĐ" in missing
    for code in ("1-KND", "2-KND", "TTLL", "5-KND", "3-KND"):
        row = page.locator(f"#admission-file tr[data-code='{code}']")
        row.locator("[name=item_date]").fill(_day(10))
        row.locator("button[type=submit]").click()
        page.wait_for_url("**/admin/candidate/details/**")
    assert "Đủ điều kiện để “Đề nghị kết nạp”" in page.content()
    _take_step(page, "proposed", {"act_number": "12-NQ/CB", "act_date": _day(5),
                                  "votes_for": "20", "votes_against": "2"})
    assert "Đang chờ" in page.locator("#case-waiting").inner_text()
    page.screenshot(path=str(shots / "ho-so-ca-nhan.png"), full_page=True)
    proposal = _download(page, "6-KND")
    text = "\n".join(p.text for p in proposal.paragraphs)
    assert "Số: 12-NQ/CB" in "\n".join(c.text for t in proposal.tables for r in t.rows
                                       for c in r.cells)
    assert "quần chúng Lê Thị Hồng Nhung vào Đảng" in text and "tán thành: 20 đồng chí" in text
    _paper_picture(page, proposal, shots / "giay-to-6-knd.png")

    # The committee decides from the same page, seeing the branch's vote.
    page.context.clear_cookies()
    _log_in(page, branch.committee_user.username)
    page.goto(f"{page.base}/admin/candidate/details/?id={person.id}")
    page.click(".step-button[data-step=admitted]")
    page.wait_for_url("**/admin/candidate/move/**")
    assert "12-NQ/CB" in page.locator("#branch-proposal").inner_text()
    page.fill("[name=act_number]", "45-QĐ/ĐU")
    page.fill("[name=act_date]", _day(2))
    page.click("#record-step")
    page.wait_for_url("**/admin/candidate/details/**")
    decision = _download(page, "9-KND")
    assert "Kết nạp vào Đảng Cộng sản Việt Nam: Đồng chí Lê Thị Hồng Nhung" in \
        "\n".join(p.text for p in decision.paragraphs)

    # The branch sees the decision on its person's page.
    page.context.clear_cookies()
    _log_in(page, branch.branch_user.username)
    page.goto(f"{page.base}/admin/candidate/details/?id={person.id}")
    assert "45-QĐ/ĐU" in page.locator("#act-list").inner_text()
    assert page.locator("#paper-list a[data-code='9-KND']").count() == 1
