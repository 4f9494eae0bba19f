"""The password policy, the same on the user screen and on the command line: long enough, not
the username, and not easy to guess (zxcvbn's estimate, which knows common passwords, names,
dates, keyboard patterns and the user's own details)."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from zxcvbn import zxcvbn

SCORED_CHARACTERS = 72  # zxcvbn refuses longer input (it would be slow); the start decides the score
SITE_WORDS = ["devparty", "dangvien", "dang", "admin", "quantri", "matkhau", "password"]


def password_problems(password: str, username: str = "", display_name: str = "") -> list[str]:
    """Why ``password`` is refused, in the user's language (empty: it is acceptable)."""
    config = current_app.config
    minimum = config["DEVPARTY_PASSWORD_MIN_LENGTH"]
    problems = []
    if len(password) < minimum:
        problems.append(_("The password must have at least %(count)s characters.", count=minimum))
    name = (username or "").strip().lower()
    if name and name in password.lower():
        problems.append(_("The password must not contain the username."))
    if not problems:
        inputs = [word for word in (name, *(display_name or "").lower().split(), *SITE_WORDS) if word]
        if zxcvbn(password[:SCORED_CHARACTERS], user_inputs=inputs)["score"] < config[
                "DEVPARTY_PASSWORD_MIN_SCORE"]:
            problems.append(_("The password is too easy to guess (a common password, a name, a "
                              "date or a keyboard pattern). Use a longer phrase of several words."))
    return problems
