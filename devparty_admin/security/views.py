"""Log-in, log-out and language switch."""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required, login_user, logout_user
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..extensions import db, login_manager
from ..i18n import TranslatedForm
from ..models import User
from .login import LoginRefused, authenticate

bp = Blueprint("auth", __name__)


class LoginForm(TranslatedForm):
    username = StringField(
        _l("Username"), validators=[DataRequired(_l("Please enter your username.")), Length(max=80)]
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired(_l("Please enter your password.")), Length(max=200)]
    )


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    if not user_id.isdigit():
        return None
    return db.session.get(User, int(user_id))


def _safe_next(target: str | None) -> str:
    """Only follow a relative ``next`` on this site, never an absolute URL elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("admin.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        config = current_app.config
        try:
            user = authenticate(
                form.username.data,
                form.password.data,
                max_failures=config["DEVPARTY_MAX_FAILED_LOGINS"],
                lockout=timedelta(minutes=config["DEVPARTY_LOCKOUT_MINUTES"]),
            )
        except LoginRefused as refused:
            if refused.locked:
                flash(_("Too many failed attempts. Please try again later."), "error")
            else:
                flash(_("Wrong username or password."), "error")
        else:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash(_("You have been logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/language/<code>", methods=["POST"])
def set_language(code: str):
    if code in current_app.config["DEVPARTY_LANGUAGES"]:
        session["language"] = code
    return redirect(_safe_next(request.form.get("next")))


@bp.route("/")
def root():
    return redirect(url_for("admin.index"))
