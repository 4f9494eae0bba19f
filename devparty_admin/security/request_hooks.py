"""What every request does before its view (refuse unstorable input, name the actor) and
after it (end a transaction that wrote nothing with COMMIT)."""
from __future__ import annotations

from flask import abort, request
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import SESSION_CONNECTION, db, wrote_nothing


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


def end_reads_with_commit(error) -> None:
    """On PostgreSQL, a page read (GET) whose transaction sent nothing but SELECTs ends it with
    COMMIT instead of the ROLLBACK the session would send. psycopg forgets every statement it
    has prepared on a rollback; with one rollback per request, no statement was ever run the
    five times it takes to be prepared, and PostgreSQL planned each again on every page: on a
    chi bộ's dashboard, longer than running it. A transaction that wrote nothing ends the same
    either way (``extensions.wrote_nothing``); one that wrote, failed, or holds unsent changes
    is left to roll back."""
    session = db.session()
    if (error is not None or request.method not in ("GET", "HEAD")
            or db.engine.dialect.name != "postgresql" or not session.in_transaction()
            or session.new or session.dirty or session.deleted):
        return
    if wrote_nothing(session.info.get(SESSION_CONNECTION)):  # never connects again here
        try:
            session.commit()
        except SQLAlchemyError:  # the connection broke after the page: nothing to keep
            session.rollback()


def init_request_hooks(app) -> None:
    app.before_request(refuse_nul_characters)
    app.before_request(remember_actor)
    app.teardown_request(end_reads_with_commit)
