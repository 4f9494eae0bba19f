"""Screens for people: candidates on the development path and party members."""
from __future__ import annotations

from flask_admin.contrib.sqla.filters import FilterEqual
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, literal, select
from sqlalchemy.orm import with_expression
from wtforms import ValidationError

from ..extensions import db
from ..i18n import format_date
from ..models import Candidate, Member, Organization, Sponsor
from ..models.choices import (
    EDUCATION_LEVELS,
    GENDERS,
    MEMBER_STATUSES,
    OCCUPATIONS,
    QUALIFICATIONS,
    SOURCES,
    STAGES,
    THEORY_LEVELS,
)
from ..removal import delete_candidate
from ..workflow.calendar import add_months
from ..workflow.history import has_history, history_recorded
from ..workflow.rules import current_rules
from .base import FoldedSearch, ScopedModelView
from .casefile import CaseFileViews
from .extensions import ExtensionFields
from .filters import (
    BirthYearFilter,
    EnteredStageFilter,
    GroupFilter,
    OrganizationNameFilter,
    ProbationOverFilter,
    SubtreeFilter,
    keyed,
)
from .forms import (
    BirthDate,
    NotBlank,
    PresentField,
    Section,
    national_id_validators,
    phone_number,
)
from .labels import LABELS
from .locking import VersionChecked
from .reorganization import CandidateTransferViews
from .transitions import TransitionViews

ORGANIZATION_REQUIRED = _l("Choose a party organization within your unit.")
ORGANIZATION_PICKER = {
    "fields": ["name"],
    "order_by": Organization.path,
    "page_size": 20,
    "filters": ["ended_on IS NULL"],  # a unit merged away holds no one
    "placeholder": _l("Type the code or part of the organization's name"),
}


class PersonView(FoldedSearch, ScopedModelView):
    """What candidate and member screens share: search, sorting, validation, organization picker."""

    column_labels = LABELS
    logs_access = True
    column_default_sort = "sort_key"
    column_searchable_list = ["full_name"]
    form_ajax_refs = {"organization": ORGANIZATION_PICKER}

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [model.organization, *self.extra_related(model)]
        # A one-item tuple keeps the header "full_name" sortable; Flask-Admin renames a plain
        # ("full_name", "sort_key") pair to "sort_key", which no list column matches.
        self.column_sortable_list = [("full_name", ("sort_key",)), "date_of_birth",
                                     *self.extra_sortable]
        self.form_args = {
            "full_name": {"validators": [NotBlank(_l("Please enter the full name."))]},
            "national_id": {"validators": national_id_validators(model)},
            "date_of_birth": {"validators": [BirthDate()]},
            "organization": {"validators": [NotBlank(ORGANIZATION_REQUIRED)]},
        }
        if hasattr(model, "phone"):
            self.form_args["phone"] = {"validators": [phone_number]}
        self.column_filters = [
            keyed(FilterEqual(model.gender, _l("Gender"), options=list(GENDERS)), "gender"),
            BirthYearFilter(model.date_of_birth, _l("Year of birth")),
            OrganizationNameFilter(model.organization_id, _l("Party organization")),
            keyed(SubtreeFilter(model.organization_id, _l("Party organization")), "unit"),
            *self.extra_filters(model),
        ]
        super().__init__(model, **kwargs)

    extra_sortable: tuple = ()

    def extra_filters(self, model) -> list:
        return []

    def extra_related(self, model) -> list:
        """Relationships shown in the list, loaded with the page rather than row by row."""
        return []

class CandidateView(ExtensionFields, VersionChecked, CaseFileViews, CandidateTransferViews,
                    TransitionViews, PersonView):
    resource = "candidate"
    details_template = "devparty/candidate_details.html"
    choice_columns = {
        "gender": GENDERS, "stage": STAGES, "source": SOURCES, "education_level": EDUCATION_LEVELS,
        "qualification": QUALIFICATIONS, "theory_level": THEORY_LEVELS, "occupation": OCCUPATIONS,
    }
    column_list = ["full_name", "gender", "date_of_birth", "organization", "source", "stage"]
    column_details_list = [
        "full_name", "gender", "date_of_birth", "national_id", "organization", "stage",
        "place_of_birth", "hometown", "ethnicity", "religion", "phone", "residence_address",
        "education_level", "qualification", "theory_level", "occupation", "position", "workplace",
        "youth_union_member", "source", "introducing_organization", "age_exception",
        "age_exception_by", "age_exception_on", "education_exception", "education_exception_by",
        "education_exception_on", "notes", "created_at", "updated_at",
    ]
    column_export_list = column_details_list
    # The stage is moved by the workflow service only; it is not a form field.
    form_columns = [
        "full_name", "gender", "date_of_birth", "national_id", "organization", "place_of_birth",
        "hometown", "ethnicity", "religion", "phone", "residence_address", "education_level",
        "qualification", "theory_level", "occupation", "position", "workplace",
        "youth_union_member", "source", "introducing_organization", "age_exception",
        "age_exception_by", "age_exception_on", "education_exception", "education_exception_by",
        "education_exception_on", "notes",
    ]
    extra_sortable = ("stage", "source")
    # The form in groups a clerk recognizes, then one group per sector plugin.
    FORM_SECTIONS = (
        (_l("Identity"), ["full_name", "gender", "date_of_birth", "national_id", "organization",
                          "phone", "residence_address"]),
        (_l("Background"), ["place_of_birth", "hometown", "ethnicity", "religion",
                            "education_level", "qualification", "theory_level", "occupation",
                            "position", "workplace", "youth_union_member"]),
        (_l("Party path"), ["source", "introducing_organization", "age_exception",
                            "age_exception_by", "age_exception_on", "education_exception",
                            "education_exception_by", "education_exception_on", "notes"]),
    )

    def __init__(self, model, extensions=(), **kwargs) -> None:
        self.form_rules = [
            *(Section(header, names) for header, names in self.FORM_SECTIONS),
            *(Section(extension.label, [extension.form_name(c) for c in extension.fields],
                      sector=extension.sector or extension.plugin)
              for extension in extensions),
            PresentField("opened_version"),
        ]
        super().__init__(model, extensions=extensions, **kwargs)

    def list_options(self) -> list:
        """A row offers to delete only a candidate without history: asked in the rows' query."""
        return [with_expression(Candidate.history_recorded, history_recorded(Candidate.id))]

    def deletable(self, candidate) -> bool:
        return candidate.history_recorded is not None and not candidate.history_recorded

    def on_model_delete(self, candidate):
        """History is append-only: a candidate who has moved along the path is never deleted."""
        if has_history(candidate):
            raise ValidationError(_("%(name)s has a recorded history and cannot be deleted; use "
                                    "“Remove from the list” instead.", name=candidate.full_name))

    def delete_model(self, candidate) -> bool:
        """Flask-Admin's delete, with the rows that hang on the person deleted table by table
        (``removal.delete_candidate``): never through a plugin's model, enabled or not."""
        try:
            self.on_model_delete(candidate)
            delete_candidate(candidate)
            db.session.commit()
        except Exception as error:  # the same handling as Flask-Admin's own delete
            db.session.rollback()
            if not self.handle_view_exception(error):
                raise
            return False
        self.after_model_delete(candidate)
        return True

    def extra_filters(self, model) -> list:
        return [
            keyed(FilterEqual(model.stage, _l("Stage"), options=list(STAGES)), "stage"),
            keyed(FilterEqual(model.source, _l("Source"), options=list(SOURCES)), "source"),
            keyed(FilterEqual(model.occupation, _l("Occupation"), options=list(OCCUPATIONS)),
                  "occupation"),
            keyed(EnteredStageFilter(model.id, _l("Stage")), "entered"),
            keyed(GroupFilter(model.id, _l("Group")), "group"),
        ]


def _probation_ends(view, context, member, name):
    """A probationary member's end of probation: the ceremony plus the rules' months."""
    if member.status != "probationary" or member.ceremony_date is None:
        return None
    return add_months(member.ceremony_date, current_rules().probation_months)


def _shown_date(formatter):
    return lambda view, context, member, name: format_date(formatter(view, context, member, name))


def sponsors_someone(member_id):
    """SQL: the member ``member_id`` (a column or a value) helps or introduces a candidate."""
    return exists().where(Sponsor.member_id == member_id)


class MemberView(PersonView):
    resource = "member"
    choice_columns = {"gender": GENDERS, "status": MEMBER_STATUSES}
    column_list = ["full_name", "gender", "date_of_birth", "organization", "status",
                   "admission_date", "probation_ends", "official_date"]
    column_formatters = {"probation_ends": _shown_date(_probation_ends)}
    column_formatters_export = {"probation_ends": _probation_ends}
    column_details_list = [
        "full_name", "gender", "date_of_birth", "national_id", "organization", "status",
        "admission_date", "ceremony_date", "official_date", "party_card_number", "candidate",
        "created_at", "updated_at",
    ]
    column_export_list = [*column_details_list[:6], "admission_date", "ceremony_date",
                          "probation_ends", "official_date", "party_card_number"]
    form_columns = [
        "full_name", "gender", "date_of_birth", "national_id", "organization", "status",
        "admission_date", "ceremony_date", "official_date", "party_card_number",
    ]
    # Members admitted before the system are entered with their status and dates once; after
    # that (and for everyone the path admitted) these change only through a step.
    SERVICE_OWNED = ("status", "admission_date", "ceremony_date", "official_date")
    extra_sortable = ("status",)

    def edit_form(self, obj=None):
        form = super().edit_form(obj)
        for name in self.SERVICE_OWNED:
            del form[name]
        return form

    def list_options(self) -> list:
        """A row offers to delete only a member who helps or introduces nobody: asked in the
        rows' query."""
        return [with_expression(Member.sponsoring, sponsors_someone(Member.id))]

    def deletable(self, member) -> bool:
        return (member.candidate_id is None and member.sponsoring is not None
                and not member.sponsoring)

    def on_model_delete(self, member):
        """A member the path admitted, or who helps or introduces someone, is a record others
        rely on: never deleted (entered by hand and unused, it may be)."""
        if (member.candidate_id is not None
                or db.session.scalar(select(sponsors_someone(literal(member.id))))):
            raise ValidationError(_("%(name)s was admitted through the path or helps or "
                                    "introduces a candidate; the record cannot be deleted.",
                                    name=member.full_name))

    def extra_filters(self, model) -> list:
        return [keyed(FilterEqual(model.status, _l("Status"), options=list(MEMBER_STATUSES)),
                      "status"),
                keyed(ProbationOverFilter(model.ceremony_date, _l("Probation")), "overdue")]


def people_views(extensions) -> list[ScopedModelView]:
    """``extensions``: the plugins' candidate extensions, whose fields join the candidate form."""
    return [
        CandidateView(Candidate, extensions=extensions, name=_l("All candidates"),
                      endpoint="candidate"),
        MemberView(Member, name=_l("Members"), endpoint="member"),
    ]
