"""A plugin's settings: declared with their defaults in its manifest, set by an installation
in the environment as ``DEVPARTY_<PLUGIN>_<SETTING>`` (``DEVPARTY_POLICE_HELPER_MIN_MONTHS=18``),
checked when the application starts: an unknown name or a value of the wrong type stops it with
one line that says which variable and what it accepts."""
from __future__ import annotations

from collections.abc import Mapping

from flask import current_app

from .loader import PluginError


def variable(plugin: str, name: str) -> str:
    return f"DEVPARTY_{plugin.upper()}_{name.upper()}"


def _parse(raw: str, default, name: str):
    kind = type(default)
    if kind is bool:
        if raw.strip().lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
            raise PluginError(f"{name} must be true or false, not {raw!r}.")
        return raw.strip().lower() in ("1", "true", "yes", "on")
    try:
        return kind(raw)
    except ValueError:
        raise PluginError(f"{name} must be a{'n' if kind is int else ''} "
                          f"{kind.__name__}, not {raw!r}.") from None


def read_settings(manifests, environ: Mapping[str, str]) -> dict[str, dict]:
    """{plugin: {setting: value}}: each manifest's defaults with the environment's values."""
    values = {}
    prefixes = {f"DEVPARTY_{m.name.upper()}_": m for m in manifests}
    for key in environ:
        manifest = next((m for prefix, m in prefixes.items() if key.startswith(prefix)), None)
        if manifest is not None and key[len(f"DEVPARTY_{manifest.name.upper()}_"):].lower() \
                not in manifest.settings:
            known = ", ".join(variable(manifest.name, n) for n in manifest.settings) or "none"
            raise PluginError(f"{key} is not a setting of the plugin '{manifest.name}' "
                              f"(its settings: {known}).")
    for manifest in manifests:
        values[manifest.name] = {
            name: _parse(environ[variable(manifest.name, name)], default,
                         variable(manifest.name, name))
            if variable(manifest.name, name) in environ else default
            for name, default in manifest.settings.items()}
        for name, allowed in manifest.setting_choices.items():
            if values[manifest.name][name] not in allowed:
                raise PluginError(f"{variable(manifest.name, name)} must be one of "
                                  f"{', '.join(allowed)}, not {values[manifest.name][name]!r}.")
    return values


def setting(plugin: str, name: str):
    """The value of a plugin's setting in this installation (its default unless set)."""
    return current_app.extensions["devparty_plugin_settings"][plugin][name]
