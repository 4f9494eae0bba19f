"""Merging units from the organization screen: pick them in the list, choose the unit that
takes them over and the decision, see what will move, confirm. The rules are the service's
(``workflow.reorganization``)."""
from __future__ import annotations

from flask import flash, redirect, request
from flask_admin import expose
from flask_admin.actions import action
from flask_admin.model.fields import AjaxSelectField
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from wtforms import SelectField

from ..extensions import db
from ..i18n import TranslatedForm
from ..models import Transfer
from ..models.choices import Choices
from ..papers import TRANSFER
from ..workflow.reorganization import (
    CARRY,
    KEEP,
    KIND_LABELS,
    ReorganizationRefused,
    merge,
    preview,
    problems,
)
from ..workflow.transfers import transfer_candidate
from .base import ScopedModelView, parse_id
from .forms import NotBlank
from .papers import PrintsPapers
from .unit_changes import change_of, decision_form


def merge_form(loader) -> TranslatedForm:
    return decision_form(
        target=AjaxSelectField(loader, _l("The unit that takes them over"),
                               validators=[NotBlank(_l("Choose the unit that takes them over."))]),
        plans=SelectField(_l("Their plans"), choices=[
            (CARRY, _l("Add their targets to the unit's plan of the same year")),
            (KEEP, _l("Keep them with the ended units (history)"))]))()


class MergeViews:
    """Mixed into the organization view."""

    @action("merge", _l("Merge into another unit"))
    def action_merge(self, ids):
        valid = [str(pk) for pk in map(parse_id, ids) if pk is not None]
        return redirect(self.get_url(".merge_view", ids=",".join(valid)))

    def is_action_allowed(self, name):
        if name == "merge":
            return self.can_edit
        return super().is_action_allowed(name)

    @expose("/merge/", methods=("GET", "POST"))
    def merge_view(self):
        """Preview first (what moves, per kind, and any reason it would be refused), then merge."""
        ids = [pk for pk in map(parse_id, request.args.get("ids", "").split(",")) if pk]
        sources = self.get_query().filter(self.model.id.in_(ids)).all() if ids else []
        if not sources or not self.can_edit:
            flash(_("Select the units to merge."), "error")
            return redirect(self.get_url(".index_view"))
        form = merge_form(self._form_ajax_refs["parent"])
        found, refused = None, []
        if form.validate_on_submit():
            change = change_of(form)
            found = preview(sources)
            refused = problems(sources, form.target.data, change)
            if "confirm" in request.form and not refused:
                try:
                    merge(sources, form.target.data, change, actor=current_user,
                          plans=form.plans.data)
                except ReorganizationRefused as error:
                    db.session.rollback()
                    refused = error.reasons
                else:
                    db.session.commit()
                    flash(_("Merged into %(unit)s: %(count)s record(s) moved.",
                            unit=form.target.data.name, count=found.total), "success")
                    return redirect(self.get_url(".index_view"))
        return self.render("devparty/merge_units.html", form=form, sources=sources,
                           preview=found, refused=refused, kinds=KIND_LABELS)


def _introduction_link(view, context, transfer, name):
    """The sending unit's introduction (giấy giới thiệu), printed from the record."""
    return Markup('<a href="{}">{}</a>').format(
        view.get_url(".paper_view", code="GT-CSH", id=transfer.id), _("Print"))


class TransferView(PrintsPapers, ScopedModelView):
    """Transfers of people, in and out: the sending unit keeps this trace (read-only; a
    transfer is made from the person's page) and prints the introduction from it."""

    resource = "candidate"
    paper_about = TRANSFER
    read_only = True
    can_view_details = False
    column_list = ["full_name", "kind", "from_unit", "to_unit", "number", "act_date",
                   "returned_on", "introduction"]
    column_labels = {"full_name": _l("Full name"), "kind": _l("Transfer"),
                     "from_unit": _l("From"), "to_unit": _l("To"),
                     "number": _l("Decision number"), "act_date": _l("Date of the decision"),
                     "returned_on": _l("Back on"), "introduction": _l("Introduction")}
    column_default_sort = ("act_date", True)
    column_formatters = {"kind": lambda v, c, t, n: TRANSFER_KINDS.label(t.kind),
                         "introduction": _introduction_link}

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [Transfer.from_unit, Transfer.to_unit]
        super().__init__(model, **kwargs)


TRANSFER_KINDS = Choices(("candidate", _l("Candidate moved")),
                         ("official", _l("Official transfer of a member")),
                         ("temporary", _l("Temporary transfer of a member")))


def transfer_form(loader) -> TranslatedForm:
    return decision_form(
        note_label=_l("What goes with them (đang được giúp đỡ, certificate …)"),
        to_unit=AjaxSelectField(loader, _l("Moves to"),
                                validators=[NotBlank(_l("Choose the unit the person moves to."))]))()


class CandidateTransferViews:
    """Mixed into the candidate view: moving a person on the path to another unit."""

    @expose("/transfer/", methods=("GET", "POST"))
    def transfer_view(self):
        candidate = self.get_one(request.args.get("id"))
        back = self.get_url(".details_view", id=candidate.id)
        if not self.can_edit:
            flash(_("You may not move this candidate."), "error")
            return redirect(back)
        form = transfer_form(self._form_ajax_refs["organization"])
        if form.validate_on_submit():
            decision = change_of(form, Transfer)
            try:
                transfer_candidate(candidate, form.to_unit.data, decision, actor=current_user)
            except ReorganizationRefused as refused:
                db.session.rollback()
                for reason in refused.reasons:
                    flash(reason, "error")
            else:
                db.session.commit()
                flash(_("%(name)s now belongs to %(unit)s.", name=candidate.full_name,
                        unit=form.to_unit.data.name), "success")
                return redirect(self.get_url(".index_view"))
        return self.render("devparty/transition.html", form=form, candidates=[candidate],
                           title=_("Move %(name)s to another unit", name=candidate.full_name))
