"""List downloads written while they are sent: .xlsx and .csv as a stream of byte chunks.

A list of 100,000 people must start downloading at once and take seconds, not a minute.
openpyxl, XlsxWriter and PyExcelerate all assemble the workbook's zip when it is closed, so the
first byte would leave only at the end, and openpyxl writes about 1,400 rows a second. An .xlsx
is a zip of a few XML parts: the fixed parts are written here as constants and the sheet is
written row by row into a zip member (the standard library's ``zipfile`` writes to a stream that
cannot seek, with a data descriptor after each member), handed out in chunks as it fills.

The sheet keeps what the openpyxl export gave: a bold, frozen header row, dates as Excel dates
shown dd/mm/yyyy, numbers as numbers, every text as text (a cell is never a formula, whatever
it starts with), control characters a worksheet cannot hold dropped.
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from .excel import csv_text

CHUNK_ROWS = 500  # rows written between two chunks handed to the server
EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (its 1900 calendar, past 1 March 1900)
NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CONTENT_TYPES = (
    f'{XML}<Types xmlns="{PACKAGE}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OFFICE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{OFFICE}.styles+xml"/></Types>')
ROOT_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
WORKBOOK_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>')
# Cell styles: 0 plain, 1 bold (the header), 2 a date shown dd/mm/yyyy.
STYLES = (
    f'{XML}<styleSheet xmlns="{NAMESPACE}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


def _workbook(sheet_name: str) -> str:
    name = escape(sheet_name, {'"': "&quot;"})
    return (f'{XML}<workbook xmlns="{NAMESPACE}" xmlns:r="{RELATIONSHIPS}"><sheets>'
            f'<sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')


def _sheet_start(columns: int) -> str:
    widths = "".join(f'<col min="{i}" max="{i}" width="{40 if i == 1 else 18}" customWidth="1"/>'
                     for i in range(1, columns + 1))
    return (f'{XML}<worksheet xmlns="{NAMESPACE}">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2"'
            ' activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            f'<cols>{widths}</cols><sheetData>')


def _text(ref: str, value: str, style: str = "") -> str:
    value = escape(ILLEGAL_CHARACTERS_RE.sub("", value))
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f'<c r="{ref}" t="inlineStr"{style}><is><t{space}>{value}</t></is></c>'


def _number(ref: str, value) -> str:
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def _date(ref: str, value: date) -> str:
    return f'<c r="{ref}" s="2"><v>{(value - EPOCH.date()).days}</v></c>'


def _datetime(ref: str, value: datetime) -> str:
    serial = (value.replace(tzinfo=None) - EPOCH).total_seconds() / 86400
    return f'<c r="{ref}" s="2"><v>{serial!r}</v></c>'


CELLS = {str: _text, int: _number, float: _number, date: _date, datetime: _datetime}


def _cell(ref: str, value) -> str:
    """One cell's XML; a value of another type is written as its text."""
    writer = CELLS.get(type(value))
    return writer(ref, value) if writer else _text(ref, str(value))


class _Sink(io.RawIOBase):
    """Where the zip is written: bytes kept until the next chunk is handed out. It cannot seek,
    so ``zipfile`` streams each member with a data descriptor after it."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def xlsx_chunks(headers: list[str], rows: Iterable[list[object]], *, sheet_name: str = "Sheet1",
                large: bool = False) -> Iterator[bytes]:
    """The .xlsx of ``rows`` under a bold header, as chunks of bytes while they are written.
    ``large`` (more than about 400,000 rows) allows the sheet past 2 GiB of XML (ZIP64)."""
    sink = _Sink()
    letters = [get_column_letter(i) for i in range(1, len(headers) + 1)]
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", _workbook(sheet_name)),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/styles.xml", STYLES)):
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=large) as sheet:
            sheet.write(_sheet_start(len(headers)).encode())
            sheet.write(('<row r="1">' + "".join(
                _text(f"{letter}1", header, ' s="1"') for letter, header in zip(letters, headers))
                + "</row>").encode())
            yield sink.take()
            lines = []
            for number, row in enumerate(rows, start=2):
                cells = "".join(_cell(f"{letter}{number}", value)
                                for letter, value in zip(letters, row) if value is not None)
                lines.append(f'<row r="{number}">{cells}</row>')
                if len(lines) == CHUNK_ROWS:
                    sheet.write("".join(lines).encode())
                    lines = []
                    yield sink.take()
            sheet.write(("".join(lines) + "</sheetData></worksheet>").encode())
    yield sink.take()


def csv_chunks(headers: list[str], rows: Iterable[list[object]]) -> Iterator[bytes]:
    """A UTF-8 CSV (with the byte-order mark Excel needs to read Vietnamese) as chunks; dates
    as dd/mm/yyyy, formula-like text prefixed with an apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_text(header) for header in headers])
    yield "\ufeff".encode() + buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    for count, row in enumerate(rows, start=1):
        writer.writerow([csv_text(value.strftime("%d/%m/%Y") if isinstance(value, date) else value)
                         for value in row])
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()
