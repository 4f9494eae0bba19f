"""Flask-Admin set-up: the home page and every screen, all derived from ScopedModelView."""
from __future__ import annotations

from pathlib import Path

from flask_admin import Admin
from flask_admin.theme import Bootstrap4Theme
from flask_babel import lazy_gettext as _l

from ..i18n import product_catalog_first
from ..models import Transfer
from ..plugins.extension import candidate_extensions
from ..reports.charts import bar_chart
from ..security.headers import csp_nonce
from ..security.scoping import can_scope
from .alerts import AlertsView
from .calendar import calendar_views
from .development import development_views
from .due import DueView
from .home import HomeView
from .imports import ImportView
from .menu import main_menu, page_assets, user_menu
from .modules import ModulesView
from .organizations import organization_views
from .people import people_views
from .plans import plan_views
from .reorganization import TransferView
from .reports import ReportsView
from .sectors import sector_candidate_views
from .users import user_views


def plugin_views(app) -> list:
    """Every installed plugin's views, each tagged with its plugin so it hides while disabled.
    A view whose model no user could be limited to their subtree with stops the start."""
    views = []
    for plugin in app.extensions["devparty_plugins"].plugins.values():
        provide = getattr(plugin.hooks, "admin_views", None)
        for view in provide() if provide else []:
            model = getattr(view, "model", None)
            if model is not None and not can_scope(model):
                raise SystemExit(
                    f"DevParty Admin cannot start: the plugin '{plugin.name}' shows "
                    f"{model.__name__} on a screen, but it has no organization_id, no "
                    f"candidate_id and no register_scope rule, so no user could be limited "
                    f"to their unit (see docs/plugins.md, “A fifth sector”).")
            view.plugin_name = plugin.name
            views.append(view)
    return views


def _under(admin: Admin, category, views) -> None:
    """Add ``views`` to the menu under ``category`` (whatever category they came with)."""
    for view in views:
        view.category = category
        admin.add_view(view)


def init_admin(app) -> Admin:
    """The screens, in the menu's order. The menu is decided here alone: eight entries that fit
    a 1366-pixel screen, each label once (a plugin's screens go under the development path,
    its candidate list under Candidates)."""
    product_catalog_first()
    app.jinja_env.globals["main_menu"] = main_menu
    app.jinja_env.globals["page_assets"] = page_assets
    app.jinja_env.globals["user_menu"] = user_menu
    app.jinja_env.globals["bar_chart"] = bar_chart
    admin = Admin(
        app,
        name=_l("Party member development"),
        index_view=HomeView(name=_l("Home"), url="/admin"),
        theme=Bootstrap4Theme(base_template="devparty/master.html", fluid=True),
        translations_path=str(Path(app.root_path) / "translations"),
        csp_nonce_generator=csp_nonce,
    )
    registry = app.extensions["devparty_plugins"]
    extensions = candidate_extensions(registry)
    candidates, members = people_views(extensions)
    admin.add_view(DueView(name=_l("To do"), endpoint="due"))
    _under(admin, _l("Candidates"), [
        candidates, *sector_candidate_views(extensions, registry),
        ImportView(name=_l("Import from Excel"), endpoint="imports")])
    admin.add_view(members)
    _under(admin, _l("Development path"), [*development_views(), *plugin_views(app)])
    _under(admin, _l("Organizations"), [
        *organization_views(), TransferView(Transfer, name=_l("Transfers"), endpoint="transfer"),
        *plan_views(), *calendar_views()])
    _under(admin, _l("Reports"), [ReportsView(name=_l("Reports"), endpoint="reports"),
                                  AlertsView(name=_l("Alerts"), endpoint="alerts")])
    _under(admin, _l("System"), [*user_views(),
                                 ModulesView(name=_l("Modules"), endpoint="modules")])
    return admin
