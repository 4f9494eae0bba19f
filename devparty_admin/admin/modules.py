"""The Modules screen: discovered plugins, their versions and dependencies, enabled or not."""
from __future__ import annotations

from flask import flash, redirect, url_for
from flask_admin import expose
from flask_babel import gettext as _

from ..extensions import db
from ..plugins.loader import PluginError, plugins
from ..security.permissions import ALL_UNITS
from .base import ScreenView


def plugin_rows() -> list[dict]:
    """One row per discovered plugin, for the screen and the CLI alike."""
    from ..models import PluginState

    registry = plugins()
    enabled = registry.enabled()
    states = {s.name: s for s in db.session.query(PluginState)} if registry.has_state_table() else {}
    return [{"name": p.name, "label": str(p.manifest.label), "version": p.manifest.version,
             "sector": registry.sector_labels.get(p.manifest.sector, p.manifest.sector or ""),
             "depends": ", ".join(str(registry.plugins[d].manifest.label)
                                  if d in registry.plugins else d for d in p.manifest.depends),
             "enabled": p.name in enabled,
             "installed": states[p.name].installed_version if p.name in states else "—"}
            for p in registry.plugins.values()]


class ModulesView(ScreenView):
    """Administrators only: whoever may see every unit."""

    permission = ALL_UNITS

    @expose("/")
    def index(self):
        return self.render("devparty/modules.html", rows=plugin_rows())

    @expose("/<module>/<any(enable, disable):change>", methods=("POST",))
    def change(self, module: str, change: str):
        try:
            plugins().set_enabled(module, change == "enable")
        except PluginError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Module %(name)s is now %(state)s.", name=module,
                    state=_("enabled") if change == "enable" else _("disabled")), "success")
        return redirect(url_for(".index"))
