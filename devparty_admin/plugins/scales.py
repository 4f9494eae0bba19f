"""Scales sectors share (part of the plugin contract): coded values ordered best first, so a
rule says "at least Khá" once. A sector with a scale of its own makes a ``Scale`` too."""
from __future__ import annotations

from ..models.choices import Choices


class Scale(Choices):
    """Coded values, best first."""

    def at_least(self, value: str | None, minimum: str) -> bool:
        """Whether ``value`` is ``minimum`` or better (an unrecorded value is not)."""
        codes = self.codes
        return value in codes and codes.index(value) <= codes.index(minimum)


ACADEMIC_RESULTS = Scale(("excellent", "Giỏi"), ("good", "Khá"), ("average", "Trung bình"),
                         ("weak", "Yếu"))
CONDUCT = Scale(("good", "Tốt"), ("fair", "Khá"), ("average", "Trung bình"), ("weak", "Yếu"))
EVALUATIONS = Scale(
    ("excellent", "Hoàn thành xuất sắc nhiệm vụ"), ("good", "Hoàn thành tốt nhiệm vụ"),
    ("done", "Hoàn thành nhiệm vụ"), ("not_done", "Không hoàn thành nhiệm vụ"))
