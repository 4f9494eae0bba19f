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
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import Length

from ..extensions import db
from ..i18n import TranslatedForm
from ..models import UnitChange
from ..workflow.reorganization import (
    CARRY,
    KEEP,
    KIND_LABELS,
    ReorganizationRefused,
    merge,
    preview,
    problems,
)
from .base import parse_id
from .forms import NotBlank, VNDateField


def merge_form(loader) -> TranslatedForm:
    class MergeUnitsForm(TranslatedForm):
        target = AjaxSelectField(loader, _l("The unit that takes them over"),
                                 validators=[NotBlank(_l("Choose the unit that takes them over."))])
        number = StringField(_l("Decision number"), validators=[Length(max=50)])
        act_date = VNDateField(_l("Date of the decision"))
        issuer = StringField(_l("Issued by"), validators=[Length(max=200)])
        plans = SelectField(_l("Their plans"), choices=[
            (CARRY, _l("Add their targets to the unit's plan of the same year")),
            (KEEP, _l("Keep them with the ended units (history)"))])
        note = TextAreaField(_l("Note"), validators=[Length(max=2000)])

    return MergeUnitsForm()


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
            change = UnitChange(number=(form.number.data or "").strip(),
                                act_date=form.act_date.data,
                                issuer=(form.issuer.data or "").strip(), note=form.note.data)
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
