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
