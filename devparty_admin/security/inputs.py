"""Request-wide input hygiene that no single form can do for the others."""
from __future__ import annotations

from flask import abort, request


def refuse_nul_characters() -> None:
    """PostgreSQL cannot store a NUL character and fails the whole statement (a 500), so any
    query-string or form value holding one is refused up front with a 400."""
    for values in (request.args, request.form):
        if any("\x00" in value for _key, items in values.lists() for value in items):
            abort(400)


def init_input_checks(app) -> None:
    app.before_request(refuse_nul_characters)
