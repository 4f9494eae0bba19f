"""DevParty Admin: back office for party-member development (phát triển đảng viên)."""
from __future__ import annotations

from flask import Flask

from .config import load_config
from .i18n import register_template_helpers


def create_app(config: dict | None = None) -> Flask:
    """Build the application; ``config`` overrides the environment (tests use it)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(load_config(app.instance_path))
    if config:
        app.config.update(config)

    from .extensions import babel, csrf, db, engine_options, login_manager, migrate
    from .i18n import keep_translations, select_locale

    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS",
                          engine_options(app.config["SQLALCHEMY_DATABASE_URI"]))

    db.init_app(app)
    migrate.init_app(app, db, directory=str(_migrations_dir()), render_as_batch=True)
    babel.init_app(app, locale_selector=select_locale)
    keep_translations(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    register_template_helpers(app)

    from . import models  # noqa: F401 - register the tables with the metadata
    from .plugins.loader import PluginError, init_plugins
    from .plugins.migrations import register as register_plugin_migrations
    from .workflow import alert_dates  # noqa: F401 - keeps the alert dates after each flush
    from .workflow.rules import check_overrides

    check_overrides(app.config.get("DEVPARTY_RULES", {}))
    try:
        init_plugins(app)
    except PluginError as error:
        raise SystemExit(f"DevParty Admin cannot start: {error}") from None
    register_plugin_migrations(migrate)
    from .admin import init_admin
    from .cli import register_cli
    from .errors import register_error_handlers
    from .health import bp as health_bp
    from .security.headers import init_headers
    from .security.request_hooks import init_request_hooks
    from .security.views import bp as auth_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(health_bp)
    init_request_hooks(app)
    init_headers(app)
    _trust_proxies(app)
    init_admin(app)
    register_error_handlers(app)
    register_cli(app)
    return app


def _trust_proxies(app: Flask) -> None:
    """Behind a reverse proxy, take the client's address and scheme from the proxy's headers
    (the log-in throttle counts per client address); never when serving directly."""
    hops = app.config["DEVPARTY_PROXY_HOPS"]
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _migrations_dir():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "migrations"
