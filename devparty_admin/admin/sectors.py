"""Candidates of one sector, listed with their plugin's fields as columns and filters."""
from __future__ import annotations

from flask import url_for
from flask_admin.contrib.sqla.filters import FilterEqual, FilterLike
from flask_admin.tools import rec_getattr
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import String, select

from ..models import Candidate, Organization
from ..models.choices import GENDERS, STAGES
from ..plugins.extension import CandidateExtension
from .labels import LABELS
from .people import PersonView


class SectorCandidateView(PersonView):
    """The candidates of one sector with its plugin's fields as list columns and filters
    (read-only: the candidate screen edits them). Hidden while the plugin is disabled and from
    users of another sector."""

    resource = "candidate"
    read_only = True
    can_view_details = False
    choice_columns = {"gender": GENDERS, "stage": STAGES}

    def __init__(self, extension: CandidateExtension, **kwargs) -> None:
        self.extension = extension
        self.plugin_name = extension.plugin
        columns = [f"{extension.backref}.{column}" for column in extension.fields]
        self.column_list = ["full_name", "date_of_birth", "organization", "stage", *columns]
        self.column_export_list = self.column_list
        self.column_labels = {**LABELS, **{f"{extension.backref}.{column}":
                                           extension.labels.get(column, column)
                                           for column in extension.fields}}
        labels = {f"{extension.backref}.{column}": _choice_label(extension.choices[column])
                  for column in extension.fields if column in extension.choices}
        self.column_formatters = {"full_name": _details_link, **labels}
        # Exports hold plain text: the name without its link.
        self.column_formatters_export = {"full_name": lambda v, c, m, n: m.full_name, **labels}
        super().__init__(Candidate, **kwargs)

    def extra_related(self, model) -> list:
        return [getattr(model, self.extension.backref)]

    def extra_filters(self, model) -> list:
        """Coded fields filter by their list of values, text fields by a part of the text."""
        filters = []
        for column in self.extension.fields:
            attribute = getattr(self.extension.model, column)
            label = self.extension.labels.get(column, column)
            if column in self.extension.choices:
                filters.append(FilterEqual(attribute, label,
                                           options=list(self.extension.choices[column])))
            elif isinstance(attribute.type, String):
                filters.append(FilterLike(attribute, label))
        return filters

    def row_conditions(self, placeholders: bool = False) -> list:
        """The sector's units on top of the scope: a sub-select, not a join (Flask-Admin joins
        the profile itself for its filters)."""
        units = select(Organization.id).where(Organization.sector == self.extension.sector)
        return [*super().row_conditions(placeholders), Candidate.organization_id.in_(units)]


def _details_link(view, context, candidate, name):
    return Markup('<a href="{}">{}</a>').format(
        url_for("candidate.details_view", id=candidate.id), candidate.full_name)


def _choice_label(choices):
    def formatter(view, context, candidate, name):
        return choices.label(rec_getattr(candidate, name))
    return formatter


def sector_candidate_views(extensions: list[CandidateExtension], registry) -> list:
    """One list per plugin that extends candidates, with its sector's columns."""
    return [SectorCandidateView(extension, endpoint=f"candidate_{extension.plugin}", name=_l(
        "Candidates of the %(sector)s sector",
        sector=registry.plugins[extension.plugin].manifest.label)) for extension in extensions]
