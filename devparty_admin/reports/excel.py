"""Excel files (openpyxl): report workbooks, and lists written row by row.

Dates are written as Excel dates (shown dd/mm/yyyy), numbers as numbers and shares as
percentages, so a committee can keep calculating in the file.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from io import BytesIO
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .tables import DAYS, PERCENT, Table

DATE_FORMAT = "DD/MM/YYYY"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
# A spreadsheet program runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def text_cell(sheet, value):
    """A cell for ``value``; text that looks like a formula is stored as plain text, so a name
    typed as ``=HYPERLINK(…)`` is shown, never run, in whoever opens the file. Control
    characters, which a worksheet cannot hold, are dropped."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not is_formula_like(value):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def csv_text(value) -> str:
    """A CSV field: formula-like text is prefixed with an apostrophe, as spreadsheet programs
    expect for text that must not be evaluated."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text


def _sheet_title(title: str, taken: set[str]) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet's name, unique in the workbook."""
    base = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet"
    name, serial = base, 2
    while name in taken:
        suffix = f" ({serial})"
        name, serial = base[:31 - len(suffix)] + suffix, serial + 1
    taken.add(name)
    return name


def report_workbook(title: str, heading: str, tables: list[Table]) -> BytesIO:
    """One sheet per table: the report's title and unit/period on top, then the table."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, taken))
        sheet.append([title])
        sheet["A1"].font = BOLD
        sheet.append([heading])
        sheet.append([table.title])
        sheet.append(list(table.columns))
        for cell in sheet[4]:
            cell.font = BOLD
        for row in table.rows:
            sheet.append([text_cell(sheet, cell.value) for cell in row])
            for written, cell in zip(sheet[sheet.max_row], row):
                if cell.kind == PERCENT:
                    written.number_format = "0.0%"
                elif cell.kind == DAYS and cell.value is not None:
                    written.number_format = "0"
        for index, header in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(header) + 4, 50))
        sheet.column_dimensions["A"].width = 40
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def _cell(sheet, value):
    """Dates need a styled cell to show as dd/mm/yyyy; text is kept as text."""
    if not isinstance(value, (date, datetime)):
        return text_cell(sheet, value)
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATE_FORMAT
    return cell


def write_xlsx(headers: list[str], rows: Iterable[list[object]], target: IO[bytes]) -> None:
    """Write an .xlsx of ``rows`` into ``target`` as they come (write-only mode, constant
    memory)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = BOLD
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    workbook.save(target)


def write_csv(headers: list[str], rows: Iterable[list[object]], target: IO[bytes]) -> None:
    """Write a UTF-8 CSV (with the byte-order mark Excel needs to read Vietnamese) into
    ``target``; dates as dd/mm/yyyy."""
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow([csv_text(header) for header in headers])
    for row in rows:
        writer.writerow([csv_text(value.strftime("%d/%m/%Y") if isinstance(value, date) else value)
                         for value in row])
    text.detach()
