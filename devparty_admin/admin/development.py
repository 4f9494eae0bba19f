"""Screens for what a candidate gathers: helpers and introducers, classes and certificates,
dossier documents with their files, and the acts (read-only: only transitions write them)."""
from __future__ import annotations

from flask import abort, request, send_file, url_for
from flask_admin import expose
from flask_admin.contrib.sqla.filters import FilterEqual
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from wtforms import FileField, ValidationError

from ..extensions import db
from ..models import Act, Candidate, DossierItem, Enrollment, Sponsor, StageEvent, TrainingClass
from ..models.choices import (
    ACT_KINDS,
    CLASS_KINDS,
    DOSSIER_STATUSES,
    ENROLLMENT_RESULTS,
    SPONSOR_ROLES,
)
from ..papers import ACT, CLASS, PERSON, papers_about
from ..security import scoped
from ..uploads import path_of
from ..workflow import dossier
from ..workflow.training import certificate_problem, enrollment_problem
from .base import CandidateNameSearch, FoldedSearch, ScopedModelView, parse_id
from .files import acceptable_file, attach_file
from .forms import NotBlank, not_in_future
from .labels import LABELS
from .papers import PrintsPapers
from .people import ORGANIZATION_PICKER, ORGANIZATION_REQUIRED

CANDIDATE_PICKER = {"fields": ["full_name"], "page_size": 20,
                    "placeholder": _l("Type part of the candidate's name")}
MEMBER_PICKER = {"fields": ["full_name"], "page_size": 20, "filters": ["status = 'official'"],
                 "placeholder": _l("Type part of an official member's name")}
CLASS_PICKER = {"fields": ["name"], "page_size": 20,
                "placeholder": _l("Type part of the class name")}
CANDIDATE_REQUIRED = _l("Choose a candidate within your unit.")


class CandidatePartView(CandidateNameSearch, ScopedModelView):
    """Rows that belong to one candidate: scoped through it, managed by those who manage it,
    found by the candidate's name."""

    resource = "candidate"
    column_labels = LABELS
    column_sortable_list = []

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [model.candidate]
        super().__init__(model, **kwargs)

    def create_form(self, obj=None):
        """Opened from a case file (``?candidate=``): the person is already chosen."""
        form = super().create_form(obj)
        pk = parse_id(request.args.get("candidate"))
        if pk is not None and request.method == "GET" and "candidate" in form:
            form.candidate.data = db.session.scalar(
                scoped(select(Candidate).where(Candidate.id == pk), Candidate, current_user))
        return form


class SponsorView(CandidatePartView):
    choice_columns = {"role": SPONSOR_ROLES}
    column_list = ["candidate", "member", "role", "known_since"]
    form_columns = ["candidate", "member", "role", "known_since"]
    form_ajax_refs = {"candidate": CANDIDATE_PICKER, "member": MEMBER_PICKER}
    form_args = {
        "candidate": {"validators": [NotBlank(CANDIDATE_REQUIRED)]},
        "member": {"validators": [NotBlank(_l("Choose an official member within your unit."))]},
        "known_since": {"validators": [NotBlank(_l("Enter since when they work together.")),
                                       not_in_future]},
    }

    def on_model_change(self, form, sponsor, is_created):
        member, candidate = sponsor.member, sponsor.candidate
        if member.candidate_id == candidate.id or (
                member.national_id and member.national_id == candidate.national_id):
            raise ValidationError(_("A person cannot help or introduce themselves."))


class TrainingClassView(FoldedSearch, PrintsPapers, ScopedModelView):
    resource = "candidate"
    paper_about = CLASS
    details_template = "devparty/class_details.html"
    search_hint = _l("Any part of the class name, without accents if you like")
    choice_columns = {"kind": CLASS_KINDS}
    column_labels = LABELS
    column_list = ["name", "kind", "cohort", "organizer", "start_date", "end_date", "capacity",
                   "organization"]
    column_default_sort = ("start_date", True)
    form_columns = ["name", "kind", "cohort", "organizer", "start_date", "end_date", "capacity",
                    "organization"]
    form_ajax_refs = {"organization": ORGANIZATION_PICKER}
    form_args = {"name": {"validators": [NotBlank(_l("Please enter the class name."))]},
                 "organization": {"validators": [NotBlank(ORGANIZATION_REQUIRED)]}}

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [TrainingClass.organization]
        super().__init__(model, **kwargs)

    def on_model_change(self, form, course, is_created):
        if course.end_date < course.start_date:
            raise ValidationError(_("The class cannot end before it starts."))


class EnrollmentView(CandidatePartView):
    choice_columns = {"result": ENROLLMENT_RESULTS}
    column_list = ["candidate", "training_class", "result", "certificate_number", "certificate_date"]
    column_filters = [FilterEqual(Enrollment.result, _l("Result"),
                                  options=list(ENROLLMENT_RESULTS))]
    form_columns = ["candidate", "training_class", "result", "certificate_number", "certificate_date"]
    form_ajax_refs = {"candidate": CANDIDATE_PICKER, "training_class": CLASS_PICKER}
    form_args = {
        "candidate": {"validators": [NotBlank(CANDIDATE_REQUIRED)]},
        "training_class": {"validators": [NotBlank(_l("Choose a class."))]},
        "certificate_date": {"validators": [not_in_future]},
    }

    def on_model_change(self, form, enrollment, is_created):
        if enrollment.result == "passed" and enrollment.certificate_date is None:
            enrollment.certificate_date = enrollment.training_class.end_date  # the last day
        if enrollment.result == "passed" and not (enrollment.certificate_number and
                                                  enrollment.certificate_date):
            raise ValidationError(_("A passed class needs the certificate number and date."))
        problem = certificate_problem(enrollment.training_class, enrollment.certificate_date)
        if is_created:
            problem = problem or enrollment_problem(enrollment.candidate, enrollment.training_class)
        if problem:
            raise ValidationError(problem)


def _file_link(view, context, item, name):
    if not item.file_name:
        return ""
    url = url_for(".download_view", id=item.id)
    return Markup('<a href="{}">{}</a>').format(url, item.original_name or _("Download"))


class DossierItemView(CandidatePartView):
    choice_columns = {"form_code": dossier.ITEMS, "status": DOSSIER_STATUSES}
    column_list = ["candidate", "form_code", "status", "item_date", "file_name"]
    column_filters = [FilterEqual(DossierItem.form_code, _l("Document"),
                                  options=list(dossier.ITEMS)),
                      FilterEqual(DossierItem.status, _l("Status"),
                                  options=list(DOSSIER_STATUSES))]
    column_formatters = {"file_name": _file_link}
    form_columns = ["candidate", "form_code", "status", "item_date", "received_on", "note",
                    "upload"]
    form_extra_fields = {"upload": FileField(_l("Attached file (PDF, JPG, PNG, DOCX)"),
                                             validators=[acceptable_file])}
    form_ajax_refs = {"candidate": CANDIDATE_PICKER}
    form_args = {"candidate": {"validators": [NotBlank(CANDIDATE_REQUIRED)]},
                 "item_date": {"validators": [not_in_future]}}

    def on_model_change(self, form, item, is_created):
        with db.session.no_autoflush:  # the new row is in the session, not yet in the table
            duplicate = db.session.scalar(select(DossierItem.id).where(
                DossierItem.candidate_id == item.candidate.id,
                DossierItem.form_code == item.form_code, DossierItem.id != (item.id or 0)).limit(1))
        if duplicate is not None:
            raise ValidationError(_("This document is already in the candidate's dossier; open it "
                                    "to change it."))
        attach_file(item, form.upload.data)

    @expose("/download/")
    def download_view(self):
        """Files are only reached through here: the record must be in the user's subtree."""
        item = self.get_one(request.args.get("id"))
        if not item.file_name or not path_of(item.file_name).exists():
            abort(404)
        return send_file(path_of(item.file_name), mimetype=item.content_type, as_attachment=True,
                         download_name=item.original_name or item.file_name)


class ActView(PrintsPapers, ScopedModelView):
    """Acts are written only by steps. A branch also sees the committee's acts about its
    people; an act's page lists the people it covers (those the user may see) and prints its
    paper."""

    resource = "candidate"
    read_only = True
    paper_about = ACT
    details_template = "devparty/act_details.html"
    choice_columns = {"kind": ACT_KINDS}
    column_labels = LABELS
    column_list = ["number", "kind", "act_date", "organization", "votes_for", "votes_against",
                   "official_members", "signer"]
    column_default_sort = ("act_date", True)
    column_searchable_list = ["number"]

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [Act.organization]
        super().__init__(model, **kwargs)

    def covered(self, act) -> list[tuple[StageEvent, Candidate]]:
        """The steps recorded under ``act`` for people in the user's subtree (one query)."""
        return db.session.execute(scoped(
            select(StageEvent, Candidate).join(Candidate, Candidate.id == StageEvent.candidate_id)
            .where(StageEvent.act_id == act.id).order_by(Candidate.sort_key),
            Candidate, current_user)).all()

    def act_papers(self, act) -> list:
        return papers_about(ACT)

    @staticmethod
    def person_paper(stage: str):
        """The person's paper a step under this act produced (6-KNĐ for a proposal …)."""
        return next((paper for paper in papers_about(PERSON) if paper.reached == stage), None)


def development_views() -> list[ScopedModelView]:
    return [
        SponsorView(Sponsor, name=_l("Helpers and introducers"), endpoint="sponsor"),
        TrainingClassView(TrainingClass, name=_l("Classes"), endpoint="training_class"),
        EnrollmentView(Enrollment, name=_l("Class results"), endpoint="enrollment"),
        DossierItemView(DossierItem, name=_l("Dossier documents"), endpoint="dossier"),
        ActView(Act, name=_l("Resolutions and decisions"), endpoint="act"),
    ]
