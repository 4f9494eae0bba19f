"""``/healthz`` for a load balancer: the database answers and its schema is at the code's heads."""
from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

bp = Blueprint("health", __name__)


def expected_heads() -> set[str]:
    """The head revisions of the core and every installed plugin (read once per process)."""
    cached = current_app.extensions.get("devparty_heads")
    if cached is None:
        config = current_app.extensions["migrate"].migrate.get_config()
        cached = set(ScriptDirectory.from_config(config).get_heads())
        current_app.extensions["devparty_heads"] = cached
    return cached


@bp.route("/healthz")
def healthz():
    """200 when the application can serve; 503 (with the reason) when it cannot."""
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            applied = set(MigrationContext.configure(connection).get_current_heads())
    except SQLAlchemyError:
        return jsonify(database="unreachable"), 503
    missing = expected_heads() - applied
    if missing:
        return jsonify(database="ok", migrations="behind", missing=sorted(missing)), 503
    return jsonify(database="ok", migrations="ok")
