"""Error pages in the user's language: no traceback ever reaches a user."""
from __future__ import annotations

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from .extensions import db

MESSAGES = {
    400: _l("The request could not be understood. Please go back and try again."),
    403: _l("You do not have permission to do this."),
    404: _l("The page or record was not found, or it is outside your unit."),
    405: _l("This action is not allowed here."),
    413: _l("The uploaded file is too large."),
    500: _l("Something went wrong on our side; nothing was changed. Please try again."),
}


def _page(code: int, message):
    return render_template("errors/error.html", code=code, message=message), code


def register_error_handlers(app) -> None:
    for code, message in MESSAGES.items():
        app.register_error_handler(code, lambda error, c=code, m=message: _page(c, m))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _page(400, _l("The form has expired or was not sent from this site. "
                             "Please reload the page and try again."))

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        return _page(500, MESSAGES[500])
