"""Column labels shared by the admin screens, so a field reads the same everywhere."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

LABELS = {
    "full_name": _l("Full name"),
    "gender": _l("Gender"),
    "date_of_birth": _l("Date of birth"),
    "national_id": _l("Citizen ID (CCCD)"),
    "organization": _l("Party organization"),
    "organization.name": _l("Party organization"),
    "place_of_birth": _l("Place of birth"),
    "hometown": _l("Hometown"),
    "ethnicity": _l("Ethnicity"),
    "religion": _l("Religion"),
    "phone": _l("Phone"),
    "residence_address": _l("Residence address"),
    "education_level": _l("General education"),
    "qualification": _l("Professional qualification"),
    "theory_level": _l("Political theory"),
    "occupation": _l("Occupation"),
    "position": _l("Position"),
    "workplace": _l("Workplace"),
    "youth_union_member": _l("Youth Union member"),
    "source": _l("Source"),
    "introducing_organization": _l("Introducing mass organization"),
    "stage": _l("Stage"),
    "notes": _l("Notes"),
    "import": _l("Imported from Excel"),
    "merge": _l("Records merged"),
    "created_at": _l("Created"),
    "updated_at": _l("Updated"),
    "status": _l("Status"),
    "admission_date": _l("Admission decision date"),
    "ceremony_date": _l("Ceremony date"),
    "probation_ends": _l("End of probation"),
    "place": _l("Place name on papers"),
    "official_date": _l("Official member since"),
    "party_card_number": _l("Party card number"),
    "candidate": _l("Candidate record"),
    "name": _l("Name"),
    "code": _l("Code"),
    "level": _l("Level"),
    "sector": _l("Sector"),
    "parent": _l("Parent organization"),
    "staff_count": _l("Staff"),
    "active": _l("Active"),
    "member_total": _l("Members"),
    "candidate_total": _l("Candidates"),
    "username": _l("Username"),
    "display_name": _l("Display name"),
    "role": _l("Role"),
    "password": _l("Password"),
    "last_login_at": _l("Last log-in"),
    "member": _l("Party member"),
    "known_since": _l("Working together since"),
    "kind": _l("Kind"),
    "cohort": _l("Cohort"),
    "organizer": _l("Organizer"),
    "start_date": _l("From"),
    "end_date": _l("To"),
    "capacity": _l("Capacity"),
    "training_class": _l("Class"),
    "result": _l("Result"),
    "certificate_number": _l("Certificate number"),
    "certificate_date": _l("Certificate date"),
    "form_code": _l("Document"),
    "item_date": _l("Document date"),
    "note": _l("Note"),
    "file_name": _l("File"),
    "number": _l("Number"),
    "act_date": _l("Date"),
    "votes_for": _l("Votes for"),
    "votes_against": _l("Votes against"),
    "official_members": _l("Official members counted"),
    "signer": _l("Signed by"),
    "age_exception": _l("Above 60: number of the written consent"),
    "age_exception_by": _l("Above 60: consent given by"),
    "age_exception_on": _l("Above 60: date of the consent"),
    "education_exception": _l("Primary education: document allowing the exception"),
    "education_exception_by": _l("Primary education: issued by"),
    "education_exception_on": _l("Primary education: date of the document"),
    "received_on": _l("Date the branch received it"),
    "decides_admission": _l("Decides admission and recognition for the units below"),
    "grassroots": _l("Grassroots party committee (đảng bộ cơ sở)"),
    "delegated_on": _l("Delegated to decide admission from"),
    "established_on": _l("Established on"),
    "ended_on": _l("Ended on"),
    "delegation_act": _l("Delegating document"),
    "day": _l("Day"),
    "working": _l("Working day"),
    "at": _l("Time"),
    "user": _l("User"),
    "action": _l("Action"),
    "screen": _l("Screen"),
    "record_id": _l("Record"),
    "rows": _l("Rows"),
    "detail": _l("Filter and search"),
    "address": _l("Address"),
}


def field_value(field: str, value: str | None) -> str:
    """A value of the candidate history as people read it: a code's label ("Sơ cấp", not
    "elementary"), Có/Không for yes and no, a dash for nothing."""
    from flask_babel import gettext as _

    from ..models.choices import (
        EDUCATION_LEVELS,
        GENDERS,
        OCCUPATIONS,
        QUALIFICATIONS,
        SOURCES,
        THEORY_LEVELS,
    )

    coded = {"gender": GENDERS, "source": SOURCES, "education_level": EDUCATION_LEVELS,
             "qualification": QUALIFICATIONS, "theory_level": THEORY_LEVELS,
             "occupation": OCCUPATIONS}
    if value is None or value == "":
        return "—"
    if field in coded:
        return coded[field].label(value)
    if value in ("True", "False"):
        return _("Yes") if value == "True" else _("No")
    return value
