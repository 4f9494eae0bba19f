"""The assignment of a split as lines "kind,key,new unit code" — what the command line reads
from a file and the split screen from its box — and the list of everything a unit holds in that
form, for the user to fill in the third column.

Kinds, in English or Vietnamese: candidate (quần chúng) and member (đảng viên) by CCCD
(``id:<n>`` for a record without one), user (tài khoản) by username, class (lớp) by id, unit
(tổ chức) by code, plan (kế hoạch) by year. Lines that are empty or start with ``#`` are skipped; a
fourth column (the name) is for the reader.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Candidate, Member, Organization, Plan, TrainingClass, User
from .reorganization import held

KINDS = {"candidate": "candidates", "member": "members", "user": "users", "class": "classes",
         "unit": "sub_units", "plan": "plans"}
# The words the list is written with (the kinds' Vietnamese names); both are read.
WORDS = {"candidate": "quần chúng", "member": "đảng viên", "user": "tài khoản", "class": "lớp",
         "unit": "tổ chức", "plan": "kế hoạch"}
KIND_OF_WORD = {**{kind: kind for kind in KINDS}, **{word: kind for kind, word in WORDS.items()}}


def _person_keys(person) -> list[str]:
    return [person.national_id, f"id:{person.id}"] if person.national_id else [f"id:{person.id}"]


# kind, model, the column saying which unit holds it, its keys (the first is written in the
# list), its name for the reader.
HELD = (
    ("candidate", Candidate, Candidate.organization_id, _person_keys, lambda c: c.full_name),
    ("member", Member, Member.organization_id, _person_keys, lambda m: m.full_name),
    ("user", User, User.organization_id, lambda u: [u.username], lambda u: u.display_name),
    ("class", TrainingClass, TrainingClass.organization_id, lambda c: [str(c.id)],
     lambda c: c.name),
    ("unit", Organization, Organization.parent_id, lambda o: [o.code] if o.code else [],
     lambda o: o.name),
    ("plan", Plan, Plan.organization_id, lambda p: [str(p.year)], lambda p: str(p.year)),
)


def _holdings(unit: Organization) -> dict[str, list[tuple[int, list[str], str]]]:
    """{kind: [(id, keys, name)]} of everything ``unit`` holds (one query per kind)."""
    return {kind: [(record.id, keys(record), name(record) or "") for record in db.session.scalars(
                held(model, column, [unit.id]).add_columns(model).order_by(model.id))]
            for kind, model, column, keys, name in HELD}


def read(unit: Organization, lines: Iterable[str]) -> tuple[dict[str, dict], list[str]]:
    """{kind: {row id: target unit}} from ``lines``, and what could not be read (every line).
    What the unit holds is read once, the receiving units in one query."""
    ids = {kind: {key: pk for pk, keys, _name in rows for key in keys}
           for kind, rows in _holdings(unit).items()}
    assignment, problems, wanted = {kind: {} for kind in KINDS.values()}, [], []
    for number, row in enumerate(csv.reader(lines), start=1):
        if len(row) < 1 or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        word, key, code = ([cell.strip() for cell in row] + ["", ""])[:3]
        kind = KIND_OF_WORD.get(word.lower())
        if kind is None:
            problems.append(_("Line %(number)s: “%(kind)s” is not one of: %(kinds)s.",
                              number=number, kind=word, kinds=", ".join(WORDS.values())))
        elif key not in ids[kind]:
            problems.append(_("Line %(number)s: %(kind)s %(key)s is not %(unit)s's.",
                              number=number, kind=WORDS[kind], key=key, unit=unit.name))
        elif code:  # a line without a code is not assigned yet: the split says what is left
            wanted.append((number, kind, ids[kind][key], code))
    targets = {org.code: org for org in db.session.scalars(select(Organization).where(
        Organization.code.in_({code for _n, _k, _pk, code in wanted})))} if wanted else {}
    for number, kind, pk, code in wanted:
        if code in targets:
            assignment[KINDS[kind]][pk] = targets[code]
        else:
            problems.append(_("Line %(number)s: no organization has the code %(code)s.",
                              number=number, code=code))
    return assignment, problems


def shares(assignment: dict[str, dict]) -> dict[tuple[Organization, str], int]:
    """{(target unit, kind): how many} of an assignment, for the preview."""
    counts: dict[tuple[Organization, str], int] = {}
    for kind, rows in assignment.items():
        for target in rows.values():
            counts[target, kind] = counts.get((target, kind), 0) + 1
    return counts


def template(unit: Organization) -> str:
    """Everything ``unit`` holds, one line each, the third column left for the new unit's code."""
    lines = ["# " + _("kind,key,new unit code,name — write the new unit's code in the third "
                      "column")]
    for kind, rows in _holdings(unit).items():
        for _pk, keys, name in rows:
            lines.append(",".join([WORDS[kind], keys[0] if keys else "", "",
                                   name.replace(",", " ")]))
    return "\n".join(lines) + "\n"
