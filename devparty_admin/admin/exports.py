"""List downloads (.xlsx, .csv) of every screen: the list's own rows, streamed as they are read.

The list's filtered, sorted, scoped query is read once for its ids (in the list's order); the
download is logged with its row count, the connection is given back, and the file is written and
sent batch by batch: each batch of records is loaded through the screen's scoped query, turned
into cells, and its transaction ended (the connection back in the pool) before a byte of it
leaves. A slow or vanished client
therefore never holds a connection, the first bytes leave at once, and memory stays flat (the
ids of a 100,000-row list are 800 kB).

Cells are read by one reader per column worked out once per download (a coded column's labels
translated once, a formatter only where the screen has one), not through Flask-Admin's
per-cell formatting, which was most of the time of a large export.
"""
from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from enum import Enum
from urllib.parse import quote

from flask import (
    Response,
    current_app,
    flash,
    redirect,
    request,
    stream_with_context,
    url_for,
)
from flask_admin import expose
from flask_babel import format_number, to_user_timezone
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from ..extensions import db
from ..models.choices import Choices
from ..reports.excel import XLSX_MIMETYPE
from ..reports.streaming import csv_chunks, xlsx_chunks
from ..security.access import record_access

MIMETYPES = {"xlsx": XLSX_MIMETYPE, "csv": "text/csv; charset=utf-8"}
BATCH = 1000  # records loaded from the database at a time while writing a download
LARGE = 400_000  # rows past which the sheet may outgrow 2 GiB of XML (written as ZIP64)
PLAIN = (str, int, float, date)  # written as they are (datetime is a date)
FEW = (bool, Enum)  # values with few possible cells, each formatted once per download

Reader = Callable[[object], object]


def attachment(name: str) -> str:
    """A Content-Disposition for ``name`` that keeps its Vietnamese letters (RFC 6266), with an
    ASCII fallback for old clients."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode().replace('"', "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


class ListExport:
    """The export route and its column readers, mixed into ``ScopedModelView``."""

    # Coded columns whose export shows the label (set by the view's choices).
    export_choices: dict[str, Choices] = {}

    @expose("/export/<export_type>/")
    def export(self, export_type):
        if not self.can_export or export_type not in self.export_types:
            return super().export(export_type)  # Flask-Admin's "permission denied"
        ids = self._export_ids()
        limit = current_app.config["DEVPARTY_EXPORT_MAX_ROWS"]
        if len(ids) > limit:
            flash(_("This list has %(rows)s rows; one download holds at most %(limit)s. Narrow it "
                    "with a filter (unit, stage, year…) and download again.",
                    rows=format_number(len(ids)), limit=format_number(limit)), "error")
            return redirect(url_for(".index_view", **request.args))
        record_access("export", self.endpoint, rows=len(ids))  # commits: the connection is back
        columns = self.export_columns()
        headers = [str(label) for _name, label in columns]
        rows = self._export_rows(ids, [self.export_reader(name) for name, _label in columns])
        if export_type == "xlsx":
            chunks = xlsx_chunks(headers, rows, sheet_name=self._sheet_name(),
                                 large=len(ids) > LARGE)
        else:
            chunks = csv_chunks(headers, rows)
        return Response(stream_with_context(chunks), mimetype=MIMETYPES[export_type],
                        headers={"Content-Disposition": attachment(
                            self.get_export_name(export_type))})

    def _export_ids(self) -> array:
        """The ids of the list as the user sees it (filters, search, sort, scope), in order."""
        args = self._get_list_extra_args()
        sort = self._get_column_by_idx(args.sort)
        _count, query = self.get_list(0, sort[0] if sort else None, args.sort_desc, args.search,
                                      args.filters, execute=False, page_size=0)
        key = getattr(self.model, self._primary_key)
        rows = query.enable_eagerloads(False).with_entities(key).yield_per(10_000)
        return array("q", (pk for (pk,) in rows))

    def _export_rows(self, ids: array, readers: list[Reader]) -> Iterator[list]:
        """Each record's cells, ``BATCH`` records at a time. A batch's records live in a session
        of their own, closed (not expired one by one) once their cells are read; every
        transaction of the batch ends, its connection back in the pool, before its rows are
        written out."""
        for start in range(0, len(ids), BATCH):
            with Session(db.engine) as batch:
                records = self._export_batch(batch, list(ids[start:start + BATCH]))
                rows = [[read(record) for read in readers] for record in records]
            db.session.rollback()  # what prepare_rows read through the request's session
            yield from rows

    def _export_batch(self, session: Session, ids: list[int]) -> list:
        """The records of ``ids`` through the screen's scoped query, with what the list loads
        alongside (its joined relations and ``prepare_rows``), in the order of ``ids``. A
        record deleted since the ids were read is left out."""
        key = getattr(self.model, self._primary_key)
        _count, query = self.get_list(None, None, False, None, None, execute=False, page_size=0)
        found = {getattr(record, self._primary_key): record
                 for record in query.with_session(session).filter(key.in_(ids)).order_by(None)}
        records = [found[pk] for pk in ids if pk in found]
        self.prepare_rows(records)
        return records

    def export_columns(self) -> list[tuple[str, object]]:
        """(name, label) of the export's columns: the screen's, for this user."""
        return list(self._export_columns)

    def export_reader(self, name: str) -> Reader:
        """How column ``name`` of a record becomes a cell: a coded column's label, the screen's
        own export formatter where it has one, else the value itself (dates and numbers stay
        dates and numbers; anything else as the list writes it)."""
        if name in self.export_choices:
            return self._label_reader(name, self.export_choices[name])
        if "." in name or name in (self.column_formatters_export or {}):
            return lambda record: self._formatted_cell(record, name)
        return self._value_reader(name)

    @staticmethod
    def _label_reader(name: str, choices: Choices) -> Reader:
        labels: dict = {}

        def read(record):
            code = getattr(record, name)
            if code not in labels:
                labels[code] = choices.label(code)
            return labels[code] or None
        return read

    def _value_reader(self, name: str) -> Reader:
        formatters: dict = {}
        shown: dict = {}  # "Có"/"Không" and the like, formatted once per value

        def read(record):
            value = getattr(record, name, None)
            if value is None or _plain(value):
                return _as_is(value)
            if isinstance(value, FEW) and value in shown:
                return shown[value]
            kind = type(value)
            if kind not in formatters:
                formatters[kind] = next((formatter for type_, formatter in
                                         self.column_type_formatters_export.items()
                                         if isinstance(value, type_)), None)
            formatter = formatters[kind]
            cell = _cell_value(formatter(self, value, name) if formatter else value)
            if isinstance(value, FEW):
                shown[value] = cell
            return cell
        return read

    def _formatted_cell(self, record, name: str):
        """A cell through Flask-Admin's export formatting (formatters of the screen)."""
        raw = getattr(record, name, None) if "." not in name else None
        if _plain(raw) and not isinstance(raw, str):  # dates and numbers: not the list's text
            return _as_is(raw)
        return _cell_value(self.get_export_value(record, name))

    def _sheet_name(self) -> str:
        """The screen's name as a sheet name (31 characters, none of []:*?/\\)."""
        return "".join(c for c in str(self.name) if c not in "[]:*?/\\")[:31] or "Sheet1"

    def get_export_name(self, export_type: str = "csv") -> str:
        """The screen's name as the user reads it and the local time: "Đảng viên_27-11-2026_19-05.xlsx"."""
        stamp = to_user_timezone(datetime.now(timezone.utc)).strftime("%d-%m-%Y_%H-%M")
        name = "".join(c for c in str(self.name) if c.isalnum() or c in " -_").strip() or "export"
        return f"{name}_{stamp}.{export_type}"


def _plain(value) -> bool:
    """Text, a number or a date: a cell holds it as it is (a bool is shown as "Có"/"Không")."""
    return isinstance(value, PLAIN) and not isinstance(value, bool)


def _as_is(value):
    """A plain value as a cell holds it: a moment without its time zone (Excel has none)."""
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def _cell_value(value):
    """What a formatter gave, as a cell can hold it: text, a number or a date; empty text is an
    empty cell."""
    if value is None or value == "":
        return None
    return value if isinstance(value, PLAIN) else str(value)
