"""Optimistic locking on edit forms: a save never silently overwrites someone else's save."""
from __future__ import annotations

from flask import flash, request
from flask_babel import gettext as _
from wtforms import HiddenField

from .base import parse_id
from .labels import LABELS


def _shown(value, choices=None) -> str:
    """A value as the form shows it: a code's label, dd/mm/yyyy, Có/Không."""
    if value is None or value == "":
        return "—"
    if choices is not None:
        return choices.label(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


class VersionChecked:
    """For models with a ``version`` column (SQLAlchemy's version_id_col).

    The edit form carries the version it was opened at. If the record was saved since, the save
    is refused: the user's input stays in the form and the message lists the values the other
    person saved, so both versions are in view. Saving again then overwrites knowingly.
    """

    def scaffold_form(self):
        form_class = super().scaffold_form()
        form_class.opened_version = HiddenField()
        return form_class

    def edit_form(self, obj=None):
        form = super().edit_form(obj)
        if obj is not None and request.method == "GET":
            form.opened_version.data = str(obj.version)
        return form

    def update_model(self, form, model) -> bool:
        opened = parse_id(form.opened_version.data or "")
        if opened is None:
            flash(_("This form was not opened from the record's page (its version is missing), "
                    "so nothing was saved. Open the record again and make your changes."), "error")
            form.opened_version.data = str(model.version)
            return False
        if opened != model.version:
            theirs = [f"{LABELS.get(field.name, field.label.text)}: "
                      f"{_shown(getattr(model, field.name), self.choice_columns.get(field.name))}"
                      for field in form if field.name in (self.form_columns or ())
                      and _shown(getattr(model, field.name, None)) != _shown(field.data)]
            flash(_("Someone else saved this record after you opened it, so your changes were not "
                    "saved. They are still in the form below; the other saved values are: "
                    "%(values)s. Save again to keep yours.", values="; ".join(theirs) or "—"),
                  "error")
            form.opened_version.data = str(model.version)
            return False
        return super().update_model(form, model)
