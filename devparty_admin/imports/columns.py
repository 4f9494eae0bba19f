"""The columns of an import file: the Vietnamese header, the field it fills and how a cell's
text becomes a value (or a message saying what is wrong with it)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from ..models.choices import Choices
from ..validation import birth_date_problem, phone_problem
from ..vietnamese import fold, normalize_spaces


class CellError(ValueError):
    """A cell that cannot be used; the message is shown with its row and column."""


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    parse: Callable[[str], object]
    required: bool = False
    sample: object = ""
    choices: Choices | None = None  # coded values: the template offers their labels

    def sample_text(self):
        return self.choices.label(self.sample) if self.choices is not None else self.sample


def coded(header: str, field: str, choices: Choices, sample: str, required: bool = False) -> Column:
    return Column(header, field, choice(choices), required, sample, choices)


def text(limit: int):
    def parse(raw: str) -> str | None:
        value = normalize_spaces(raw)
        if len(value) > limit:
            raise CellError(_("At most %(limit)s characters.", limit=limit))
        return value or None
    return parse


DAY_FIRST = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def _calendar_date(raw: str) -> date | None:
    """dd/mm/yyyy, or yyyy-mm-dd (a date cell as the reader gives it); None if neither or no
    such day. Matched directly: ``strptime`` was a tenth of an import's check."""
    if found := DAY_FIRST.fullmatch(raw):
        day, month, year = found.groups()
    elif found := ISO_DATE.fullmatch(raw):
        year, month, day = found.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def past_date(raw: str) -> date | None:
    """dd/mm/yyyy (or a date cell, read as such), not in the future, not before 1900."""
    raw = raw.strip()
    if not raw:
        return None
    value = _calendar_date(raw)
    if value is None:
        raise CellError(_("Not a date; write it as dd/mm/yyyy."))
    if value > date.today():
        raise CellError(_("The date %(date)s is in the future.", date=value.strftime("%d/%m/%Y")))
    if value.year < 1900:
        raise CellError(_("The date cannot be before 01/01/1900."))
    return value


def birth_date(raw: str) -> date | None:
    """A date (as ``past_date``) that is a plausible date of birth."""
    value = past_date(raw)
    problem = birth_date_problem(value) if value is not None else None
    if problem:
        raise CellError(problem)
    return value


def phone(raw: str) -> str | None:
    value = normalize_spaces(raw)
    problem = phone_problem(value) if value else None
    if problem:
        raise CellError(problem)
    return value or None


NATIONAL_ID = re.compile(r"^\d{12}$")


def national_id(raw: str) -> str | None:
    value = raw.strip()
    if value and not NATIONAL_ID.match(value):
        raise CellError(_("The citizen ID (CCCD) must be exactly 12 digits (format the column as "
                          "Text so leading zeros stay)."))
    return value or None


def choice(choices: Choices):
    """A label as the screens show it, in Vietnamese or English (accents and case optional), or
    the stored code. What a cell may say is worked out once, not once per cell (a
    100,000-row file has a million coded cells)."""
    accepted: dict[str, str] = {}

    def parse(raw: str) -> str | None:
        if raw in accepted:  # the same few spellings fill the whole column
            return accepted[raw]
        wanted = fold(raw)
        if not wanted:
            return None
        if not accepted:
            for code, label in choices:
                for language in current_app.config["DEVPARTY_LANGUAGES"]:
                    with force_locale(language):
                        accepted[fold(str(label))] = code
                accepted[code] = code
        code = accepted.get(wanted)
        if code is None:
            raise CellError(_("“%(value)s” is not one of: %(allowed)s.", value=raw.strip(),
                              allowed=", ".join(str(label) for _code, label in choices)))
        accepted[raw] = code
        return code
    return parse


def yes_no(raw: str) -> bool | None:
    wanted = fold(raw)
    if not wanted:
        return None
    if wanted in ("co", "x", "yes", "1", "true"):
        return True
    if wanted in ("khong", "no", "0", "false"):
        return False
    raise CellError(_("Write “Có” or “Không”."))


def as_text(value) -> str:
    """A cell as text: dates as dd/mm/yyyy, whole numbers without “.0”."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
