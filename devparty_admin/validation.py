"""Checks on what people type about a person, shared by the forms and the Excel import, so a
value refused on one is refused on the other with the same words."""
from __future__ import annotations

import re
from datetime import date

from flask_babel import gettext as _

from .workflow.calendar import add_months

YOUNGEST_YEARS, OLDEST_YEARS = 14, 110  # a plausible person on the path or on the roll
PHONE = re.compile(r"^\+?[0-9][0-9 .()-]*$")
PHONE_DIGITS = (9, 15)


def birth_date_problem(born: date, today: date | None = None) -> str | None:
    """Why ``born`` cannot be a candidate's or member's date of birth (None: plausible)."""
    today = today or date.today()
    if born > today:
        return _("The date of birth cannot be in the future.")
    if born > add_months(today, -12 * YOUNGEST_YEARS) or born < add_months(today, -12 * OLDEST_YEARS):
        return _("A date of birth of %(day)s makes the person younger than %(young)s or older "
                 "than %(old)s; check the year.", day=born.strftime("%d/%m/%Y"),
                 young=YOUNGEST_YEARS, old=OLDEST_YEARS)
    return None


def phone_problem(phone: str) -> str | None:
    """A phone number: digits, optionally +, spaces, dots, dashes or brackets; 9 to 15 digits."""
    digits = sum(character.isdigit() for character in phone)
    if not PHONE.match(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return _("“%(phone)s” is not a phone number: use digits only (9 to 15), e.g. "
                 "0912 345 678.", phone=phone)
    return None
