"""Screens that move candidates: one candidate's next step, and the monthly branch resolution.

The views only read the form, find the scoped candidates, call the transition service with the
logged-in user as actor, commit once and flash; every rule lives in ``workflow``.
"""
from __future__ import annotations

from datetime import date

from flask import flash, redirect, request
from flask_admin import expose
from flask_admin.actions import action
from flask_admin.model.fields import AjaxSelectField
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..extensions import db
from ..i18n import TranslatedForm
from ..models import Act, TrainingClass
from ..security import has_permission
from ..security.permissions import PROPOSE, can_annul, can_transition
from ..workflow.corrections import annul_last_step, last_step
from ..workflow.guards import last_event
from ..workflow.history import already_recorded, time_in_stages, timeline
from ..workflow.merges import MergeRefused, merge
from ..workflow.readiness import missing_for
from ..workflow.stages import TRANSITIONS, find_transition, stage_label, transitions_from
from ..workflow.training import EnrollmentRefused, enroll
from ..workflow.transitions import TransitionRefused, move_many
from .base import ScopedAjaxLoader, parse_id
from .forms import NotBlank, VNDateField

MONTHLY_TARGETS = ("sympathizer", "dropped")
STEP_ATTEMPTS = 3


class TransitionForm(TranslatedForm):
    """Every field a step may ask for; ``step_form`` keeps those of one step."""

    target = SelectField(_l("Step"), validators=[DataRequired()])
    act_number = StringField(_l("Resolution / decision number"), validators=[Length(max=50)])
    act_date = VNDateField(_l("Date of the resolution / decision"), validators=[Optional()])
    votes_for = IntegerField(_l("Votes for"), validators=[Optional(), NumberRange(0, 100_000)])
    votes_against = IntegerField(_l("Votes against"), validators=[Optional(), NumberRange(0, 100_000)])
    official_members = IntegerField(
        _l("Official members on the roll"), validators=[Optional(), NumberRange(1, 100_000)],
        description=_l("Leave empty to use the branch's roll on the vote date."))
    transferred_members = IntegerField(_l("Temporarily transferred"),
                                       validators=[Optional(), NumberRange(0, 100_000)])
    exempted_absent = IntegerField(_l("Exempted and absent"),
                                   validators=[Optional(), NumberRange(0, 100_000)])
    signer = StringField(_l("Signed by"), validators=[Length(max=200)])
    effective_on = VNDateField(_l("Date of the step (ceremony date, class date …)"),
                               validators=[Optional()])
    note = TextAreaField(_l("Reason / note"), validators=[Length(max=2000)])


class MergeForm(TranslatedForm):
    keep = SelectField(_l("The record to keep"), validators=[DataRequired()])
    reason = TextAreaField(_l("Why these are the same person"), validators=[
        NotBlank(_l("Say why these are the same person.")), Length(max=2000)])


class CorrectionForm(TranslatedForm):
    act_number = StringField(_l("Number of the correcting act"),
                             validators=[NotBlank(_l("Enter the number of the act.")), Length(max=50)])
    act_date = VNDateField(_l("Date of the correcting act"),
                           validators=[NotBlank(_l("Enter the date of the act."))])
    signer = StringField(_l("Signed by"), validators=[Length(max=200)])
    reason = TextAreaField(_l("What was wrong"), validators=[
        NotBlank(_l("Give the reason for the correction.")), Length(max=2000)])


VOTE_FIELDS = ("votes_for", "votes_against", "official_members", "transferred_members",
               "exempted_absent")
ACT_FIELDS = ("act_number", "act_date", "signer")
VOTED_STEPS = ("proposed", "recognition_proposed")
DECISION_STEPS = ("admitted", "official", "rejected", "struck_off")
PLACEHOLDERS = {"branch_resolution": "12-NQ/CB", "admission_decision": "45-QĐ/ĐU",
                "recognition_decision": "52-QĐ/ĐU", "ceremony_approval": "08-CV/ĐU",
                "committee_decision": "47-QĐ/ĐU", "committee_resolution": "20-NQ/ĐU"}


def step_fields(transition) -> tuple[str, ...]:
    """The fields one step asks for: its act (number, date, signer) or its date, the vote
    where the branch votes, the reason where one is needed. A ceremony has its date and, only
    when late, the approval."""
    if transition.act_optional:
        return ("target", "effective_on", *ACT_FIELDS, "note")
    fields = ["target", *(ACT_FIELDS if transition.act_kinds else ("effective_on",))]
    if transition.target in VOTED_STEPS:
        fields += VOTE_FIELDS
    return (*fields, "note")


def step_form(transition) -> TransitionForm:
    """The form of one step only, with today as the default date and the act's own example
    number as the placeholder."""
    form = TransitionForm()
    for name in [field.name for field in form if field.name != "csrf_token"]:
        if name not in step_fields(transition):
            del form[name]
    form.target.choices = [(transition.target, str(transition.label))]
    today = date.today()
    for name in ("act_date", "effective_on"):
        if name in form and not form.is_submitted():
            form[name].data = today
    if "act_number" in form and transition.act_kinds:
        form.act_number.render_kw = {"placeholder": PLACEHOLDERS.get(transition.act_kinds[0], "")}
    if transition.act_optional:
        form.act_number.label.text = _("Approval of a late ceremony: number (if any)")
        form.act_date.label.text = _("Approval of a late ceremony: date")
        form.act_date.data = form.act_date.data if form.is_submitted() else None
    if not transition.needs_reason:
        form.note.label.text = _("Note")
    return form


def _flash_refusal(refused) -> None:
    """A service said no (every reason at once) and changed nothing: say why."""
    db.session.rollback()
    for reason in refused.reasons:
        flash(reason, "error")


def _monthly_choices() -> list[tuple[str, str]]:
    labels = {t.target: t.label for t in reversed(TRANSITIONS)}  # the first definition wins
    return [(target, str(labels[target])) for target in MONTHLY_TARGETS]


def _field_data(form) -> dict:
    """The form's values by name; a field the step does not ask for reads as None."""
    return {field.name: field.data for field in form if field.name != "csrf_token"}


def _act_from(data: dict, kind: str | None, issuer_id: int) -> Act | None:
    """The act the form describes, unsaved: the service adds it only if every guard passes."""
    if kind is None:
        return None
    return Act(kind=kind, number=(data.get("act_number") or "").strip(),
               act_date=data.get("act_date"), organization_id=issuer_id,
               votes_for=data.get("votes_for"), votes_against=data.get("votes_against"),
               official_members=data.get("official_members"),
               transferred_members=data.get("transferred_members"),
               exempted_absent=data.get("exempted_absent"),
               signer=(data.get("signer") or "").strip() or None, note=data.get("note") or None)


CLASS_LOADER = "enroll_class"


def enroll_form(loader) -> TranslatedForm:
    class EnrollForm(TranslatedForm):
        training_class = AjaxSelectField(loader, _l("Class"), validators=[
            NotBlank(_l("Choose a class."))])

    return EnrollForm()


def _ids_from_query() -> list[int]:
    """``ids=1,2,3`` (a bulk action's redirect) or ``ids=1&ids=2`` (the to-do list's ticks)."""
    raw = [part for value in request.args.getlist("ids") for part in value.split(",")]
    return [pk for pk in map(parse_id, raw) if pk is not None]


class TransitionViews:
    """Mixed into the candidate view: the step form, the monthly resolution, enrolling in a
    class, and what the details page shows (next steps, timeline, time in each stage)."""

    def _process_ajax_references(self):
        references = super()._process_ajax_references()
        references[CLASS_LOADER] = ScopedAjaxLoader(
            CLASS_LOADER, db, TrainingClass, fields=["name"], page_size=20,
            order_by=TrainingClass.start_date.desc())
        return references

    # --- used by the details template ---------------------------------------------------------
    def allowed_transitions(self, candidate):
        return [t for t in transitions_from(candidate.stage)
                if can_transition(current_user, candidate, t.target)]

    def timeline(self, candidate):
        return timeline(candidate)

    def correctable_step(self, candidate):
        """The step this user may annul on the details page, if any."""
        step = last_step(candidate)
        return step if step is not None and can_annul(current_user, candidate, step) else None

    @expose("/annul/", methods=("GET", "POST"))
    def annul_view(self):
        """Annul the last step with a numbered act of correction and its reason."""
        candidate = self.get_one(request.args.get("id"))
        step = self.correctable_step(candidate)
        if step is None:
            flash(_("You cannot correct this candidate's steps."), "error")
            return redirect(self.get_url(".details_view", id=candidate.id))
        form = CorrectionForm()
        if form.validate_on_submit():
            act = Act(number=form.act_number.data.strip(), act_date=form.act_date.data,
                      organization_id=(current_user.organization or candidate.organization).id,
                      signer=(form.signer.data or "").strip() or None, note=form.reason.data)
            try:
                annul_last_step(candidate, actor=current_user, act=act, reason=form.reason.data)
            except TransitionRefused as refused:
                _flash_refusal(refused)
            else:
                db.session.commit()
                flash(_("The step was annulled; %(name)s is back at “%(stage)s”.",
                        name=candidate.full_name, stage=stage_label(candidate.stage)), "success")
                return redirect(self.get_url(".details_view", id=candidate.id))
        return self.render("devparty/transition.html", form=form, candidates=[candidate],
                           title=_("Annul the step “%(step)s” of %(day)s", step=stage_label(
                               step.to_stage), day=step.effective_on.strftime("%d/%m/%Y")))

    def time_in_stages(self, candidate):
        return time_in_stages(candidate)

    # --- moving -------------------------------------------------------------------------------
    def _move(self, candidates, form: TransitionForm) -> bool:
        """Record the step for ``candidates`` and commit. A conflict with someone recording at
        the same moment is retried on fresh rows, where the service then says who recorded it."""
        data = _field_data(form)
        ids = [candidate.id for candidate in candidates]
        for _attempt in range(STEP_ATTEMPTS):
            candidates = self.get_query().filter(self.model.id.in_(ids)).all()
            target = data["target"]
            transition = find_transition(candidates[0].stage, target) if candidates else None
            kind = transition.act_kinds[0] if transition and transition.act_kinds else None
            if transition and transition.act_optional and not (data.get("act_number") or
                                                               data.get("act_date")):
                kind = None  # e.g. a ceremony in time needs no approval
            issuer = current_user.organization or candidates[0].organization
            try:
                move_many(candidates, target, actor=current_user,
                          act=_act_from(data, kind, issuer.id),
                          effective_on=data.get("effective_on") or data.get("act_date"),
                          note=data.get("note"))
                db.session.commit()
            except TransitionRefused as refused:
                _flash_refusal(refused)
                return False
            except (StaleDataError, OperationalError):
                db.session.rollback()  # someone else wrote these rows first: read them again
                continue
            flash(_("Recorded for %(count)s candidate(s).", count=len(candidates)), "success")
            return True
        flash(_("Others are recording steps for these candidates at this moment; nothing was "
                "recorded. Please try again."), "error")
        return False

    @expose("/move/", methods=("GET", "POST"))
    def move_view(self):
        """One step's own form: ``?step=`` names it (the case file's buttons), a POST names it
        in the form; without either, the first step this user may take."""
        candidate = self.get_one(request.args.get("id"))
        back = self.get_url(".details_view", id=candidate.id)
        wanted = request.form.get("target") or request.args.get("step")
        recorded = request.method == "POST" and already_recorded(candidate, wanted)
        if recorded:
            flash(recorded, "warning")
            return redirect(back)
        allowed = self.allowed_transitions(candidate)
        transition = next((t for t in allowed if t.target == wanted or not wanted), None)
        if transition is None:
            flash(self.case_file(candidate).waiting_message() or
                  _("You cannot move this candidate from its current stage."), "error")
            return redirect(back)
        form = step_form(transition)
        if form.validate_on_submit() and self._move([candidate], form):
            return redirect(back)
        return self.render("devparty/transition.html", form=form, candidates=[candidate],
                           title=f"{transition.label}: {candidate.full_name}", step=transition,
                           missing=missing_for(candidate, transition, current_user),
                           **self._decision_context(candidate, transition))

    def _decision_context(self, candidate, transition) -> dict:
        """A committee deciding sees the branch's proposal (its vote) and the dossier it sent."""
        proposal = self._proposal_for(candidate, transition)
        if proposal is None:
            return {}
        case = self.case_file(candidate)
        rows = case.recognition_file if proposal.to_stage == "recognition_proposed" \
            else case.admission_file
        return {"proposal": proposal, "dossier_rows": rows}

    @staticmethod
    def _proposal_for(candidate, transition):
        """For a committee's decision: the branch's step it answers (its act carries the vote)."""
        if transition.target not in DECISION_STEPS:
            return None
        source = "recognition_proposed" if candidate.stage in ("probationary",
                                                               "recognition_proposed") \
            else "proposed"
        return last_event(candidate.id, source)

    def is_action_allowed(self, name):
        if name == "monthly_resolution":
            return has_permission(current_user, *PROPOSE)
        if name in ("enroll", "merge"):
            return self.can_edit
        return super().is_action_allowed(name)

    def _selected(self):
        ids = _ids_from_query()
        return self.get_query().filter(self.model.id.in_(ids)).all() if ids else []

    @action("enroll", _l("Enroll in a class"))
    def action_enroll(self, ids):
        return self._to_page_with(".enroll_view", ids)

    @expose("/enroll/", methods=("GET", "POST"))
    def enroll_view(self):
        """Many candidates into one class at once."""
        candidates = self._selected()
        if not candidates or not self.can_edit:
            flash(_("Select at least one candidate."), "error")
            return redirect(self.get_url(".index_view"))
        form = enroll_form(self._form_ajax_refs[CLASS_LOADER])
        if form.validate_on_submit():
            try:
                added = enroll(candidates, form.training_class.data)
            except EnrollmentRefused as refused:
                db.session.rollback()
                flash(str(refused), "error")
            else:
                db.session.commit()
                flash(_("%(count)s candidate(s) enrolled.", count=added), "success")
                return redirect(self.get_url(".index_view"))
        return self.render("devparty/enroll.html", form=form, candidates=candidates)

    def _to_page_with(self, endpoint: str, ids):
        """Bulk actions post ids; the page that asks for the act or the class carries them."""
        valid = [str(pk) for pk in map(parse_id, ids) if pk is not None]
        return redirect(self.get_url(endpoint, ids=",".join(valid)))

    @action("merge", _l("Merge two records of one person"))
    def action_merge(self, ids):
        return self._to_page_with(".merge_view", ids)

    @expose("/merge/", methods=("GET", "POST"))
    def merge_view(self):
        """Review two records side by side, choose the one to keep, say why, merge."""
        candidates = self._selected()
        if len(candidates) != 2 or not self.can_edit:
            flash(_("Select exactly two records of the same person."), "error")
            return redirect(self.get_url(".index_view"))
        form = MergeForm()
        form.keep.choices = [(str(c.id), f"{c.full_name} · {c.organization.name} · "
                              f"{stage_label(c.stage)}") for c in candidates]
        if form.validate_on_submit():
            keep = next(c for c in candidates if str(c.id) == form.keep.data)
            duplicate = next(c for c in candidates if c is not keep)
            try:
                merge(keep, duplicate, actor=current_user, reason=form.reason.data)
            except MergeRefused as refused:
                _flash_refusal(refused)
            else:
                db.session.commit()
                flash(_("The two records are now one: %(name)s.", name=keep.full_name), "success")
                return redirect(self.get_url(".details_view", id=keep.id))
        return self.render("devparty/transition.html", form=form, candidates=candidates,
                           title=_("Merge two records of one person"))

    @action("monthly_resolution", _l("Monthly branch resolution"))
    def action_monthly_resolution(self, ids):
        return self._to_page_with(".resolution_view", ids)

    @expose("/resolution/", methods=("GET", "POST"))
    def resolution_view(self):
        """Many candidates onto (or off) the sympathizer list with one numbered resolution."""
        candidates = self._selected()
        if not candidates or not has_permission(current_user, *PROPOSE):
            flash(_("Select at least one candidate."), "error")
            return redirect(self.get_url(".index_view"))
        form = step_form(find_transition("source", "sympathizer"))
        form.target.choices = _monthly_choices()
        form.note.label.text = _("Reason / note")  # removing someone from the list needs one
        if form.validate_on_submit() and self._move(candidates, form):
            return redirect(self.get_url(".index_view"))
        return self.render("devparty/transition.html", form=form, candidates=candidates,
                           title=_("Monthly branch resolution"))
