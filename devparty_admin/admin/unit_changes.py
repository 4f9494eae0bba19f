"""Changing one unit by a decision, from its page: rename it, move it under another unit, split
what it holds among other units, dissolve it, or establish a unit under it. Each page shows what
the change will do (the service run as a dry run and rolled back: what moves, or every reason it
would be refused) before the user confirms. The rules are the service's
(``workflow.reorganization``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from flask import abort, flash, redirect, request
from flask_admin import expose
from flask_admin.model.fields import AjaxSelectField
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import FileField, StringField, TextAreaField
from wtforms.validators import Length

from ..extensions import db
from ..i18n import TranslatedForm
from ..models import Organization, UnitChange
from ..workflow import reorganization, split_file
from ..workflow.reorganization import KIND_LABELS, ReorganizationRefused
from .forms import NotBlank, VNDateField

MAX_ASSIGNMENT = 2_000_000  # characters of a split's assignment (about 40,000 lines)


def decision_form(note_label=_l("Note"), **fields) -> type[TranslatedForm]:
    """A form with ``fields`` first, then the decision: number, date, who issued it, a note
    (merges, transfers and every change of a unit share it)."""
    attrs = dict(fields)
    attrs.update(
        number=StringField(_l("Decision number"), validators=[Length(max=50)]),
        act_date=VNDateField(_l("Date of the decision")),
        issuer=StringField(_l("Issued by"), validators=[Length(max=200)]),
        note=TextAreaField(note_label, validators=[Length(max=2000)]))
    return type("DecisionForm", (TranslatedForm,), attrs)


def change_of(form, model=UnitChange):
    """The decision typed in a ``decision_form``, as a ``UnitChange`` (or a ``Transfer``)."""
    return model(number=(form.number.data or "").strip(), act_date=form.act_date.data,
                 issuer=(form.issuer.data or "").strip(), note=form.note.data)


@dataclass(frozen=True)
class Operation:
    """One change of a unit: its page title, its button, its own fields, what the preview
    counts and how it runs (raising ``ReorganizationRefused``); ``run`` returns the message
    shown once done."""

    title: object
    button: object
    fields: Callable[[object], dict]  # view -> {name: unbound field}
    counts: Callable[[Organization, object], dict | None]
    run: Callable[[Organization, object, UnitChange], str]


def _rename(unit, form, change):
    old = unit.name
    reorganization.rename(unit, (form.name.data or "").strip(), change, actor=current_user)
    return _("%(old)s is now called %(new)s.", old=old, new=unit.name)


def _move(unit, form, change):
    reorganization.move(unit, form.parent.data, change, actor=current_user)
    return _("%(unit)s now reports to %(parent)s.", unit=unit.name, parent=form.parent.data.name)


def _dissolve(unit, form, change):
    reorganization.dissolve(unit, change, actor=current_user)
    return _("%(unit)s ended on %(day)s.", unit=unit.name, day=f"{change.act_date:%d/%m/%Y}")


def _establish(unit, form, change):
    new = Organization(name=(form.name.data or "").strip(),
                       code=(form.code.data or "").strip() or None,
                       level=(form.level.data or "").strip(), sector=unit.sector)
    db.session.add(new)
    new.parent = unit
    reorganization.establish(new, change, actor=current_user)
    return _("%(unit)s was established under %(parent)s.", unit=new.name, parent=unit.name)


def _assignment(unit, form) -> tuple[dict, list[str]]:
    """The assignment read from the uploaded list if any, else from the box (the list is kept
    in the box for the confirmation); read once for the preview and the split."""
    if not hasattr(form, "read_assignment"):
        upload = request.files.get(form.upload.name)
        if upload is not None and upload.filename:
            form.assignment.data = upload.read(MAX_ASSIGNMENT).decode("utf-8-sig",
                                                                      errors="replace")
        form.read_assignment = split_file.read(unit, (form.assignment.data or "").splitlines())
    return form.read_assignment


def _split(unit, form, change):
    assignment, problems = _assignment(unit, form)
    if problems:
        raise ReorganizationRefused(problems)
    reorganization.split(unit, assignment, change, actor=current_user)
    return _("%(unit)s was split.", unit=unit.name)


def _split_counts(unit, form):
    assignment, _problems = _assignment(unit, form)
    return {f"{target.name} — {KIND_LABELS[kind]}": count
            for (target, kind), count in split_file.shares(assignment).items()}


def _parent_field(view):
    return {"parent": AjaxSelectField(view._form_ajax_refs["parent"], _l("Reports to"),
                                      validators=[NotBlank(_l("Choose the unit it moves under."))])}


OPERATIONS = {
    "rename": Operation(
        _l("Rename a unit"), _l("Rename"),
        lambda view: {"name": StringField(_l("New name"), validators=[Length(max=200)])},
        lambda unit, form: None, _rename),
    "move": Operation(_l("Move a unit under another"), _l("Move"), _parent_field,
                      lambda unit, form: reorganization.moving_with(unit), _move),
    "split": Operation(
        _l("Split a unit"), _l("Split"),
        lambda view: {
            "assignment": TextAreaField(
                _l("Where each goes: one line “kind,key,new unit code”"),
                validators=[Length(max=MAX_ASSIGNMENT)], render_kw={"rows": 14},
                description=_l("The box lists everything the unit holds; write the code of "
                               "the unit that takes each in the third column, or upload the "
                               "same list filled in (CSV, UTF-8).")),
            "upload": FileField(_l("Or upload the filled list"))},
        _split_counts, _split),
    "dissolve": Operation(_l("Dissolve a unit"), _l("Dissolve"), lambda view: {},
                          lambda unit, form: None, _dissolve),
    "establish": Operation(
        _l("Establish a unit under this one"), _l("Establish"),
        lambda view: {"name": StringField(_l("Name"), validators=[Length(max=200)]),
                      "code": StringField(_l("Code"), validators=[Length(max=50)]),
                      "level": StringField(_l("Level"), validators=[Length(max=100)])},
        lambda unit, form: None, _establish),
}


class UnitChangeViews:
    """Mixed into the organization view: ``/change/<operation>/?id=<unit>``."""

    @expose("/change/<operation>/", methods=("GET", "POST"))
    def change_view(self, operation: str):
        found = OPERATIONS.get(operation)
        if found is None:
            abort(404)
        unit = self.get_one(request.args.get("id"))
        back = self.get_url(".details_view", id=unit.id)
        if not self.can_edit:
            flash(_("You may not change the tree."), "error")
            return redirect(back)
        form = decision_form(**found.fields(self))()
        if request.method == "GET" and operation == "split":
            form.assignment.data = split_file.template(unit)
        counts, refused = None, []
        if form.validate_on_submit():
            counts = found.counts(unit, form)
            try:
                message = found.run(unit, form, change_of(form))
            except ReorganizationRefused as error:
                refused = error.reasons
            if "confirm" in request.form and not refused:
                db.session.commit()
                flash(message, "success")
                return redirect(back)
            db.session.rollback()  # a preview, or refused: nothing changed
            unit = self.get_one(unit.id)
        return self.render("devparty/unit_change.html", form=form, unit=unit, operation=found,
                           counts=counts, refused=refused, kinds=KIND_LABELS, back=back)
