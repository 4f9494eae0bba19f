"""Finding, ordering and enabling plugins.

Discovery imports every package under the configured plugin packages (``plugins/`` by default)
and every module named in the ``devparty_admin.plugins`` entry-point group. Every discovered
plugin is registered at start-up; which are *enabled* is read at run time from the
``plugin_state`` table (set from the Modules screen or the CLI), falling back to
``DEVPARTY_PLUGINS``, so all workers agree without a restart. Hooks are called for enabled
plugins only.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
from dataclasses import dataclass
from functools import cache
from graphlib import CycleError, TopologicalSorter
from importlib.metadata import entry_points
from types import ModuleType

import pluggy
from flask import current_app, g, has_request_context
from sqlalchemy import case, func, inspect, select
from sqlalchemy.orm import with_expression

from ..extensions import db
from . import spec
from .manifest import Manifest

ENTRY_POINT_GROUP = "devparty_admin.plugins"


class PluginError(Exception):
    """A plugin cannot be loaded; the message is one line that names it."""


@dataclass
class Plugin:
    manifest: Manifest
    module: ModuleType
    hooks: ModuleType | None

    @property
    def name(self) -> str:
        return self.manifest.name


def _import(module_name: str) -> ModuleType:
    try:
        return importlib.import_module(module_name)
    except Exception as error:  # noqa: BLE001 - any import failure is reported the same way
        raise PluginError(f"Plugin '{module_name}' failed to import: "
                          f"{type(error).__name__}: {error}") from None


def _plugin_from(module_name: str) -> Plugin:
    module = _import(module_name)
    manifest = getattr(module, "manifest", None)
    if not isinstance(manifest, Manifest):
        raise PluginError(f"Plugin '{module_name}' has no manifest (a Manifest named 'manifest').")
    has_hooks = importlib.util.find_spec(f"{module_name}.hooks") is not None
    return Plugin(manifest, module, _import(f"{module_name}.hooks") if has_hooks else None)


def discover(packages: list[str]) -> list[Plugin]:
    """Every plugin found in ``packages`` and in the entry-point group; duplicate names are an error."""
    module_names = []
    for package_name in packages:
        if importlib.util.find_spec(package_name) is None:
            continue
        package = _import(package_name)
        module_names += [f"{package_name}.{info.name}"
                         for info in pkgutil.iter_modules(package.__path__) if info.ispkg]
    module_names += [entry.value for entry in entry_points(group=ENTRY_POINT_GROUP)]
    found: dict[str, Plugin] = {}
    for module_name in module_names:
        plugin = _plugin_from(module_name)
        if plugin.name in found:
            raise PluginError(f"Two plugins are named '{plugin.name}': "
                              f"{found[plugin.name].module.__name__} and {module_name}.")
        found[plugin.name] = plugin
    return [found[name] for name in dependency_order(found)]


def dependency_order(plugins: dict[str, Plugin]) -> list[str]:
    """Names with every plugin after the ones it depends on."""
    for plugin in plugins.values():
        for dependency in plugin.manifest.depends:
            if dependency not in plugins:
                raise PluginError(f"Plugin '{plugin.name}' depends on '{dependency}', "
                                  "which is not installed.")
    graph = {name: set(plugin.manifest.depends) for name, plugin in plugins.items()}
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise PluginError("Plugins depend on each other in a cycle: "
                          + " → ".join(error.args[1])) from None


class PluginRegistry:
    """The plugins of one application and their pluggy manager."""

    def __init__(self, plugins: list[Plugin], default_enabled: list[str]) -> None:
        self.plugins = {plugin.name: plugin for plugin in plugins}
        self.default_enabled = set(default_enabled)
        unknown = self.default_enabled - set(self.plugins)
        if unknown:
            raise PluginError(f"DEVPARTY_PLUGINS names a plugin that is not installed: "
                              f"{', '.join(sorted(unknown))}.")
        self.manager = pluggy.PluginManager(spec.PROJECT)
        self.manager.add_hookspecs(spec)
        for plugin in plugins:
            if plugin.hooks is not None:
                self.manager.register(plugin.hooks, name=plugin.name)
        self._table_ready = False
        self._grants: dict[tuple[frozenset, str], set] = {}
        # {sector code: label}: a unit of a disabled plugin's sector still reads as a name.
        self.sector_labels = {p.manifest.sector: p.manifest.label for p in plugins
                              if p.manifest.sector}

    # --- enabled state ------------------------------------------------------------------------
    def has_state_table(self) -> bool:
        """False before the first migration; checked until it is true, then remembered."""
        if not self._table_ready:
            self._table_ready = inspect(db.engine).has_table("plugin_state")
        return self._table_ready

    def _stored(self) -> dict[str, bool]:
        """{name: enabled} as stored: read with the signed-in user when a request has one
        (``with_module_states``), else by a statement of its own."""
        if has_request_context() and "devparty_module_states" in g:
            return g.devparty_module_states
        if not self.has_state_table():
            return {}
        from ..models import PluginState

        return {row.name: row.enabled for row in db.session.scalars(select(PluginState))}

    def enabled(self) -> set[str]:
        """Names of the enabled plugins (a plugin whose dependency is off is off too)."""
        if has_request_context() and "devparty_enabled_plugins" in g:
            return g.devparty_enabled_plugins
        stored = self._stored()
        wanted = {name for name in self.plugins
                  if stored.get(name, name in self.default_enabled)}
        names = set()
        for name in self.plugins:  # dependency order: dependencies are decided first
            if name in wanted and all(d in names for d in self.plugins[name].manifest.depends):
                names.add(name)
        if has_request_context():
            g.devparty_enabled_plugins = names
        return names

    def record_defaults(self) -> list[str]:
        """Store the state of every plugin the database has not seen yet, as
        ``DEVPARTY_PLUGINS`` says (``flask devparty init``). From then on the stored state is
        the one source of truth: the Modules screen and ``plugins enable|disable`` change it,
        the variable no longer does. Returns the names recorded; the caller commits."""
        from ..models import PluginState

        stored, enabled = self._stored(), self.enabled()
        for name in self.plugins:
            if name not in stored:
                db.session.add(PluginState(name=name, enabled=name in enabled,
                                           installed_version=self.plugins[name].manifest.version))
        return [name for name in self.plugins if name not in stored]

    def set_enabled(self, name: str, enabled: bool) -> None:
        """Enable or disable ``name``; refuses to break a dependency. The caller commits."""
        from ..models import PluginState

        plugin = self.plugins.get(name)
        if plugin is None:
            raise PluginError(f"No plugin named '{name}'.")
        current = self.enabled()
        if enabled:
            missing = [d for d in plugin.manifest.depends if d not in current]
            if missing:
                raise PluginError(f"Enable {', '.join(missing)} before '{name}'.")
            from .migrations import schema_installed

            if not schema_installed(name):
                raise PluginError(f"The tables of '{name}' are not in the database: run "
                                  f"`flask db upgrade heads` (or `flask devparty init`) first.")
        else:
            users = [other.name for other in self.plugins.values()
                     if name in other.manifest.depends and other.name in current]
            if users:
                raise PluginError(f"Disable {', '.join(users)} before '{name}': they depend on it.")
        state = db.session.get(PluginState, name) or PluginState(name=name)
        state.enabled, state.installed_version = enabled, plugin.manifest.version
        db.session.add(state)
        if has_request_context():  # what this request kept of the switches and grants
            for kept in ("devparty_module_states", "devparty_enabled_plugins", "role_grants"):
                g.pop(kept, None)

    # --- roles and permissions -----------------------------------------------------------------
    def role_grants(self, role: str) -> set[tuple[str, str]]:
        """What the enabled plugins grant ``role``: their own roles, and their permissions
        given to core roles. Manifests do not change once loaded, so the answer is kept per set
        of enabled plugins (a page asks it for every menu entry and button)."""
        key = (frozenset(self.enabled()), role)
        if key not in self._grants:
            self._grants[key] = self._plugin_grants(*key)
        return self._grants[key]

    def _plugin_grants(self, enabled: frozenset, role: str) -> set[tuple[str, str]]:
        grants: set[tuple[str, str]] = set()
        for name in enabled:
            manifest = self.plugins[name].manifest
            grants |= {p for p, holders in manifest.permissions.items() if role in holders}
            grants |= {g for r in manifest.roles if r.name == role for g in r.grants}
        return grants

    def roles(self) -> list[tuple[str, str]]:
        """(name, label) of the roles the enabled plugins add."""
        return [(r.name, r.label) for name in sorted(self.enabled())
                for r in self.plugins[name].manifest.roles]

    # --- hooks --------------------------------------------------------------------------------
    def hook(self, hook_name: str, only: set[str] | None = None):
        """A caller of ``hook_name`` limited to the enabled plugins (and to ``only``, if given)."""
        keep = self.enabled() if only is None else self.enabled() & only
        removed = [self.manager.get_plugin(name) for name in self.plugins if name not in keep]
        return self.manager.subset_hook_caller(hook_name, remove_plugins=[p for p in removed if p])

    def for_sector(self, sector: str | None) -> set[str]:
        """Plugins whose rules apply to an organization of ``sector``."""
        return {name for name, plugin in self.plugins.items()
                if plugin.manifest.sector in (None, sector)}


@cache
def _module_states():
    """The option of ``with_module_states``, built once per process."""
    from ..models import PluginState, User

    switch = PluginState.name + case((PluginState.enabled, "=1"), else_="=0")
    states = select(func.coalesce(func.aggregate_strings(switch, ","), "")).scalar_subquery()
    return with_expression(User.module_states, states)


def with_module_states() -> list:
    """Loader options for the signed-in user: the installation's module switches come in the
    user's own statement, so that a page does not read them again (``note_module_states``).
    No option before the switches' table exists. Built once: an option costs more to build
    than its part of the statement to run."""
    return [_module_states()] if plugins().has_state_table() else []


def note_module_states(user) -> None:
    """Keep for this request the switches read with ``user`` (``with_module_states``)."""
    if user.module_states is not None:
        g.devparty_module_states = {
            name: value == "1" for name, _sep, value in
            (switch.partition("=") for switch in user.module_states.split(",") if switch)}


def init_plugins(app) -> PluginRegistry:
    from .settings import read_settings

    registry = PluginRegistry(discover(app.config["DEVPARTY_PLUGIN_PACKAGES"]),
                              app.config["DEVPARTY_PLUGINS"])
    app.extensions["devparty_plugins"] = registry
    app.extensions["devparty_plugin_settings"] = read_settings(
        [plugin.manifest for plugin in registry.plugins.values()],
        app.config.get("DEVPARTY_ENVIRON", os.environ))
    add_translations(app, registry)
    return registry


def add_translations(app, registry: PluginRegistry) -> None:
    """A plugin's own catalogs (``<package>/translations/<language>/LC_MESSAGES/messages.mo``)
    join the application's: its labels, written in Vietnamese and marked with ``lazy_gettext``,
    read in English from its ``en`` catalog. They go before the core's folder: Flask-Babel
    keeps the plural rule of the last catalog it merges, which must be the core's (Vietnamese
    has one plural form; a plugin without a Vietnamese catalog would impose English's two)."""
    directories = app.extensions["babel"].translation_directories
    for plugin in registry.plugins.values():
        folder = os.path.join(os.path.dirname(plugin.module.__file__), "translations")
        if os.path.isdir(folder) and folder not in directories:
            directories.insert(0, folder)


def plugins() -> PluginRegistry:
    return current_app.extensions["devparty_plugins"]
