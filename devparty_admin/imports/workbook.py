"""Reading an uploaded import file (calamine), and writing the template and the rows with errors
(openpyxl)."""
from __future__ import annotations

import zipfile
from io import BytesIO

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from python_calamine import CalamineWorkbook

from ..reports.excel import text_cell
from ..vietnamese import fold
from .columns import as_text
from .specs import ImportSpec

MAX_ROWS = 100_000
MAX_CELL = 2_000  # characters in one cell; the longest field is far shorter
MAX_UNCOMPRESSED = 250 * 1024 * 1024  # bytes inside the .xlsx, read from its directory
MAX_PARTS = 2_000  # files inside the .xlsx
BOLD = Font(bold=True)


class FileRefused(ValueError):
    """The file as a whole cannot be imported; nothing was stored. The message says why."""


def inspect(data: bytes) -> None:
    """Refuse a file that would expand into far more than it looks (a "zip bomb") from its
    directory alone, before anything is decompressed or parsed."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip at all: openpyxl's own refusal below says so
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNCOMPRESSED:
        raise FileRefused(_("This file holds far more data than an import list can (over "
                            "%(mb)s MB once unpacked); it cannot be read. Save only the list of "
                            "people in the template and upload it again.",
                            mb=MAX_UNCOMPRESSED // (1024 * 1024)))


def _first_sheet(data: bytes):
    """The first sheet's used range, read by calamine (a compiled reader: a 100,000-row file in
    about a second, where openpyxl's pure-Python parser took twenty). Only .xlsx files (zips)
    are read; anything else is refused as such."""
    if not data:
        raise FileRefused(_("The file is empty."))
    if not zipfile.is_zipfile(BytesIO(data)):
        raise FileRefused(_("This is not an Excel (.xlsx) file. Download the template, fill it "
                            "in and save it as .xlsx."))
    inspect(data)
    try:
        return CalamineWorkbook.from_filelike(BytesIO(data)).get_sheet_by_index(0)
    except Exception:  # noqa: BLE001 - a damaged file fails in many ways inside the reader
        raise FileRefused(_("This Excel file could not be read; it may be damaged.")) from None


def _header_positions(spec: ImportSpec, header: list[str]) -> list[int | None]:
    """Where each of the spec's columns is in the file; refuses missing or unknown headers."""
    found = {fold(name): index for index, name in enumerate(header) if name.strip()}
    expected = {fold(column.header) for column in spec.columns}
    missing = [c.header for c in spec.columns if c.required and fold(c.header) not in found]
    unknown = [name for name in header if name.strip() and fold(name) not in expected]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(_("missing columns: %(names)s", names=", ".join(missing)))
        if unknown:
            problems.append(_("unknown columns: %(names)s", names=", ".join(unknown)))
        raise FileRefused(_("The first row must hold the template's headers (%(problems)s).",
                            problems="; ".join(problems)))
    return [found.get(fold(column.header)) for column in spec.columns]


def read_rows(spec: ImportSpec, data: bytes) -> list[tuple[int, list[str]]]:
    """(row number, cells as text in the spec's column order) for every non-empty data row of
    the first sheet. Raises FileRefused for the file as a whole."""
    sheet = _first_sheet(data)
    rows = sheet.iter_rows()
    header = next(rows, None)
    if header is None:
        raise FileRefused(_("The file is empty."))
    positions = _header_positions(spec, [as_text(value) for value in header])
    result = []
    for number, values in enumerate(rows, start=2):
        cells = [as_text(values[i]) if i is not None and i < len(values) else ""
                 for i in positions]
        long = next((spec.columns[i].header for i, cell in enumerate(cells)
                     if len(cell) > MAX_CELL), None)
        if long is not None:
            raise FileRefused(_("Row %(row)s, column “%(column)s” has more than %(limit)s "
                                "characters; no field is that long. Correct it and upload "
                                "the file again.", row=number, column=long, limit=MAX_CELL))
        if any(cells):
            result.append((number, cells))
            if len(result) > MAX_ROWS:
                raise FileRefused(_("The file has more than %(limit)s rows; split it.",
                                    limit=MAX_ROWS))
    if not result:
        raise FileRefused(_("The file has no data rows under the headers."))
    return result


def template(spec: ImportSpec, units: list[tuple[str, str]]) -> BytesIO:
    """The import template: the headers, one sample row, lists for coded columns, the CCCD
    column as text, and a second sheet with the codes of the units the user may import into."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec.title
    sheet.append(spec.headers)
    sheet.append([column.sample_text() for column in spec.columns])
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        sheet[f"{letter}1"].font = BOLD
        sheet.column_dimensions[letter].width = max(14, len(column.header) + 4)
        if column.field in ("date_of_birth", "admission_date", "ceremony_date", "official_date"):
            sheet[f"{letter}2"].number_format = "DD/MM/YYYY"
        if column.field == "national_id":
            for row in range(2, 1002):
                sheet[f"{letter}{row}"].number_format = "@"
        if column.choices is not None:
            labels = ",".join(str(label) for _code, label in column.choices)
            if len(labels) < 250:
                rule = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
                rule.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
                sheet.add_data_validation(rule)
    codes = workbook.create_sheet("Mã tổ chức đảng")
    codes.append(["Mã tổ chức đảng", "Tên tổ chức đảng"])
    for cell in codes[1]:
        cell.font = BOLD
    for code, name in units:
        codes.append([text_cell(codes, code), text_cell(codes, name)])
    codes.column_dimensions["B"].width = 60
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def error_rows(spec: ImportSpec, rows) -> BytesIO:
    """The rows with errors as they were uploaded, with a last column saying what is wrong, so
    they can be corrected and uploaded again."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(spec.title)
    sheet.append(["Dòng", *spec.headers, "Lỗi"])
    for number, cells, errors in rows:
        message = "; ".join(f"{column}: {text}" for column, text in errors)
        sheet.append([text_cell(sheet, value) for value in (number, *cells, message)])
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer
