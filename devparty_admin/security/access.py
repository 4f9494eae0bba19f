"""Recording who read personal data (``AccessLog``): exports and opened person records."""
from __future__ import annotations

from flask import request
from flask_login import current_user

from ..extensions import db
from ..models import AccessLog

DETAIL_LIMIT = 2000


def record_access(action: str, screen: str, *, record_id: int | None = None,
                  rows: int | None = None) -> None:
    """Add (and commit) one entry for the logged-in user; the query string says the filter."""
    query = request.query_string.decode(errors="replace")[:DETAIL_LIMIT] or None
    db.session.add(AccessLog(user_id=current_user.id, action=action, screen=screen,
                             record_id=record_id, rows=rows, detail=query,
                             address=(request.remote_addr or "")[:64] or None))
    db.session.commit()
