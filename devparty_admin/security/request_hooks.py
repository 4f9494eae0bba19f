"""What every request does before its view: refuse unstorable input, name the actor."""
from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from ..extensions import db


def refuse_nul_characters() -> None:
    """PostgreSQL cannot store a NUL character and fails the whole statement (a 500), so any
    query-string or form value holding one is refused up front with a 400."""
    for values in (request.args, request.form):
        if any("\x00" in value for _key, items in values.lists() for value in items):
            abort(400)


def remember_actor() -> None:
    """Field history names who changed what: the audit listener reads it from the session."""
    if current_user.is_authenticated:
        db.session.info["actor_id"] = current_user.id


def init_request_hooks(app) -> None:
    app.before_request(refuse_nul_characters)
    app.before_request(remember_actor)
