"""The dossier checklist (docs/rules.md), by KNĐ form code."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..models.choices import Choices

ITEMS = Choices(
    ("CN-NTVD", _l("Awareness-class certificate (CN-NTVĐ)")),
    ("1-KND", _l("Application for admission (1-KNĐ)")),
    ("2-KND", _l("Biography (2-KNĐ)")),
    ("TTLL", _l("Background verification result")),
    ("3-KND", _l("Introductions by party members (3-KNĐ)")),
    ("4-KND", _l("Youth Union introduction resolution (4-KNĐ)")),
    ("4A-KND", _l("Trade Union introduction resolution (4A-KNĐ)")),
    ("5-KND", _l("Comments of mass organizations and residence branch (5-KNĐ)")),
    ("6-KND", _l("Branch resolution on admission (6-KNĐ)")),
    ("8-KND", _l("Grassroots committee resolution (8-KNĐ)")),
    ("9-KND", _l("Admission decision (9-KNĐ)")),
    ("10-KND", _l("Self-review of the probationary member (10-KNĐ)")),
    ("11-KND", _l("Helper's assessment (11-KNĐ)")),
    ("12-KND", _l("Compiled comments (12-KNĐ)")),
    ("13-KND", _l("Branch resolution on recognition (13-KNĐ)")),
    ("CN-DVM", _l("New-member class certificate")),
)

# Documents that must be complete before the branch votes to propose admission. The
# introductions depend on the person (3-KNĐ, or 4-KNĐ for Youth Union members) and are checked
# by the introducer guard; 6/8/9-KNĐ are the acts that follow.
BEFORE_PROPOSAL = ("CN-NTVD", "1-KND", "2-KND", "TTLL", "5-KND")
BACKGROUND_CHECK = "TTLL"
AWARENESS_CERTIFICATE = "CN-NTVD"
NEW_MEMBER_CERTIFICATE = "CN-DVM"
# The case file's checklist: the admission dossier, then the recognition file.
ADMISSION_FILE = ("CN-NTVD", "1-KND", "2-KND", "TTLL", "3-KND", "4-KND", "4A-KND", "5-KND",
                  "6-KND", "8-KND", "9-KND")
RECOGNITION_FILE = ("10-KND", "11-KND", "12-KND", "CN-DVM", "13-KND")
# Certificates come from the class results, not from a dossier entry.
FROM_CLASSES = {AWARENESS_CERTIFICATE: "awareness", NEW_MEMBER_CERTIFICATE: "new_member"}
# The recognition file (Hướng dẫn 12-HD/BTCTW): the member's self-review, the helper's
# assessment and the compiled comments, before the branch votes its 13-KNĐ resolution.
BEFORE_RECOGNITION = ("10-KND", "11-KND", "12-KND")
YOUTH_UNION_INTRODUCTION = "4-KND"
