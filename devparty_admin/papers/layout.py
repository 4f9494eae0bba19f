"""Builds the shipped .docx templates (``papers/templates``) in the layout of party documents.

The templates are ordinary Word files with docxtpl (Jinja) fields; an installation edits a copy
in its override folder and never needs this module. It exists so that the shipped templates can
be rebuilt from one readable description (``make paper-templates``) instead of edited by hand:
Times New Roman 14, the issuing body top left with the number and symbol, "ĐẢNG CỘNG SẢN VIỆT
NAM" and the place and date top right, the title, the body, the signature block.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TEMPLATES = Path(__file__).parent / "templates"
FONT = "Times New Roman"

# --- the blocks a paper is made of ------------------------------------------------------------
# ("p", text[, "center" | "right" | "bold" | "italic" | "control"]): a paragraph; a "control"
# paragraph holds only a docxtpl {%p … %} tag and disappears from the output.
# ("table", [headers], "{%tr for … %}", [cells of the looped row]): a bordered list.
# ("sign", [left lines], [right lines]): "Nơi nhận" and the signature, side by side.

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
PLACE_DATE = "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}"
BASIS = [
    ("p", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
    ("p", "Căn cứ {{ regulation }} và {{ guide }};"),
]
RECIPIENTS = ["Nơi nhận:", "- {{ upper_committee }} (để b/c),", "- Lưu hồ sơ."]
PERSON_LINE = ("Đồng chí {{ person.name }}, sinh ngày {{ person.birth }}, quê quán "
               "{{ person.hometown }}, {{ person.workplace }}, sinh hoạt tại {{ person.unit }}.")
VOTE = [
    ("p", "Tổng số đảng viên chính thức của chi bộ: {{ vote.roll }} đồng chí; không tính vào "
          "số biểu quyết: {{ vote.transferred }} đồng chí chuyển sinh hoạt tạm thời, "
          "{{ vote.exempted }} đồng chí được miễn sinh hoạt vắng mặt; số đảng viên chính thức "
          "được tính để biểu quyết: {{ vote.counted }} đồng chí."),
    ("p", "Số đảng viên chính thức tán thành: {{ vote.agree }} đồng chí ({{ vote.share }}); "
          "không tán thành: {{ vote.against }} đồng chí."),
]
SIGN_BRANCH = ["T/M CHI BỘ", "BÍ THƯ", "", "", "{{ signer }}"]
SIGN_COMMITTEE = ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "", "{{ signer }}"]

PAPERS: dict[str, list] = {
    "NQ-CB": [
        ("title", "NGHỊ QUYẾT", "Về việc xét danh sách cảm tình Đảng tháng {{ month }}/{{ year }}"),
        *BASIS,
        ("p", "Ngày {{ date_text }}, {{ issuer }} họp xét các quần chúng ưu tú và cảm tình Đảng "
              "của chi bộ. Chi bộ thống nhất"),
        ("p", "QUYẾT NGHỊ:", "center"),
        ("p", "{%p if added %}", "control"),
        ("p", "1. Đưa {{ added|length }} quần chúng ưu tú sau vào danh sách cảm tình Đảng và "
              "phân công đảng viên chính thức giúp đỡ:"),
        ("table", ["STT", "Họ và tên", "Ngày sinh", "Nơi công tác", "Đảng viên giúp đỡ"],
         "{%tr for row in added %}",
         ["{{ loop.index }}", "{{ row.name }}", "{{ row.birth }}", "{{ row.workplace }}",
          "{{ row.helpers }}"]),
        ("p", "{%p endif %}", "control"),
        ("p", "{%p if removed %}", "control"),
        ("p", "2. Đưa {{ removed|length }} quần chúng sau ra khỏi danh sách cảm tình Đảng:"),
        ("table", ["STT", "Họ và tên", "Ngày sinh", "Lý do"], "{%tr for row in removed %}",
         ["{{ loop.index }}", "{{ row.name }}", "{{ row.birth }}", "{{ row.reason }}"]),
        ("p", "{%p endif %}", "control"),
        ("p", "Các đảng viên được phân công có trách nhiệm giúp đỡ quần chúng phấn đấu vào Đảng; "
              "chi bộ xem xét kết quả hằng tháng."),
        ("sign", RECIPIENTS, SIGN_BRANCH),
    ],
    "1-KND": [
        ("party_only",),
        ("title", "ĐƠN XIN VÀO ĐẢNG", None),
        ("p", "Kính gửi: {{ person.unit }}", "center"),
        ("p", "Tôi là: {{ person.name }}. Giới tính: {{ person.gender }}."),
        ("p", "Sinh ngày {{ person.birth }}; nơi sinh: {{ person.place_of_birth }}."),
        ("p", "Quê quán: {{ person.hometown }}."),
        ("p", "Nơi ở hiện nay: {{ person.residence }}."),
        ("p", "Nghề nghiệp: {{ person.occupation }}; {{ person.workplace }}."),
        ("p", "Trình độ: giáo dục phổ thông {{ person.education }}; chuyên môn "
              "{{ person.qualification }}; lý luận chính trị {{ person.theory }}."),
        ("p", "Đã học lớp bồi dưỡng nhận thức về Đảng, giấy chứng nhận số "
              "{{ certificate.number }} ngày {{ certificate.date }}."),
        ("p", "Qua học tập, nghiên cứu Điều lệ Đảng, tôi nhận thức về Đảng như sau: "
              "………………………………………………………………………………………………"),
        ("p", "Tôi tự nguyện xin vào Đảng, nguyện phấn đấu suốt đời cho mục đích, lý tưởng của "
              "Đảng, chấp hành nghiêm Cương lĩnh chính trị, Điều lệ Đảng."),
        ("sign", [], ["NGƯỜI LÀM ĐƠN", "(ký, ghi rõ họ tên)", "", "", "{{ person.name }}"]),
    ],
    "2-KND": [
        ("party_only",),
        ("title", "LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG", None),
        ("table", ["Mục", "Nội dung"], "{%tr for row in profile %}",
         ["{{ row.label }}", "{{ row.value }}"]),
        ("p", "Lịch sử bản thân: ………………………………………………………………………………"),
        ("p", "Những công tác và chức vụ đã qua: ……………………………………………………………"),
        ("p", "Hoàn cảnh gia đình: ………………………………………………………………………………"),
        ("p", "Tôi cam đoan đã khai đầy đủ, rõ ràng, trung thực và chịu trách nhiệm về những "
              "nội dung đã khai."),
        ("sign", [], ["NGƯỜI KHAI LÝ LỊCH", "(ký, ghi rõ họ tên)", "", "", "{{ person.name }}"]),
    ],
    "6-KND": [
        ("title", "NGHỊ QUYẾT", "Đề nghị kết nạp đảng viên"),
        ("p", "Ngày {{ date_text }}, {{ issuer }} họp để xét đề nghị kết nạp quần chúng "
              "{{ person.name }} vào Đảng Cộng sản Việt Nam."),
        *VOTE,
        ("p", "Đảng viên giới thiệu: {{ introducers }}. Đảng viên giúp đỡ: {{ helpers }}."),
        ("p", "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng số {{ certificate.number }} "
              "ngày {{ certificate.date }}."),
        ("p", "Chi bộ đề nghị {{ committee }} xem xét, kết nạp quần chúng {{ person.name }} "
              "vào Đảng Cộng sản Việt Nam."),
        ("sign", RECIPIENTS, SIGN_BRANCH),
    ],
    "8-KND": [
        ("title", "NGHỊ QUYẾT", "Đề nghị kết nạp đảng viên"),
        ("p", "Xét Nghị quyết số {{ proposal.number }} ngày {{ proposal.date }} của "
              "{{ person.unit }} đề nghị kết nạp quần chúng {{ person.name }} vào Đảng "
              "({{ proposal.agree }} đảng viên chính thức tán thành)."),
        ("p", "Ngày {{ date_text }}, {{ issuer }} họp xét. Số cấp ủy viên: ……; có mặt: ……; "
              "tán thành: ……; không tán thành: ……."),
        ("p", "{{ issuer }} đề nghị {{ committee }} xem xét, kết nạp quần chúng "
              "{{ person.name }} vào Đảng Cộng sản Việt Nam."),
        ("sign", RECIPIENTS, ["T/M ĐẢNG ỦY", "BÍ THƯ", "", "", "{{ signer }}"]),
    ],
    "9-KND": [
        ("title", "QUYẾT ĐỊNH", "Kết nạp đảng viên"),
        *BASIS,
        ("p", "Xét Nghị quyết số {{ proposal.number }} ngày {{ proposal.date }} của "
              "{{ person.unit }} đề nghị kết nạp quần chúng {{ person.name }} vào Đảng"
              "{{ grassroots_clause }},"),
        ("p", "BAN THƯỜNG VỤ {{ issuer_upper }} QUYẾT ĐỊNH", "center"),
        ("p", "Điều 1. Kết nạp vào Đảng Cộng sản Việt Nam: " + PERSON_LINE),
        ("p", "Điều 2. Thời gian dự bị của đồng chí {{ person.name }} là {{ probation_months }} "
              "tháng, kể từ ngày chi bộ tổ chức lễ kết nạp."),
        ("p", "Điều 3. {{ person.unit }} và đồng chí {{ person.name }} chịu trách nhiệm thi "
              "hành Quyết định này."),
        ("sign", RECIPIENTS, SIGN_COMMITTEE),
    ],
    "BB-KN": [
        ("title", "BIÊN BẢN", "Lễ kết nạp đảng viên"),
        ("p", "Hôm nay, ngày {{ date_text }}, tại ………………, {{ issuer }} tổ chức lễ kết nạp "
              "đồng chí {{ person.name }} vào Đảng Cộng sản Việt Nam theo Quyết định số "
              "{{ decision.number }} ngày {{ decision.date }} của {{ decision.issuer }}."),
        ("p", "Chủ trì: ……………………; thư ký: ……………………. Đảng viên chính thức của chi bộ: "
              "{{ roll }} đồng chí; có mặt: …… đồng chí."),
        ("p", "Chương trình: chào cờ; tuyên bố lý do; đọc quyết định kết nạp; đảng viên mới đọc "
              "lời tuyên thệ; đại diện chi bộ nói về nhiệm vụ của đảng viên và phân công đảng viên "
              "chính thức giúp đỡ ({{ helpers }}); bế mạc."),
        ("p", "Thời gian dự bị tính từ ngày {{ date_text }} đến ngày {{ probation_ends }}."),
        ("sign", ["THƯ KÝ", "", "", ""], ["CHỦ TRÌ", "", "", "{{ signer }}"]),
    ],
    "13-KND": [
        ("title", "NGHỊ QUYẾT", "Đề nghị công nhận đảng viên chính thức"),
        ("p", "Ngày {{ date_text }}, {{ issuer }} họp xét đề nghị công nhận đảng viên chính thức "
              "cho đồng chí {{ person.name }}, kết nạp theo Quyết định số {{ decision.number }} "
              "ngày {{ decision.date }}; lễ kết nạp ngày {{ ceremony }}; thời gian dự bị hết "
              "ngày {{ probation_ends }}."),
        *VOTE,
        ("p", "Chi bộ đề nghị {{ committee }} xem xét, công nhận đồng chí {{ person.name }} là "
              "đảng viên chính thức."),
        ("sign", RECIPIENTS, SIGN_BRANCH),
    ],
    "QD-CT": [
        ("title", "QUYẾT ĐỊNH", "Công nhận đảng viên chính thức"),
        *BASIS,
        ("p", "Xét Nghị quyết số {{ proposal.number }} ngày {{ proposal.date }} của "
              "{{ person.unit }} đề nghị công nhận đảng viên chính thức,"),
        ("p", "BAN THƯỜNG VỤ {{ issuer_upper }} QUYẾT ĐỊNH", "center"),
        ("p", "Điều 1. Công nhận đảng viên chính thức: " + PERSON_LINE),
        ("p", "Kết nạp vào Đảng ngày {{ ceremony }}; công nhận chính thức từ ngày "
              "{{ probation_ends }}."),
        ("p", "Điều 2. {{ person.unit }} và đồng chí {{ person.name }} chịu trách nhiệm thi "
              "hành Quyết định này."),
        ("sign", RECIPIENTS, SIGN_COMMITTEE),
    ],
    "GT-CSH": [
        ("title", "GIẤY GIỚI THIỆU", "{{ subtitle }}"),
        ("p", "Kính gửi: {{ to_unit }}.", "center"),
        ("p", "{{ issuer }} giới thiệu {{ who }} {{ name }}, sinh ngày {{ birth }}, số CCCD "
              "{{ national_id }}, {{ standing }}, hiện sinh hoạt tại {{ from_unit }},"),
        ("p", "đến sinh hoạt tại {{ to_unit }} theo quyết định số {{ decision.number }} ngày "
              "{{ decision.date }} của {{ decision.issuer }}{{ until }}."),
        ("p", "{%p if carried %}", "control"),
        ("p", "Kèm theo: {{ carried }}."),
        ("p", "{%p endif %}", "control"),
        ("p", "Đề nghị {{ to_unit }} tiếp nhận, {{ request }}."),
        ("sign", ["Nơi nhận:", "- {{ to_unit }},", "- Lưu hồ sơ."],
         ["T/M {{ issuer_upper }}", "", "", "", "{{ signer }}"]),
    ],
    "DS-LOP": [
        ("title", "DANH SÁCH HỌC VIÊN", "{{ course.name }}"),
        ("p", "{{ course.kind }}; từ ngày {{ course.start }} đến ngày {{ course.end }}; đơn vị "
              "tổ chức: {{ course.organizer }}.", "center"),
        ("table", ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Kết quả", "Giấy chứng nhận"],
         "{%tr for row in students %}",
         ["{{ loop.index }}", "{{ row.name }}", "{{ row.birth }}", "{{ row.unit }}",
          "{{ row.result }}", "{{ row.certificate }}"]),
        ("p", "Danh sách có {{ students|length }} học viên."),
        ("sign", [], ["NGƯỜI LẬP DANH SÁCH", "", "", ""]),
    ],
}


# --- writing ------------------------------------------------------------------------------------
def _font(run, size: int = 14, bold: bool = False, italic: bool = False, underline=False) -> None:
    run.font.name, run.font.size = FONT, Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _line(cell_or_doc, text: str, align=WD_ALIGN_PARAGRAPH.CENTER, **style):
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    _font(paragraph.add_run(text), **style)
    return paragraph


def _borderless_pair(document):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    for cell in (left, right):
        cell._element.remove(cell.paragraphs[0]._element)
    return left, right


def _header(document, party_only: bool) -> None:
    left, right = _borderless_pair(document)
    if not party_only:
        _line(left, "{{ issuer_parent_upper }}", size=13)
        _line(left, "{{ issuer_upper }}", size=13, bold=True)
        _line(left, "*", size=13)
        _line(left, "Số: {{ number }}", size=13)
    _line(right, PARTY, size=13, bold=True, underline=True)
    _line(right, "")
    _line(right, PLACE_DATE, size=13, italic=True)


def _paragraph(document, text: str, style: str = "") -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = None if style else Cm(1)
    paragraph.paragraph_format.space_after = Pt(6)
    if style in ("center", "right"):
        paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, style.upper())
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _font(paragraph.add_run(text), bold=style in ("center", "bold"), italic=style == "italic")


def _table(document, headers: list[str], loop: str, cells: list[str]) -> None:
    """A header row, then docxtpl's loop: a row holding only ``{%tr for … %}``, the repeated
    row, a row holding only ``{%tr endfor %}`` (both control rows vanish from the output)."""
    table = document.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(cell.paragraphs[0].add_run(text), size=13, bold=True)
    table.rows[1].cells[0].text = loop
    for cell, text in zip(table.rows[2].cells, cells):
        _font(cell.paragraphs[0].add_run(text), size=13)
    table.rows[3].cells[0].text = "{%tr endfor %}"


def _signature(document, left_lines: list[str], right_lines: list[str]) -> None:
    left, right = _borderless_pair(document)
    for index, text in enumerate(left_lines):
        _line(left, text, align=WD_ALIGN_PARAGRAPH.LEFT, size=12, bold=index == 0,
              italic=index == 0)
    for index, text in enumerate(right_lines):
        _line(right, text, size=14, bold=index < 2 or text.startswith("{{"))


def build(code: str, blocks: list) -> Document:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _header(document, party_only=bool(blocks) and blocks[0][0] == "party_only")
    for kind, *rest in blocks:
        if kind == "title":
            title, subtitle = rest
            document.add_paragraph()
            _line(document, title, size=15, bold=True)
            if subtitle:
                _line(document, subtitle, size=14, bold=True)
            _line(document, "-----", size=14)
        elif kind == "p":
            _paragraph(document, rest[0], rest[1] if len(rest) > 1 else "")
        elif kind == "table":
            _table(document, *rest)
        elif kind == "sign":
            document.add_paragraph()
            _signature(document, *rest)
    document.core_properties.title = code
    return document


def build_all(folder: Path = TEMPLATES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for code, blocks in PAPERS.items():
        target = folder / f"{code}.docx"
        build(code, blocks).save(target)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES):
        print(path)
