"""Screens that move candidates: one candidate's next step, and the monthly branch resolution.

The views only read the form, find the scoped candidates, call the transition service with the
logged-in user as actor, commit once and flash; every rule lives in ``workflow``.
"""
from __future__ import annotations

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
from ..workflow.history import already_recorded, time_in_stages, timeline
from ..workflow.merges import MergeRefused, merge
from ..workflow.stages import TRANSITIONS, find_transition, stage_label, transitions_from
from ..workflow.training import EnrollmentRefused, enroll
from ..workflow.transitions import TransitionRefused, move_many
from .base import ScopedAjaxLoader, parse_id
from .forms import NotBlank, VNDateField

MONTHLY_TARGETS = ("sympathizer", "dropped")
STEP_ATTEMPTS = 3


class TransitionForm(TranslatedForm):
    target = SelectField(_l("Step"), validators=[DataRequired()])
    act_number = StringField(_l("Resolution / decision number"), validators=[Length(max=50)],
                             render_kw={"placeholder": "12-NQ/CB"})
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


def _flash_refusal(refused) -> None:
    """A service said no (every reason at once) and changed nothing: say why."""
    db.session.rollback()
    for reason in refused.reasons:
        flash(reason, "error")


def _monthly_choices() -> list[tuple[str, str]]:
    labels = {t.target: t.label for t in reversed(TRANSITIONS)}  # the first definition wins
    return [(target, str(labels[target])) for target in MONTHLY_TARGETS]


def _act_from(form: TransitionForm, kind: str | None, issuer_id: int) -> Act | None:
    """The act the form describes, unsaved: the service adds it only if every guard passes."""
    if kind is None:
        return None
    return Act(kind=kind, number=(form.act_number.data or "").strip(), act_date=form.act_date.data,
               organization_id=issuer_id, votes_for=form.votes_for.data,
               votes_against=form.votes_against.data, official_members=form.official_members.data,
               transferred_members=form.transferred_members.data,
               exempted_absent=form.exempted_absent.data,
               signer=(form.signer.data or "").strip() or None, note=form.note.data or None)


CLASS_LOADER = "enroll_class"


def enroll_form(loader) -> TranslatedForm:
    class EnrollForm(TranslatedForm):
        training_class = AjaxSelectField(loader, _l("Class"), validators=[
            NotBlank(_l("Choose a class."))])

    return EnrollForm()


def _ids_from_query() -> list[int]:
    return [pk for pk in map(parse_id, request.args.get("ids", "").split(",")) if pk is not None]


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
        ids = [candidate.id for candidate in candidates]
        for _attempt in range(STEP_ATTEMPTS):
            candidates = self.get_query().filter(self.model.id.in_(ids)).all()
            target = form.target.data
            transition = find_transition(candidates[0].stage, target) if candidates else None
            kind = transition.act_kinds[0] if transition and transition.act_kinds else None
            if transition and transition.act_optional and not (form.act_number.data or
                                                               form.act_date.data):
                kind = None  # e.g. a ceremony in time needs no approval
            issuer = current_user.organization or candidates[0].organization
            try:
                move_many(candidates, target, actor=current_user,
                          act=_act_from(form, kind, issuer.id),
                          effective_on=form.effective_on.data or form.act_date.data,
                          note=form.note.data)
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
        candidate = self.get_one(request.args.get("id"))
        form = TransitionForm()
        form.target.choices = [(t.target, str(t.label)) for t in self.allowed_transitions(candidate)]
        recorded = request.method == "POST" and already_recorded(candidate, form.target.data)
        if recorded:
            flash(recorded, "warning")
            return redirect(self.get_url(".details_view", id=candidate.id))
        if not form.target.choices:
            flash(_("You cannot move this candidate from its current stage."), "error")
            return redirect(self.get_url(".details_view", id=candidate.id))
        if form.validate_on_submit() and self._move([candidate], form):
            return redirect(self.get_url(".details_view", id=candidate.id))
        return self.render("devparty/transition.html", form=form, candidates=[candidate],
                           title=candidate.full_name)

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
        form = TransitionForm()
        form.target.choices = _monthly_choices()
        if form.validate_on_submit() and self._move(candidates, form):
            return redirect(self.get_url(".index_view"))
        return self.render("devparty/transition.html", form=form, candidates=candidates,
                           title=_("Monthly branch resolution"))
