"""Plugin fields on the candidate form: shown and saved only for the candidate's sector."""
from __future__ import annotations

from flask import g, request
from flask_admin.contrib.sqla.form import get_form
from flask_admin.form import Select2Field
from flask_login import current_user
from sqlalchemy import select
from wtforms.validators import Optional

from ..extensions import db
from ..plugins.extension import SEPARATOR, CandidateExtension
from ..plugins.loader import plugins

EXPORTED = "sector:"  # export column names of a sector's fields: "sector:police__rank"


class ExtensionFields:
    """Mixed into the candidate view, which receives the plugins' extensions when it is built."""

    def __init__(self, model, extensions=(), **kwargs) -> None:
        self.extensions: list[CandidateExtension] = list(extensions)
        super().__init__(model, **kwargs)

    def scaffold_form(self):
        form_class = super().scaffold_form()
        converter = self.model_form_converter(self.session, self)
        for extension in self.extensions:
            generated = get_form(extension.model, converter, only=extension.fields)
            for column in extension.fields:
                label = extension.labels.get(column, column)
                if column in extension.choices:
                    unbound = Select2Field(label, choices=list(extension.choices[column]),
                                           allow_blank=True, validators=[Optional()])
                else:
                    unbound = getattr(generated, column)
                    unbound.kwargs["label"] = label
                setattr(form_class, extension.form_name(column), unbound)
        return form_class

    # --- the export: the user's sector's fields after the core's ------------------------------
    def _user_extensions(self) -> list[CandidateExtension]:
        """The enabled extensions of the user's own sector (none for a user above sectors)."""
        sector = getattr(getattr(current_user, "organization", None), "sector", None)
        enabled = plugins().enabled()
        return [e for e in self.extensions
                if sector is not None and e.sector == sector and e.plugin in enabled]

    def export_columns(self):
        return [*super().export_columns(),
                *((f"{EXPORTED}{e.plugin}{SEPARATOR}{column}", e.labels.get(column, column))
                  for e in self._user_extensions() for column in e.fields)]

    def prepare_rows(self, rows) -> None:
        """The batch's sector profiles, one query per extension (never one per row)."""
        super().prepare_rows(rows)
        ids = [row.id for row in rows]
        g.sector_profiles = {
            e.plugin: {p.candidate_id: p for p in db.session.scalars(
                select(e.model).where(e.model.candidate_id.in_(ids)))} if ids else {}
            for e in self._user_extensions()}

    def export_reader(self, name: str):
        if not name.startswith(EXPORTED):
            return super().export_reader(name)
        plugin, _sep, column = name[len(EXPORTED):].partition(SEPARATOR)
        extension = next(e for e in self.extensions if e.plugin == plugin)
        choices = extension.choices.get(column)

        def read(record):
            value = getattr(g.sector_profiles.get(plugin, {}).get(record.id), column, None)
            return choices.label(value) if choices is not None and value is not None else value
        return read

    def shown_extensions(self, candidate) -> list[CandidateExtension]:
        """Enabled extensions for ``candidate``'s sector (all enabled ones before it has a unit)."""
        enabled = plugins().enabled()
        unit = getattr(candidate, "organization", None)
        return [e for e in self.extensions if e.plugin in enabled
                and (unit is None or e.sector in (None, unit.sector))]

    def extension_values(self, candidate) -> list[tuple[str, str, str]]:
        """(plugin label, field label, shown value) for the details page."""
        rows = []
        for extension in self.shown_extensions(candidate):
            profile = getattr(candidate, extension.backref, None)
            label = plugins().plugins[extension.plugin].manifest.label
            for column in extension.fields:
                value = getattr(profile, column, None)
                if column in extension.choices:
                    value = extension.choices[column].label(value)
                rows.append((label, extension.labels.get(column, column), value or ""))
        return rows

    def _keep_only(self, form, shown) -> None:
        for extension in self.extensions:
            if extension not in shown:
                for column in extension.fields:
                    delattr(form, extension.form_name(column))

    def create_form(self, obj=None):
        form = super().create_form(obj)
        self._keep_only(form, self.shown_extensions(None))
        return form

    def edit_form(self, obj=None):
        form = super().edit_form(obj)
        shown = self.shown_extensions(obj)
        self._keep_only(form, shown)
        if request.method == "GET":
            for extension in shown:
                profile = getattr(obj, extension.backref, None)
                for column in extension.fields:
                    form[extension.form_name(column)].data = getattr(profile, column, None)
        return form

    def on_model_change(self, form, candidate, is_created):
        super().on_model_change(form, candidate, is_created)
        for extension in self.shown_extensions(candidate):
            names = [extension.form_name(column) for column in extension.fields]
            if not all(name in form for name in names):
                continue
            profile = getattr(candidate, extension.backref, None) or extension.model()
            for column, name in zip(extension.fields, names):
                setattr(profile, column, form[name].data or None)
            setattr(candidate, extension.backref, profile)

