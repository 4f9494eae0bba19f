"""Printing a paper from a record's page: one endpoint for every screen that has papers."""
from __future__ import annotations

import io

from flask import abort, request, send_file
from flask_admin import expose

from ..papers import PaperUnavailable, find, render
from ..security.access import record_access

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_name(stem: str, extension: str) -> str:
    """A download name in Vietnamese (sent as RFC 5987 by Flask), without path characters."""
    safe = "".join(c for c in stem if c.isalnum() or c in " -_.()").strip() or "giay-to"
    return f"{safe}.{extension}"


class PrintsPapers:
    """Mixed into a screen whose records have papers (``paper_about``: a person, an act, a
    class). The record is read through the screen's scoped ``get_one``: outside the user's
    subtree it is not found."""

    paper_about: str

    @expose("/paper/<code>/")
    def paper_view(self, code: str):
        record = self.get_one(request.args.get("id"))
        try:
            data = render(find(code, self.paper_about), record)
        except PaperUnavailable:
            abort(404)
        self.log_paper(record, code)
        return send_file(io.BytesIO(data), as_attachment=True, mimetype=DOCX,
                         download_name=file_name(f"{code} {record}", "docx"))

    def log_paper(self, record, what: str) -> None:
        """Papers carry personal data: who printed which is logged like an export."""
        record_access("paper", f"{self.endpoint} {what}"[:80], record_id=record.id)
