"""What a plugin adds to candidates: a one-to-one table and the fields of it users edit."""
from __future__ import annotations

from dataclasses import dataclass, field

SEPARATOR = "__"  # form fields are "<plugin>__<column>": several plugins never collide


@dataclass
class CandidateExtension:
    """Returned by a plugin's ``candidate_extension`` hook.

    ``model`` is the plugin's table (``candidate_id`` primary and foreign key, backref
    ``<plugin>_profile`` on Candidate); ``fields`` its editable columns in form order;
    ``labels`` their Vietnamese labels; ``choices`` coded columns as models.choices.Choices.
    """

    model: type
    fields: list[str]
    labels: dict[str, str] = field(default_factory=dict)
    choices: dict = field(default_factory=dict)
    plugin: str = ""  # filled in by the core
    sector: str | None = None  # filled in by the core
    label: str = ""  # the plugin's label, filled in by the core (the form section's header)

    @property
    def backref(self) -> str:
        return f"{self.plugin}_profile"

    def form_name(self, column: str) -> str:
        return f"{self.plugin}{SEPARATOR}{column}"


def candidate_extensions(registry) -> list[CandidateExtension]:
    """Every installed plugin's extension, tagged with its plugin and sector."""
    found = []
    for plugin in registry.plugins.values():
        provide = getattr(plugin.hooks, "candidate_extension", None)
        if provide is None:
            continue
        extension = provide()
        extension.plugin, extension.sector = plugin.name, plugin.manifest.sector
        extension.label = plugin.manifest.label
        found.append(extension)
    return found
