"""Coded values stored in the database, each with its Vietnamese label (through gettext).

Codes are English and stable; labels are what users see. Plugins may add stages, so these are
plain strings in the database rather than database enums.
"""
from __future__ import annotations

from collections.abc import Iterator

from flask_babel import lazy_gettext as _l


class Choices:
    """An ordered set of (code, label) pairs usable as WTForms choices and list formatters."""

    def __init__(self, *pairs: tuple[str, object]) -> None:
        self._pairs = list(pairs)
        self._labels = dict(pairs)

    def __iter__(self) -> Iterator[tuple[str, object]]:
        return iter(self._pairs)

    def __contains__(self, code: object) -> bool:
        return code in self._labels

    @property
    def codes(self) -> list[str]:
        return [code for code, _ in self._pairs]

    def label(self, code: str | None) -> str:
        """Label for a code; an unknown code is shown as is rather than failing."""
        if code is None:
            return ""
        return str(self._labels.get(code, code))


GENDERS = Choices(("male", _l("Male")), ("female", _l("Female")))

STAGES = Choices(
    ("source", _l("Outstanding person (source)")),
    ("sympathizer", _l("Sympathizer")),
    ("trained", _l("Awareness class passed")),
    ("dossier", _l("Preparing dossier")),
    ("proposed", _l("Proposed for admission")),
    ("admitted", _l("Admission decided")),
    ("probationary", _l("Probationary member")),
    ("recognition_proposed", _l("Recognition proposed by the branch")),
    ("official", _l("Official member")),
    ("dropped", _l("Removed from the list")),
    ("rejected", _l("Admission refused")),
    ("struck_off", _l("Struck off")),
    ("merged", _l("Merged into another record")),  # a duplicate record of one person
)

SOURCES = Choices(
    ("youth_union", _l("Youth Union")),
    ("trade_union", _l("Trade Union")),
    ("women_union", _l("Women's Union")),
    ("fatherland_front", _l("Fatherland Front")),
    ("high_school", _l("High-school student")),
    ("university", _l("University student")),
    ("discharged_soldier", _l("Discharged soldier")),
    ("enterprise_worker", _l("Enterprise worker")),
    ("other", _l("Other")),
)

EDUCATION_LEVELS = Choices(
    ("primary", _l("Primary school")),
    ("lower_secondary", _l("Lower secondary (grade 9)")),
    ("upper_secondary", _l("Upper secondary (grade 12)")),
)

QUALIFICATIONS = Choices(
    ("none", _l("None")),
    ("vocational", _l("Vocational / intermediate")),
    ("college", _l("College")),
    ("bachelor", _l("University")),
    ("master", _l("Master")),
    ("doctor", _l("Doctorate")),
)

THEORY_LEVELS = Choices(
    ("none", _l("None")),
    ("elementary", _l("Elementary (sơ cấp)")),
    ("intermediate", _l("Intermediate (trung cấp)")),
    ("advanced", _l("Advanced (cao cấp)")),
    ("bachelor", _l("Bachelor of political science")),
)

OCCUPATIONS = Choices(
    ("civil_servant", _l("Civil servant")),
    ("public_employee", _l("Public-service employee")),
    ("worker", _l("Worker")),
    ("enterprise", _l("Private or foreign enterprise")),
    ("farmer", _l("Farmer")),
    ("armed_forces", _l("Armed forces")),
    ("student", _l("Student")),
    ("other", _l("Other")),
)

MEMBER_STATUSES = Choices(
    ("official", _l("Official")),
    ("probationary", _l("Probationary")),
    ("exempted", _l("Exempted from activities")),
    ("transferred_out", _l("Transferred out")),
    ("struck_off", _l("Struck off")),
    ("merged", _l("Merged into another record")),  # a duplicate record of one person
)

ACT_KINDS = Choices(
    ("branch_resolution", _l("Branch resolution")),
    ("committee_resolution", _l("Committee resolution")),
    ("admission_decision", _l("Admission decision")),
    ("recognition_decision", _l("Recognition decision")),
    ("committee_decision", _l("Committee decision")),
    ("ceremony_approval", _l("Approval of a late admission ceremony")),
    ("correction", _l("Correction of a recorded step")),
)

SPONSOR_ROLES = Choices(("helper", _l("Helper")), ("introducer", _l("Introducer")))

CLASS_KINDS = Choices(("awareness", _l("Party awareness class")),
                      ("new_member", _l("New-member class")))

ENROLLMENT_RESULTS = Choices(("enrolled", _l("Enrolled")), ("passed", _l("Passed")),
                             ("failed", _l("Not passed")))

DOSSIER_STATUSES = Choices(("pending", _l("Missing")), ("done", _l("Complete")))

ROLES = Choices(
    ("admin", _l("System administrator")),
    ("committee", _l("Organizing committee")),
    ("branch", _l("Branch secretary")),
    ("viewer", _l("Viewer")),
)

ACCESS_ACTIONS = Choices(("export", _l("Export")), ("open", _l("Opened a record")),
                         ("paper", _l("Printed a paper")))
IMPORT_STATUSES = Choices(("pending", _l("Being checked")), ("checked", _l("Checked")),
                          ("committing", _l("Being imported")), ("committed", _l("Imported")))
