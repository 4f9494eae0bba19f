"""Sector plugins shipped with DevParty Admin; each sub-package is one plugin (docs/plugins.md)."""
