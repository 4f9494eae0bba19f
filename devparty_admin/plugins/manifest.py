"""What a plugin says about itself (Odoo's ``__manifest__``, as a dataclass)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """A role a plugin adds (e.g. police political-affairs staff), with what it may do."""

    name: str
    label: str
    grants: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Manifest:
    name: str  # unique, also the prefix of the plugin's tables: "<name>_…"
    label: str  # shown to users: "Công an"
    version: str
    sector: str | None = None  # candidates of organizations in this sector get its fields and rules
    depends: tuple[str, ...] = ()  # plugins loaded before this one
    # (action, resource) pairs the plugin adds, and the core roles that hold them
    permissions: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    # Settings with their defaults, e.g. {"helper_min_months": 12}; an installation sets one
    # with DEVPARTY_<NAME>_<SETTING> (see plugins/settings.py).
    settings: dict[str, int | str | bool] = field(default_factory=dict)
    # The values a text setting accepts, e.g. {"min_conduct": CONDUCT.codes}: checked at start-up.
    setting_choices: dict[str, list[str]] = field(default_factory=dict)


CORE_ROLES = ("admin", "committee", "branch", "viewer")


def record_permissions(resource: str, editors: tuple[str, ...] = ("admin",),
                       readers: tuple[str, ...] = CORE_ROLES,
                       exporters: tuple[str, ...] = ("admin", "committee")) -> dict:
    """``Manifest.permissions`` for a plugin's kind of record: who reads, who creates and edits
    (and deletes), who exports it; a plugin role is granted its own in ``Role.grants``."""
    return {("read", resource): readers, ("create", resource): editors,
            ("edit", resource): editors, ("delete", resource): editors,
            ("export", resource): exporters}
