"""The case file: one page per person that says where they stand, what is missing for the next
step and who must take it, with the dossier, helpers, classes, acts and papers in place.

``case_file`` gathers it in a fixed number of queries (one per section, whatever the number of
documents or steps); ``CaseFileViews`` adds what the page posts and downloads: a dossier
document recorded in place, a paper from the record, the whole file as one zip.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date

from flask import abort, flash, jsonify, redirect, request, send_file
from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms import FileField, HiddenField, StringField, ValidationError
from wtforms.validators import Length, Optional

from ..extensions import db
from ..i18n import TranslatedForm
from ..models import DossierItem, Enrollment, Organization, Sponsor, StageEvent
from ..models.choices import ENROLLMENT_RESULTS
from ..papers import PERSON, PaperUnavailable, papers_about, render
from ..plugins.loader import plugins
from ..security import scoped
from ..uploads import path_of
from ..workflow import dossier
from ..workflow.authority import deciding_committee
from ..workflow.deadlines import Alert, deadline_of
from ..workflow.history import Entry, timeline
from ..workflow.readiness import Readiness, next_steps
from ..workflow.stages import BRANCH
from .base import parse_pk
from .files import acceptable_file, attach_file
from .forms import VNDateField, not_in_future
from .papers import PrintsPapers, file_name


@dataclass
class DossierRow:
    code: str
    label: str
    item: DossierItem | None = None
    certificate: Enrollment | None = None  # a certificate recorded at the class serves the file

    @property
    def done(self) -> bool:
        return self.certificate is not None or (self.item is not None and self.item.status == "done")


@dataclass
class CaseFile:
    steps: list[Readiness]
    deadline: Alert | None
    next_by: str  # who takes the next step
    admission_file: list[DossierRow]
    recognition_file: list[DossierRow]
    sponsors: list[Sponsor]
    enrollments: list[Enrollment]
    history: list[Entry]
    papers: list = field(default_factory=list)

    @property
    def acts(self) -> list[StageEvent]:
        """The steps recorded under a numbered act, in force, oldest first."""
        return [entry.item for entry in reversed(self.history)
                if entry.kind == "stage" and entry.item.act is not None and not entry.annulled
                and entry.item.annuls_id is None]

    @property
    def waiting(self) -> bool:
        """The next step is someone else's (the committee's decision, seen from the branch)."""
        return bool(self.steps) and not any(step.may_take for step in self.steps)

    def waiting_message(self) -> str | None:
        """"Waiting for the committee's decision, due …" when the next step is not this user's."""
        if not self.waiting:
            return None
        step = self.steps[0].transition
        if self.deadline is None:
            return _("Waiting for “%(step)s” by %(who)s.", step=step.label, who=self.next_by)
        return _("Waiting for “%(step)s” by %(who)s, due %(due)s.", step=step.label,
                 who=self.next_by, due=self.deadline.due.strftime("%d/%m/%Y"))


def _rows(codes, items: dict, certificates: dict) -> list[DossierRow]:
    return [DossierRow(code, str(dossier.ITEMS.label(code)), items.get(code),
                       certificates.get(dossier.FROM_CLASSES.get(code)))
            for code in codes]


def _decider(candidate, steps: list[Readiness]) -> str:
    if not steps or steps[0].transition.authority == BRANCH:
        return candidate.organization.name
    committee = deciding_committee(candidate.organization, date.today())
    return committee.name if committee is not None else ""


def case_file(candidate, user) -> CaseFile:
    items = {item.form_code: item for item in db.session.scalars(
        select(DossierItem).where(DossierItem.candidate_id == candidate.id))}
    enrollments = list(db.session.scalars(
        select(Enrollment).where(Enrollment.candidate_id == candidate.id)
        .options(selectinload(Enrollment.training_class))
        .order_by(Enrollment.id)))
    certificates = {e.training_class.kind: e for e in enrollments
                    if e.result == "passed" and e.certificate_number}
    sponsors = list(db.session.scalars(
        select(Sponsor).where(Sponsor.candidate_id == candidate.id)
        .options(selectinload(Sponsor.member)).order_by(Sponsor.role, Sponsor.id)))
    history = timeline(candidate)
    reached = {entry.item.to_stage for entry in history
               if entry.kind == "stage" and not entry.annulled and entry.item.annuls_id is None}
    steps = next_steps(candidate, user)
    return CaseFile(
        steps=steps, deadline=deadline_of(candidate), next_by=_decider(candidate, steps),
        admission_file=_rows(dossier.ADMISSION_FILE, items, certificates),
        recognition_file=_rows(dossier.RECOGNITION_FILE, items, certificates),
        sponsors=sponsors, enrollments=enrollments, history=history,
        papers=[paper for paper in papers_about(PERSON)
                if paper.reached is None or paper.reached in reached])


class DossierEntryForm(TranslatedForm):
    form_code = HiddenField()
    item_date = VNDateField(_l("Date of the document"), validators=[Optional(), not_in_future])
    received_on = VNDateField(_l("Received on"), validators=[Optional(), not_in_future])
    note = StringField(_l("Note"), validators=[Length(max=300)])
    upload = FileField(_l("File (PDF, JPG, PNG, DOCX)"), validators=[acceptable_file])

    def validate_form_code(self, field) -> None:
        if field.data not in dossier.ITEMS or field.data in dossier.FROM_CLASSES:
            raise ValidationError(_("Choose a document of the checklist."))


class CaseFileViews(PrintsPapers):
    """Mixed into the candidate view: the data of the details page and what it posts."""

    paper_about = PERSON

    def case_file(self, candidate) -> CaseFile:
        return case_file(candidate, current_user)

    @expose("/unit-sector/")
    def unit_sector_view(self):
        """The sector of a unit the user may pick (the new-candidate form shows its fields)."""
        unit = db.session.scalar(scoped(select(Organization).where(
            Organization.id == parse_pk(request.args.get("id"))), Organization, current_user))
        if unit is None:
            abort(404)
        return jsonify(sector=unit.sector)

    @staticmethod
    def sector_records(candidate) -> list[tuple[str, list[tuple[str, str]]]]:
        """The enabled sector plugins' own records about the person (a vetting, a review …)."""
        registry = plugins()
        caller = registry.hook("case_file_records",
                               only=registry.for_sector(candidate.organization.sector))
        return [record for found in caller(candidate=candidate) for record in (found or [])]

    @staticmethod
    def result_label(code: str) -> str:
        return ENROLLMENT_RESULTS.label(code)

    @expose("/dossier/", methods=("POST",))
    def dossier_entry_view(self):
        """Record a checklist document as done, with its date and optional file, in place."""
        candidate = self.get_one(request.args.get("id"))
        back = self.get_url(".details_view", id=candidate.id) + "#dossier"
        if not self.can_edit:
            flash(_("You may not change this candidate's dossier."), "error")
            return redirect(back)
        form = DossierEntryForm()
        if not form.validate():
            for errors in form.errors.values():
                for error in errors:
                    flash(error, "error")
            return redirect(back)
        item = db.session.scalar(select(DossierItem).where(
            DossierItem.candidate_id == candidate.id, DossierItem.form_code == form.form_code.data))
        if item is None:
            item = DossierItem(candidate_id=candidate.id, form_code=form.form_code.data)
            db.session.add(item)
        item.status, item.item_date = "done", form.item_date.data or item.item_date or date.today()
        item.received_on = form.received_on.data or item.received_on
        item.note = (form.note.data or "").strip() or item.note
        try:
            attach_file(item, form.upload.data)
        except ValidationError as refused:
            db.session.rollback()
            flash(str(refused), "error")
            return redirect(back)
        db.session.commit()
        flash(_("“%(document)s” recorded.", document=dossier.ITEMS.label(item.form_code)),
              "success")
        return redirect(back)

    @expose("/papers.zip")
    def papers_zip_view(self):
        """“Tải toàn bộ hồ sơ”: every paper the record holds and every uploaded file, named by
        form code."""
        candidate = self.get_one(request.args.get("id"))
        folder = self.case_file(candidate)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for paper in folder.papers:
                try:
                    archive.writestr(f"{paper.code} (bản in).docx", render(paper, candidate))
                except PaperUnavailable:
                    continue
            for row in folder.admission_file + folder.recognition_file:
                item = row.item
                if item is not None and item.file_name and path_of(item.file_name).exists():
                    suffix = path_of(item.file_name).suffix
                    archive.write(path_of(item.file_name), f"{row.code} (bản tải lên){suffix}")
        self.log_paper(candidate, "zip")
        buffer.seek(0)
        return send_file(buffer, as_attachment=True, mimetype="application/zip",
                         download_name=file_name(f"Hồ sơ {candidate.full_name}", "zip"))
