"""Form pieces shared by every admin screen: Vietnamese dates, messages and validators."""
from __future__ import annotations

import re
from datetime import date

from flask_admin.contrib.sqla.form import AdminModelConverter
from flask_admin.form import BaseForm, rules
from flask_admin.model.form import converts
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import escape
from sqlalchemy import select
from wtforms import DateField, ValidationError
from wtforms.validators import InputRequired, StopValidation
from wtforms.widgets import TextInput

from ..extensions import db
from ..i18n import FormTranslations
from ..validation import birth_date_problem, phone_problem

_TRANSLATIONS = FormTranslations()


class AdminForm(BaseForm):
    """Base of every admin form: validator messages come from our Vietnamese catalog."""

    class Meta:
        def get_translations(self, form):
            return _TRANSLATIONS

    def validate(self, extra_validators=None) -> bool:
        """Validate, then render lazy messages: Flask-Admin's templates only show plain strings."""
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field.errors, list):
                field.errors[:] = [e if isinstance(e, dict) else str(e) for e in field.errors]
        return valid


class VNDateField(DateField):
    """A date typed as dd/mm/yyyy in a plain text box, with a Vietnamese error message.

    Not ``type=date``: browsers show that in their own locale's format and need ISO values.
    """

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"placeholder": "dd/mm/yyyy", "autocomplete": "off", "data-role": "vn-date"}
        render_kw.update(kwargs.pop("render_kw", None) or {})
        super().__init__(label, validators, format="%d/%m/%Y", render_kw=render_kw, **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_("Enter the date as dd/mm/yyyy, e.g. 02/09/1995.")) from error

    def _value(self):
        if self.raw_data:
            return " ".join(self.raw_data)
        return self.data.strftime("%d/%m/%Y") if self.data else ""


class ModelConverter(AdminModelConverter):
    """Turns model columns into form fields, with dates typed as dd/mm/yyyy."""

    @converts("Date")
    def convert_date(self, field_args, **extra):
        field_args.pop("widget", None)
        return VNDateField(**field_args)


class Unique:
    """No other row has this value in ``column`` (compared after ``normalize``).

    Checked across all units, not only the user's: the database constraint is global too.
    """

    def __init__(self, column, message, normalize=str.strip) -> None:
        self.column, self.message, self.normalize = column, message, normalize

    def __call__(self, form, field) -> None:
        value = self.normalize(field.data or "")
        if not value:
            return
        model = self.column.class_
        own_id = getattr(getattr(form, "_obj", None), "id", None)
        query = select(model.id).where(self.column == value)
        if own_id is not None:
            query = query.where(model.id != own_id)
        if db.session.scalar(query.limit(1)) is not None:
            raise ValidationError(str(self.message))


NATIONAL_ID = re.compile(r"^\d{12}$")


def national_id_validators(model) -> list:
    """CCCD: exactly 12 digits and not used by another record of the same model."""

    def twelve_digits(form, field) -> None:
        value = (field.data or "").strip()
        if value and not NATIONAL_ID.match(value):
            raise ValidationError(_("The citizen ID (CCCD) must be exactly 12 digits."))

    return [twelve_digits, Unique(model.national_id,
                                  _l("This citizen ID (CCCD) is already used by another record."))]


class BirthDate:
    """A plausible date of birth (``validation.birth_date_problem``)."""

    def __call__(self, form, field) -> None:
        problem = birth_date_problem(field.data) if field.data is not None else None
        if problem:
            raise ValidationError(problem)


def phone_number(form, field) -> None:
    value = (field.data or "").strip()
    problem = phone_problem(value) if value else None
    if problem:
        raise ValidationError(problem)


class NotBlank(InputRequired):
    """Required, with our message, and not only spaces (InputRequired lets '   ' through).

    Being an InputRequired, it also stops Flask-Admin adding its own generic "required" check.
    """

    def __call__(self, form, field) -> None:
        if field.data is None or (isinstance(field.data, str) and not field.data.strip()):
            field.errors[:] = []
            raise StopValidation(str(self.message))


def not_in_future(form, field) -> None:
    if field.data is not None and field.data > date.today():
        raise ValidationError(_("This date cannot be in the future."))


class PresentField(rules.Field):
    """A field rule that renders nothing when the form has no such field (a sector's fields
    are taken out of the form for candidates of other sectors). A hidden field is listed only
    to stay in the form: Flask-Admin writes the hidden fields itself."""

    def __call__(self, form, form_opts=None, field_args=None):
        field = getattr(form, self.field_name, None)
        if field is None or field.type == "HiddenField":
            return ""
        return super().__call__(form, form_opts, field_args)


class Section(rules.NestedRule):
    """A titled group of fields on a form; hidden whole when the form has none of them. A
    sector's section carries its sector (``data-sector``): the new-candidate form shows only
    the section of the unit picked (static/js/sector-fields.js)."""

    def __init__(self, header, names: list[str], sector: str | None = None) -> None:
        self.names = list(names)
        opening = f'<div class="form-section" data-sector="{escape(sector)}">' if sector \
            else '<div class="form-section">'
        super().__init__([rules.HTML(opening), rules.Header(header),
                          *(PresentField(name) for name in self.names), rules.HTML("</div>")])

    def __call__(self, form, form_opts=None, field_args=None):
        if not any(getattr(form, name, None) is not None for name in self.names):
            return ""
        return super().__call__(form, form_opts, field_args)
