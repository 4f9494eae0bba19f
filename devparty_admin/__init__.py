"""DevParty Admin: back office for party-member development (phát triển đảng viên)."""
from __future__ import annotations

from flask import Flask
from flask_babel import get_locale

from .config import load_config


def create_app(config: dict | None = None) -> Flask:
    """Build the application; ``config`` overrides the environment (tests use it)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(load_config(app.instance_path))
    if config:
        app.config.update(config)

    from .extensions import babel, csrf, db, login_manager, migrate
    from .i18n import select_locale

    db.init_app(app)
    migrate.init_app(app, db, directory=str(_migrations_dir()), render_as_batch=True)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    app.jinja_env.globals["get_locale"] = get_locale

    from . import models  # noqa: F401 - register the tables with the metadata
    from .admin import init_admin
    from .cli import register_cli
    from .errors import register_error_handlers
    from .security.inputs import init_input_checks
    from .security.views import bp as auth_bp

    app.register_blueprint(auth_bp)
    init_input_checks(app)
    init_admin(app)
    register_error_handlers(app)
    register_cli(app)
    return app


def _migrations_dir():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "migrations"
