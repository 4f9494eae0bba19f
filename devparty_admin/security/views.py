"""Log-in, log-out and language switch."""
from __future__ import annotations

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
from flask_login import current_user, login_required, login_user, logout_user
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..extensions import db, login_manager
from ..i18n import TranslatedForm
from ..models import User
from ..plugins.loader import note_module_states, with_module_states
from .login import LoginRefused, authenticate
from .scoping import with_home_unit

bp = Blueprint("auth", __name__)


class LoginForm(TranslatedForm):
    username = StringField(
        _l("Username"), validators=[DataRequired(_l("Please enter your username.")), Length(max=80)]
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired(_l("Please enter your password.")), Length(max=200)]
    )


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The session's user, if its token is still the user's current one: a log-out, a password
    change, disabling the account or "sign out everywhere" replaces it. The same statement
    brings the home unit, whether it holds the whole tree, and the installation's module
    switches: nearly every page scopes by the first two and asks the third."""
    user_id, _sep, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id),
                          options=[with_home_unit(), *with_module_states()])
    if user is None or not user.active or not user.holds_session(token):
        return None
    note_module_states(user)
    return user


def _safe_next(target: str | None) -> str:
    """Only follow a relative ``next`` on this site, never an absolute URL elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("admin.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(form.username.data, form.password.data,
                                address=request.remote_addr)
        except LoginRefused as refused:
            if refused.wait:
                flash(_("Too many failed attempts from this computer. Please wait %(seconds)s "
                        "seconds and try again.", seconds=refused.wait), "error")
            else:
                flash(_("Wrong username or password."), "error")
        else:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Ends this session and every other one of the user's (a cookie copied before the
    log-out no longer opens anything)."""
    current_user.revoke_sessions()
    db.session.commit()
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
