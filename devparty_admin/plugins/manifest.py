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
