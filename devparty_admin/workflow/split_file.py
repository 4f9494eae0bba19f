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


def _person_key(person) -> str:
    return person.national_id or f"id:{person.id}"


def _person_finder(model, unit: Organization):
    def find(key: str):
        pk = key[3:] if key.startswith("id:") else None
        condition = (model.id == int(pk)) if pk and pk.isdigit() else (model.national_id == key)
        return select(model.id).where(condition, model.organization_id == unit.id)
    return find


def _finders(unit: Organization) -> dict:
    return {"candidate": _person_finder(Candidate, unit),
            "member": _person_finder(Member, unit),
            "user": lambda key: select(User.id).where(User.username == key,
                                                      User.organization_id == unit.id),
            "class": lambda key: select(TrainingClass.id).where(
                TrainingClass.id == int(key) if key.isdigit() else False,
                TrainingClass.organization_id == unit.id),
            "unit": lambda key: select(Organization.id).where(Organization.code == key,
                                                              Organization.parent_id == unit.id),
            "plan": lambda key: select(Plan.id).where(
                Plan.organization_id == unit.id, Plan.year == int(key) if key.isdigit()
                else False)}


def read(unit: Organization, lines: Iterable[str]) -> tuple[dict[str, dict], list[str]]:
    """{kind: {row id: target unit}} from ``lines``, and what could not be read (every line)."""
    finders, assignment, problems = _finders(unit), {kind: {} for kind in KINDS.values()}, []
    targets = {}
    for number, row in enumerate(csv.reader(lines), start=1):
        if len(row) < 1 or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        word, key, code = ([cell.strip() for cell in row] + ["", ""])[:3]
        kind = KIND_OF_WORD.get(word.lower())
        if kind is None:
            problems.append(_("Line %(number)s: “%(kind)s” is not one of: %(kinds)s.",
                              number=number, kind=word, kinds=", ".join(WORDS.values())))
            continue
        pk = db.session.scalar(finders[kind](key))
        if pk is None:
            problems.append(_("Line %(number)s: %(kind)s %(key)s is not %(unit)s's.",
                              number=number, kind=WORDS[kind], key=key, unit=unit.name))
            continue
        if not code:
            continue  # not assigned yet: the split says what is left
        if code not in targets:
            targets[code] = db.session.scalar(select(Organization).where(Organization.code == code))
        if targets[code] is None:
            problems.append(_("Line %(number)s: no organization has the code %(code)s.",
                              number=number, code=code))
            continue
        assignment[KINDS[kind]][pk] = targets[code]
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
    rows = (
        ("candidate", Candidate, Candidate.organization_id,
         lambda c: (_person_key(c), c.full_name)),
        ("member", Member, Member.organization_id, lambda m: (_person_key(m), m.full_name)),
        ("user", User, User.organization_id, lambda u: (u.username, u.display_name)),
        ("class", TrainingClass, TrainingClass.organization_id, lambda c: (str(c.id), c.name)),
        ("unit", Organization, Organization.parent_id, lambda o: (o.code or "", o.name)),
        ("plan", Plan, Plan.organization_id, lambda p: (str(p.year), str(p.year))),
    )
    for kind, model, column, describe in rows:
        for record in db.session.scalars(held(model, column, [unit.id]).add_columns(model)
                                         .order_by(model.id)):
            key, name = describe(record)
            lines.append(",".join([WORDS[kind], key, "", (name or "").replace(",", " ")]))
    return "\n".join(lines) + "\n"
