"""What a plugin says about itself (Odoo's ``__manifest__``, as a dataclass)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Manifest:
    name: str  # unique, also the prefix of the plugin's tables: "<name>_…"
    label: str  # shown to users: "Công an"
    version: str
    sector: str | None = None  # candidates of organizations in this sector get its fields and rules
    depends: tuple[str, ...] = ()  # plugins loaded before this one
    permissions: tuple[tuple[str, str], ...] = ()  # (action, resource) pairs the plugin adds
    roles: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # role -> grants
