"""The plans screen: each unit's yearly targets, with the admissions achieved so far (counted
from stage events, one grouped query for the page)."""
from __future__ import annotations

from flask import g
from flask_admin.contrib.sqla.filters import FilterEqual
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import extract, func, select
from sqlalchemy.orm import aliased
from wtforms import ValidationError
from wtforms.validators import NumberRange, Optional

from ..extensions import db
from ..models import Candidate, Organization, Plan, StageEvent, in_force
from ..models.plans import QUARTERS
from ..reports.tables import PERCENT, Cell, ratio
from .base import ScopedModelView
from .filters import keyed
from .forms import NotBlank
from .people import ORGANIZATION_PICKER, ORGANIZATION_REQUIRED

TARGET_COLUMNS = ("target_admissions", "target_sympathizers", "target_awareness",
                  "target_new_member_class")
COUNT = {"validators": [Optional(), NumberRange(min=0, max=1_000_000)]}


def admissions_for(plans: list[Plan]) -> dict[int, int]:
    """Admissions in each plan's year under its unit, in one grouped query."""
    if not plans:
        return {}
    top, below = aliased(Organization), aliased(Organization)
    query = (select(Plan.id, func.count(StageEvent.id))
             .join(top, top.id == Plan.organization_id)
             .join(below, below.path.startswith(top.path))
             .join(Candidate, Candidate.organization_id == below.id)
             .join(StageEvent, StageEvent.candidate_id == Candidate.id)
             .where(Plan.id.in_([plan.id for plan in plans]), StageEvent.to_stage == "admitted",
                    in_force(),
                    extract("year", StageEvent.effective_on) == Plan.year)
             .group_by(Plan.id))
    return dict(db.session.execute(query).all())


def _admitted(view, context, plan, name):
    return g.get("plan_admissions", {}).get(plan.id, 0)


def _share(view, context, plan, name):
    done = g.get("plan_admissions", {}).get(plan.id, 0)
    return Cell(ratio(done, plan.target_admissions), kind=PERCENT).display()


class PlanView(ScopedModelView):
    resource = "plan"
    column_list = ["organization", "year", "number", "issued_on", "target_admissions",
                   "admitted", "share", "target_sympathizers", "target_awareness",
                   "target_new_member_class"]
    column_details_list = ["organization", "year", "number", "issued_on", *TARGET_COLUMNS,
                           *QUARTERS, "created_at"]
    column_export_list = ["organization", "year", "number", "issued_on", *TARGET_COLUMNS, *QUARTERS]
    column_labels = {
        "organization": _l("Party organization"), "year": _l("Year"),
        "number": _l("Plan number"), "issued_on": _l("Issued on"),
        "target_admissions": _l("Admissions target"), "admitted": _l("Admitted"),
        "share": _l("Share of the target"), "target_sympathizers": _l("Sympathizers target"),
        "target_awareness": _l("Awareness-class target"),
        "target_new_member_class": _l("New-member-class target"),
        "q1_admissions": _l("Admissions target, quarter 1"),
        "q2_admissions": _l("Admissions target, quarter 2"),
        "q3_admissions": _l("Admissions target, quarter 3"),
        "q4_admissions": _l("Admissions target, quarter 4"),
        "created_at": _l("Created"),
    }
    column_formatters = {"admitted": _admitted, "share": _share}
    column_default_sort = [("year", True)]
    column_sortable_list = ["year", "target_admissions"]
    form_columns = ["organization", "year", "number", "issued_on", *TARGET_COLUMNS, *QUARTERS]
    form_ajax_refs = {"organization": ORGANIZATION_PICKER}
    form_args = {
        "organization": {"validators": [NotBlank(ORGANIZATION_REQUIRED)]},
        "year": {"validators": [NotBlank(_l("Please enter the year.")), NumberRange(
            min=1930, max=2100, message=_l("Enter a year between 1930 and 2100."))]},
        **{column: COUNT for column in (*TARGET_COLUMNS, *QUARTERS)},
    }

    def __init__(self, model, **kwargs) -> None:
        self.column_filters = [keyed(FilterEqual(model.year, _l("Year")), "year")]
        self.column_select_related_list = [model.organization]
        super().__init__(model, **kwargs)

    def prepare_rows(self, rows):
        g.plan_admissions = admissions_for(rows)

    def on_model_change(self, form, plan, is_created):
        """A unit has one plan a year; quarter targets may not add up to more than the year's."""
        with db.session.no_autoflush:  # the new plan is in the session but not yet written
            duplicate = db.session.scalar(select(Plan.id).where(
                Plan.organization_id == plan.organization.id, Plan.year == plan.year,
                Plan.id != (plan.id or 0)))
        if duplicate is not None:
            raise ValidationError(_("This unit already has a plan for %(year)s.", year=plan.year))
        quarters = [getattr(plan, q) for q in QUARTERS if getattr(plan, q) is not None]
        if quarters and plan.target_admissions is not None and sum(quarters) > plan.target_admissions:
            raise ValidationError(_("The quarter targets add up to %(sum)s, more than the year's "
                                    "admissions target (%(target)s).", sum=sum(quarters),
                                    target=plan.target_admissions))


def plan_views() -> list[ScopedModelView]:
    return [PlanView(Plan, name=_l("Plans"), endpoint="plan")]
