"""The working calendar screen: the announced day swaps the deadlines count with. Everyone
reads it; administrators add the next year's swaps as the government announces them."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import ValidationError

from ..models import CalendarChange
from .base import ScopedModelView
from .forms import NotBlank, Unique
from .labels import LABELS


class CalendarView(ScopedModelView):
    resource = "calendar"
    column_labels = LABELS
    column_list = ["day", "working", "note"]
    column_default_sort = ("day", True)
    column_formatters = {"working": lambda view, context, change, name: (
        _("Worked (a weekend day)") if change.working else _("Day off (a weekday)"))}
    form_columns = ["day", "working", "note"]
    form_args = {"day": {"validators": [NotBlank(_l("Enter the day.")), Unique(
        CalendarChange.day, _l("This day is already in the calendar; open it to change it."),
        normalize=lambda value: value)]}}

    def on_model_change(self, form, change, is_created):
        weekend = change.day.weekday() >= 5
        if change.working != weekend:
            raise ValidationError(_("A day worked must be a Saturday or Sunday, a day off must be "
                                    "a weekday (holidays themselves are already known)."))


def calendar_views() -> list[ScopedModelView]:
    return [CalendarView(CalendarChange, name=_l("Working calendar"), endpoint="calendar")]
