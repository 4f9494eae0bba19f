"""One Alembic environment for the core and every installed plugin.

Each plugin keeps its revisions in ``<plugin>/migrations/versions`` on a branch labelled with its
name whose first revision ``depends_on`` the core revision that creates ``candidate``; the core
branch is labelled ``core``. ``flask db upgrade heads`` brings every branch up to date and
``flask db downgrade <plugin>@base`` removes one plugin's tables, explicitly.
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import current_app

CORE_CANDIDATE_REVISION = "ce7307f00c56"  # migrations/versions/…_core_tables.py


def migration_dirs() -> list[Path]:
    """The versions folders of the installed plugins that have one."""
    registry = current_app.extensions["devparty_plugins"]
    folders = [Path(plugin.module.__file__).parent / "migrations" / "versions"
               for plugin in registry.plugins.values()]
    return [folder for folder in folders if folder.is_dir()]


def add_plugin_versions(config):
    """Flask-Migrate configure callback: point Alembic at the core's and the plugins' revisions."""
    core = Path(config.get_main_option("script_location")) / "versions"
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations",
                           os.pathsep.join(str(p) for p in [core, *migration_dirs()]))
    return config


def register(migrate) -> None:
    if add_plugin_versions not in migrate.configure_callbacks:
        migrate.configure(add_plugin_versions)


def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())


def plugin_revisions() -> dict[str, list[str]]:
    """{plugin: its revision ids}, read from each installed plugin's versions folder."""
    registry = current_app.extensions["devparty_plugins"]
    folders = {name: str(Path(plugin.module.__file__).parent / "migrations" / "versions")
               for name, plugin in registry.plugins.items()}
    found: dict[str, list[str]] = {name: [] for name in folders}
    for revision in _script().walk_revisions():
        for name, folder in folders.items():
            if revision.path.startswith(folder):
                found[name].append(revision.revision)
    return found


def schema_installed(name: str) -> bool:
    """Whether the database is at one of the plugin's revisions (a plugin without revisions
    has no tables and is always installed)."""
    from sqlalchemy import inspect, text

    from ..extensions import db

    revisions = plugin_revisions().get(name) or []
    if not revisions:
        return True
    if not inspect(db.session.connection()).has_table("alembic_version"):
        return False
    applied = set(db.session.scalars(text("SELECT version_num FROM alembic_version")))
    return bool(applied & set(revisions))


def record_revisions() -> None:
    """Keep each installed plugin's revision ids in ``plugin_state`` (``init``); the caller
    commits."""
    from ..extensions import db
    from ..models import PluginState

    for name, revisions in plugin_revisions().items():
        state = db.session.get(PluginState, name)
        if state is not None:
            state.revisions = " ".join(revisions)


def unknown_revision_message(connection, script) -> str | None:
    """One line when the database holds a revision no installed code knows: the plugin it
    belonged to (if recorded) and the two ways out. None when every revision is known."""
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    for (revision,) in connection.execute(text("SELECT version_num FROM alembic_version")):
        try:
            script.get_revision(revision)
            continue
        except Exception:  # alembic's "Can't locate revision"
            pass
        owner = None
        if inspect(connection).has_table("plugin_state"):
            owner = connection.execute(
                text("SELECT name FROM plugin_state WHERE ' ' || revisions || ' ' LIKE :r"),
                {"r": f"% {revision} %"}).scalar()
        who = f"of the plugin '{owner}', which is not installed" if owner else \
            "that no installed code knows (a plugin that was uninstalled?)"
        name = owner or "NAME"
        return (f"The database holds the schema revision {revision} {who}. Either reinstall "
                f"the plugin's package and run `flask devparty plugins remove {name}` to drop "
                f"its tables, or run `flask devparty plugins forget {name}` to keep its tables "
                f"unused and forget its schema.")
    return None
