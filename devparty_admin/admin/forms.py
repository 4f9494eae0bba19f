"""Form pieces shared by every admin screen: Vietnamese dates, messages and validators."""
from __future__ import annotations

import re
from datetime import date

from flask_admin.contrib.sqla.form import AdminModelConverter
from flask_admin.form import BaseForm
from flask_admin.model.form import converts
from flask_babel import gettext as _
from sqlalchemy import select
from wtforms import DateField, ValidationError

from ..extensions import db
from ..i18n import FormTranslations

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
    """A date typed as dd/mm/yyyy in a plain text box, with a Vietnamese error message."""

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"placeholder": "dd/mm/yyyy", "autocomplete": "off"}
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


NATIONAL_ID = re.compile(r"^\d{12}$")


class NationalId:
    """CCCD: exactly 12 digits and not used by another record of the same model."""

    def __init__(self, model) -> None:
        self.model = model

    def __call__(self, form, field) -> None:
        value = (field.data or "").strip()
        if not value:
            return
        if not NATIONAL_ID.match(value):
            raise ValidationError(_("The citizen ID (CCCD) must be exactly 12 digits."))
        own_id = getattr(getattr(form, "_obj", None), "id", None)
        query = select(self.model.id).where(self.model.national_id == value)
        if own_id is not None:
            query = query.where(self.model.id != own_id)
        if db.session.scalar(query.limit(1)) is not None:
            raise ValidationError(_("This citizen ID (CCCD) is already used by another record."))


class BirthDate:
    """A date of birth between 01/01/1900 and today."""

    def __call__(self, form, field) -> None:
        if field.data is None:
            return
        if field.data > date.today():
            raise ValidationError(_("The date of birth cannot be in the future."))
        if field.data < date(1900, 1, 1):
            raise ValidationError(_("The date of birth cannot be before 01/01/1900."))


class NotBlank:
    """Required, and not only spaces (DataRequired lets '   ' through into a stripped name)."""

    def __init__(self, message) -> None:
        self.message = message

    def __call__(self, form, field) -> None:
        if field.data is None or (isinstance(field.data, str) and not field.data.strip()):
            field.errors[:] = []
            raise ValidationError(self.message)
