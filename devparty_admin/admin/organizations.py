"""The organization tree screen: tree order, indented names, subtree member and candidate counts."""
from __future__ import annotations

from flask import g
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from wtforms import SelectField, ValidationError
from wtforms.validators import NumberRange, Optional

from ..extensions import db
from ..models import Candidate, Member, Organization
from ..plugins.loader import plugins
from .base import FoldedSearch, ScopedModelView
from .forms import NotBlank, Unique
from .labels import LABELS
from .reorganization import MergeViews
from .unit_changes import OPERATIONS, UnitChangeViews


def subtree_totals(model, organizations: list[Organization]) -> dict[int, int]:
    """Rows of ``model`` under each given organization, in one grouped query."""
    if not organizations:
        return {}
    top = aliased(Organization)
    below = aliased(Organization)
    query = (
        select(top.id, func.count(model.id))
        .join(below, below.path.startswith(top.path))
        .join(model, model.organization_id == below.id)
        .where(top.id.in_([org.id for org in organizations]))
        .group_by(top.id)
    )
    return dict(db.session.execute(query).all())


def _indented_name(view, context, org, name):
    """Indent by depth below the user's own unit, so their unit starts at the margin."""
    home = current_user.organization
    depth = org.depth - (home.depth if home is not None else 0)
    return Markup('<span class="d-inline-block" style="padding-left:{}em">{}</span>').format(
        1.5 * max(depth, 0), escape(org.name))


def _page_total(key):
    def formatter(view, context, org, name):
        return g.get(key, {}).get(org.id, 0)

    return formatter


def _sector_label(view, context, org, name):
    return plugins().sector_labels.get(org.sector, org.sector or "")


class OrganizationView(MergeViews, UnitChangeViews, FoldedSearch, ScopedModelView):
    resource = "organization"
    details_template = "devparty/organization_details.html"
    column_labels = LABELS
    column_list = ["name", "code", "level", "sector", "staff_count", "member_total",
                   "candidate_total", "active"]
    column_details_list = ["name", "code", "level", "sector", "parent", "place", "staff_count",
                           "active", "established_on", "ended_on", "decides_admission",
                           "grassroots", "delegated_on", "delegation_act"]
    column_export_list = ["name", "code", "level", "sector", "staff_count", "active"]
    column_default_sort = "path"
    column_sortable_list = []
    search_hint = _l("Code, or any part of the name")
    column_formatters = {
        "name": _indented_name,
        "member_total": _page_total("member_totals"),
        "candidate_total": _page_total("candidate_totals"),
        "sector": _sector_label,
    }
    column_formatters_detail = {"sector": _sector_label}
    column_formatters_export = {"sector": _sector_label}
    form_overrides = {"sector": SelectField}
    form_columns = ["name", "code", "level", "sector", "parent", "place", "staff_count", "active",
                    "decides_admission", "grassroots", "delegated_on", "delegation_act"]
    form_ajax_refs = {
        "parent": {"fields": ["name"], "order_by": Organization.path, "page_size": 20,
                   "filters": ["ended_on IS NULL"],
                   "placeholder": _l("Type the code or part of the organization's name")},
    }
    form_args = {
        "name": {"validators": [NotBlank(_l("Please enter the organization's name."))]},
        "code": {"validators": [Unique(Organization.code, _l("This organization code is already used."))]},
        "staff_count": {"validators": [Optional(), NumberRange(min=0, max=1_000_000)]},
        "sector": {"choices": [], "coerce": lambda value: value or None},
    }

    def _with_sectors(self, form):
        """The sectors of the installed plugins, by label; a unit keeps a sector no plugin
        serves any more."""
        choices = [("", "—"), *sorted(plugins().sector_labels.items(), key=lambda item: item[1])]
        current = form.sector.data
        if current and current not in dict(choices):
            choices.append((current, current))
        form.sector.choices = choices
        return form

    def create_form(self, obj=None):
        return self._with_sectors(super().create_form(obj))

    def edit_form(self, obj=None):
        return self._with_sectors(super().edit_form(obj))

    def render(self, template, **kwargs):
        kwargs.setdefault("unit_operations", [(code, op.button) for code, op in OPERATIONS.items()])
        return super().render(template, **kwargs)

    def prepare_rows(self, rows):
        """One grouped query per count column for the rows at hand, never one per row."""
        g.member_totals = subtree_totals(Member, rows)
        g.candidate_totals = subtree_totals(Candidate, rows)

    def on_model_change(self, form, org, is_created):
        if org.parent is not None and not is_created and org.contains(org.parent):
            raise ValidationError(_("An organization cannot be moved under itself or its own sub-unit."))
        if org.code is not None:
            org.code = org.code.strip() or None

    def on_model_delete(self, org):
        for model in (Organization, Candidate, Member):
            column = model.parent_id if model is Organization else model.organization_id
            if db.session.scalar(select(column).where(column == org.id).limit(1)) is not None:
                raise ValidationError(
                    _("This organization still has sub-units, candidates or members; "
                      "move them first.")
                )


def organization_views() -> list[ScopedModelView]:
    return [OrganizationView(Organization, name=_l("Organizations"), endpoint="organization")]
