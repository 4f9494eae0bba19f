"""Error pages in the user's language: no traceback ever reaches a user.

When the database cannot be reached (stopped, restarting, every connection busy, SQLite locked
for too long) the answer is a 503 page built without the database, so it can always be shown.
"""
from __future__ import annotations

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from .extensions import db

MESSAGES = {
    400: _l("The request could not be understood. Please go back and try again."),
    403: _l("You do not have permission to do this."),
    404: _l("The page or record was not found, or it is outside your unit."),
    405: _l("This action is not allowed here."),
    413: _l("The uploaded file is too large."),
    500: _l("Something went wrong on our side; nothing was changed. Please try again."),
    503: _l("The system is busy or its database cannot be reached right now; nothing was "
            "changed. Please try again in a minute."),
}

# Said when even the error page cannot be rendered: plain HTML, Vietnamese, no template.
LAST_RESORT = ("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>{code}</title>"
               "<body style=\"font-family:sans-serif;max-width:36rem;margin:10vh auto\">"
               "<h1>Lỗi {code}</h1><p>Hệ thống đang bận hoặc tạm thời không kết nối được cơ sở "
               "dữ liệu; chưa có gì bị thay đổi. Vui lòng thử lại sau ít phút.</p></body></html>")


def error_page(code: int, message):
    """The error page with a message of the caller's (a module that is off, …)."""
    return _page(code, message)


def _page(code: int, message, headers: dict | None = None):
    headers = dict(headers or {})
    try:
        return render_template("errors/error.html", code=code, message=message), code, headers
    except Exception:  # noqa: BLE001 - the page of last resort must not fail in turn
        headers["Content-Type"] = "text/html; charset=utf-8"
        return LAST_RESORT.format(code=code), code, headers


def _forget_failed_transaction() -> None:
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001 - the connection may be gone; the pool replaces it
        db.session.invalidate()


def is_unavailable(error: BaseException) -> bool:
    """The database is out of reach or too busy, as opposed to a bug: say so with a 503."""
    if isinstance(error, PoolTimeout):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, OperationalError)


def register_error_handlers(app) -> None:
    for code, message in MESSAGES.items():
        app.register_error_handler(code, lambda error, c=code, m=message: _page(c, m))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _page(400, _l("The form has expired or was not sent from this site. "
                             "Please reload the page and try again."))

    @app.errorhandler(DBAPIError)
    @app.errorhandler(PoolTimeout)
    def database_error(error):
        _forget_failed_transaction()
        if is_unavailable(error):
            app.logger.warning("database unavailable: %s", getattr(error, "orig", error))
            return _page(503, MESSAGES[503], {"Retry-After": "30"})
        raise error

    @app.errorhandler(500)
    def server_error(error):
        _forget_failed_transaction()
        return _page(500, MESSAGES[500])
