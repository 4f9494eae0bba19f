"""Scales sectors share (part of the plugin contract): coded values ordered best first, so a
rule says "at least Khá" once. A sector with a scale of its own makes a ``Scale`` too. Labels
are translated by the core's catalog (a context tells the school's "Good" from conduct's)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext as _p

from ..models.choices import Choices


class Scale(Choices):
    """Coded values, best first."""

    def at_least(self, value: str | None, minimum: str) -> bool:
        """Whether ``value`` is ``minimum`` or better (an unrecorded value is not)."""
        codes = self.codes
        return value in codes and codes.index(value) <= codes.index(minimum)


ACADEMIC_RESULTS = Scale(
    ("excellent", _p("academic result", "Excellent")), ("good", _p("academic result", "Good")),
    ("average", _p("academic result", "Average")), ("weak", _p("academic result", "Weak")))
CONDUCT = Scale(("good", _p("conduct", "Good")), ("fair", _p("conduct", "Fair")),
                ("average", _p("conduct", "Average")), ("weak", _p("conduct", "Weak")))
EVALUATIONS = Scale(
    ("excellent", _l("Completed the tasks excellently")), ("good", _l("Completed the tasks well")),
    ("done", _l("Completed the tasks")), ("not_done", _l("Did not complete the tasks")))
