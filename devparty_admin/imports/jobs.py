"""An import job's life: upload (rows stored), check in steps (dry run, resumable, with
progress), commit (all rows or none, claimed once), and what the user reads of it.

Every step runs a fixed number of queries per chunk of rows: one for the units named in the
chunk, one for the people already recorded under the chunk's CCCDs.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from flask_babel import gettext as _
from sqlalchemy import Date, Row, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..models import FieldChange, ImportJob, ImportRow, Organization
from ..models.imports import CHECKED, COMMITTED, COMMITTING, PENDING
from ..models.people import insert_name_words, name_columns
from ..plugins.extension import SEPARATOR
from ..security.scoping import reacher
from .columns import CellError
from .specs import ImportSpec
from .workbook import read_rows

CHUNK = 2000


class CommitRefused(Exception):
    """The commit did not happen (already done, not checked, or the data changed since)."""


@dataclass
class Outcome:
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)  # [column header, message]
    action: str | None = None
    existing: object = None
    organization: Organization | None = None


def start(spec: ImportSpec, user, filename: str, data: bytes) -> ImportJob:
    """Read the file (FileRefused if it cannot be used) and store its rows as a pending job.
    CCCDs repeated inside the file are flagged here, where the whole file is at hand."""
    rows = read_rows(spec, data)
    job = ImportJob(kind=spec.kind, user_id=user.id, filename=filename[:255], total=len(rows))
    db.session.add(job)
    db.session.flush()
    position = [column.field for column in spec.columns].index("national_id")
    header = spec.columns[position].header
    first_row: dict[str, int] = {}
    stored = []
    sample = spec.sample_cells()
    for number, cells in rows:
        cccd = cells[position].strip()
        first = first_row.setdefault(cccd, number) if cccd else number
        errors = ([[header, _("The same CCCD is on row %(row)s too.", row=first)]]
                  if first != number else None)
        if spec.is_sample(cells, sample):
            errors = [[spec.columns[0].header, _("This is the template's example row; delete it "
                                                 "and keep only real people.")]]
        stored.append({"job_id": job.id, "number": number,
                       "cells": json.dumps(cells, ensure_ascii=False),
                       "errors": json.dumps(errors, ensure_ascii=False) if errors else None})
    db.session.execute(insert(ImportRow), stored)
    db.session.commit()
    return job


def evaluate(spec: ImportSpec, user, rows: list[tuple[int, list[str]]]) -> list[Outcome]:
    """What each row would do, or why it cannot; two queries for the whole chunk."""
    outcomes = []
    for _number, cells in rows:
        outcome = Outcome()
        for column, raw in zip(spec.columns, cells):
            if column.required and not raw.strip():
                outcome.errors.append([column.header, _("Required.")])
                continue
            try:
                outcome.values[column.field] = column.parse(raw)
            except CellError as error:
                outcome.errors.append([column.header, str(error)])
        outcomes.append(outcome)
    codes = {o.values.get("organization") for o in outcomes} - {None}
    units = {org.code: org for org in db.session.scalars(
        select(Organization).where(Organization.code.in_(codes)))} if codes else {}
    ids = {o.values.get("national_id") for o in outcomes} - {None}
    model = spec.model
    existing = {record.national_id: record for record in db.session.scalars(
        select(model).join(model.organization).options(contains_eager(model.organization))
        .where(model.national_id.in_(ids)))} if ids else {}
    unit_header = next(c.header for c in spec.columns if c.field == "organization")
    id_header = next(c.header for c in spec.columns if c.field == "national_id")
    reaches = reacher(user)
    for outcome in outcomes:
        code = outcome.values.pop("organization", None)
        if code is not None:
            org = units.get(code)
            if org is None:
                outcome.errors.append([unit_header, _("No party organization has the code "
                                                      "“%(code)s”.", code=code)])
            elif not reaches(org):
                outcome.errors.append([unit_header, _("“%(name)s” is outside your unit; you can "
                                                      "only import into your unit.", name=org.name)])
            else:
                outcome.organization = org
        record = existing.get(outcome.values.get("national_id"))
        if record is not None and not reaches(record.organization):
            outcome.errors.append([id_header, _("This CCCD belongs to a person of another unit, "
                                                "outside yours.")])
        outcome.existing = record
        if not outcome.errors:
            outcome.action = "update" if record is not None else "create"
    return outcomes


def _chunk(job: ImportJob, offset: int, limit: int) -> list[Row]:
    """The next rows to check or prepare as (id, number, cells, errors): plain rows, written
    back by primary key in one statement, not objects tracked one by one."""
    return db.session.execute(
        select(ImportRow.id, ImportRow.number, ImportRow.cells, ImportRow.errors)
        .where(ImportRow.job_id == job.id).order_by(ImportRow.number)
        .offset(offset).limit(limit)).all()


def check_step(spec: ImportSpec, job: ImportJob, user, limit: int = CHUNK) -> None:
    """Check the next ``limit`` rows of a pending job (safe to repeat: it resumes where the
    last step stopped) and commit the progress."""
    if job.status != PENDING:
        return
    rows = _chunk(job, job.checked, limit)
    outcomes = evaluate(spec, user, [(row.number, json.loads(row.cells)) for row in rows])
    checked = []
    for row, outcome in zip(rows, outcomes):
        errors = (json.loads(row.errors) if row.errors else []) + outcome.errors
        action = None if errors else outcome.action
        checked.append({"id": row.id, "action": action,
                        "errors": json.dumps(errors, ensure_ascii=False) if errors else None})
        job.error_rows += bool(errors)
        job.creates += action == "create"
        job.updates += action == "update"
    if checked:
        db.session.execute(update(ImportRow), checked)
    job.checked += len(rows)
    if job.checked >= job.total:
        job.status = CHECKED
    db.session.commit()


def commit(spec: ImportSpec, job: ImportJob, user, seconds: float = 10) -> bool:
    """Import every row, or none, in steps short enough for any request timeout.

    The first call claims the checked job. Each step re-checks a chunk against the data as it
    is now and stores what to write (its own short transaction: readers and other people's
    saves never wait long). When every row is prepared, one last transaction writes them all
    with bulk statements and marks the job imported. Any worker may take the next step; a step
    already taken by someone else does nothing. Returns whether the import is done; raises
    CommitRefused, with nothing imported, if the data changed since the check.
    """
    if job.status == CHECKED:
        claimed = db.session.execute(
            update(ImportJob).where(ImportJob.id == job.id, ImportJob.status == CHECKED,
                                    ImportJob.error_rows == 0)
            .values(status=COMMITTING, prepared=0)).rowcount
        db.session.commit()
        if claimed != 1:
            raise CommitRefused(_("This import's check found errors; nothing can be imported."))
    elif job.status != COMMITTING:
        raise CommitRefused(_("This import has already been committed, or its check is not "
                              "finished or found errors."))
    started, prepared_here = time.monotonic(), False
    while job.prepared < job.total:
        _prepare_step(spec, job, user)
        prepared_here = True
        if time.monotonic() - started >= seconds:
            return False
    if prepared_here and time.monotonic() - started > seconds / 2:
        return False  # the final write gets a request of its own
    _write_all(spec, job, user)
    return True


def _start_over(job: ImportJob, message: str):
    """Nothing was written: the job goes back to checked, to be uploaded again."""
    db.session.rollback()
    db.session.execute(update(ImportJob).where(ImportJob.id == job.id)
                       .values(status=CHECKED, prepared=0))
    db.session.commit()
    return CommitRefused(message)


def _prepare_step(spec: ImportSpec, job: ImportJob, user) -> None:
    """Re-check the next chunk and store what each row will write."""
    offset = job.prepared
    rows = _chunk(job, offset, CHUNK)
    outcomes = evaluate(spec, user, [(row.number, json.loads(row.cells)) for row in rows])
    wrong = [(row, outcome) for row, outcome in zip(rows, outcomes) if outcome.errors]
    if wrong:
        row, outcome = wrong[0]
        raise _start_over(job, _("Row %(row)s: %(column)s: %(message)s. The data changed since "
                                 "the check; nothing was imported. Upload the file again.",
                                 row=row.number, column=outcome.errors[0][0],
                                 message=outcome.errors[0][1]))
    db.session.execute(update(ImportRow), [
        {"id": row.id,
         "prepared_values": json.dumps(outcome.values, default=date.isoformat,
                                       ensure_ascii=False),
         "organization_id": outcome.organization.id,
         "record_id": outcome.existing.id if outcome.existing is not None else None,
         "record_version": getattr(outcome.existing, "version", None)}
        for row, outcome in zip(rows, outcomes)])
    moved = db.session.execute(
        update(ImportJob).where(ImportJob.id == job.id, ImportJob.status == COMMITTING,
                                ImportJob.prepared == offset)
        .values(prepared=offset + len(rows))).rowcount
    if moved != 1:  # another worker prepared this chunk meanwhile
        db.session.rollback()
    else:
        db.session.commit()
    db.session.refresh(job)


def _dated(values: dict, table) -> dict:
    """Prepared values with their dates back as dates."""
    return {name: date.fromisoformat(value)
            if value is not None and isinstance(table.c[name].type, Date) else value
            for name, value in values.items()}


def _stored(spec: ImportSpec, row: Row) -> dict:
    """The person's own prepared values (a sector's fields are ``_sector_values``)."""
    values = json.loads(row.prepared_values)
    return _dated({k: v for k, v in values.items() if SEPARATOR not in k}, spec.model.__table__)


def _sector_values(spec: ImportSpec, row: Row) -> list[tuple[object, dict]]:
    """(extension, {column: value}) of the sector fields the row fills (blank cells left out)."""
    values = json.loads(row.prepared_values)
    found = []
    for extension in spec.extensions:
        filled = {column: values.get(extension.form_name(column)) for column in extension.fields}
        filled = {k: v for k, v in filled.items() if v is not None}
        if filled:
            found.append((extension, _dated(filled, extension.model.__table__)))
    return found


def _write_all(spec: ImportSpec, job: ImportJob, user) -> None:
    """One transaction for every row: bulk inserts for new people, the ORM for updated ones
    (so their field changes are audited), a timeline entry per candidate."""
    claimed = db.session.execute(
        update(ImportJob).where(ImportJob.id == job.id, ImportJob.status == COMMITTING,
                                ImportJob.prepared >= ImportJob.total)
        .values(status=COMMITTED, committed_at=datetime.now(timezone.utc))).rowcount
    if claimed != 1:
        db.session.rollback()
        return  # another worker has just written it
    rows = db.session.execute(  # only what is written, not 100,000 objects with their cells
        select(ImportRow.number, ImportRow.prepared_values, ImportRow.organization_id,
               ImportRow.record_id, ImportRow.record_version)
        .where(ImportRow.job_id == job.id).order_by(ImportRow.number)).all()
    try:
        touched = _create(spec, [r for r in rows if r.record_id is None])
        touched += _update(spec, [r for r in rows if r.record_id is not None])
        if spec.kind == "candidate":
            source = _("%(file)s, row %(row)s")  # translated once, filled in per row
            at = datetime.now(timezone.utc)
            db.session.execute(insert(FieldChange), [
                {"candidate_id": record_id, "field": "import", "actor_id": user.id, "at": at,
                 "new_value": source % {"file": job.filename, "row": number}}
                for number, record_id in touched])
        db.session.commit()
    except (IntegrityError, StaleImport):
        raise _start_over(job, _("Someone saved one of these people while the import ran; "
                                 "nothing was imported. Upload the file again.")) from None
    db.session.refresh(job)


class StaleImport(Exception):
    """A record to update was saved by someone else after it was prepared."""


def _create(spec: ImportSpec, rows: list[Row]) -> list[tuple[int, int]]:
    if not rows:
        return []
    model = spec.model
    records = []
    for row in rows:
        values = _stored(spec, row)
        records.append({**values, **name_columns(values["full_name"]),
                        "organization_id": row.organization_id})
    # Written in name order, the rows go into the name indexes (sort key, given name) side by
    # side instead of one random page each: 100,000 rows took 15 s on PostgreSQL, now 8.
    order = sorted(range(len(rows)), key=lambda i: records[i]["sort_key"])
    rows, records = [rows[i] for i in order], [records[i] for i in order]
    db.session.execute(insert(model), records)
    ids = _ids_by_national_id(model, [record["national_id"] for record in records])
    insert_name_words(model, [(pk, record["full_name"]) for pk, record in zip(ids, records)])
    profiles: dict = {}
    for row, pk in zip(rows, ids):
        for extension, values in _sector_values(spec, row):
            profiles.setdefault(extension.model, []).append({"candidate_id": pk, **values})
    for profile_model, values in profiles.items():
        db.session.execute(insert(profile_model), values)
    return [(row.number, record_id) for row, record_id in zip(rows, ids)]


def _ids_by_national_id(model, national_ids: list[str]) -> list[int]:
    """The ids of people just inserted, in the order of ``national_ids`` (every imported row has
    a CCCD, unique per table). Read back by CCCD rather than with INSERT … RETURNING in
    parameter order, which SQLite can only do one row per statement."""
    found: dict[str, int] = {}
    for start in range(0, len(national_ids), CHUNK):
        found.update(db.session.execute(select(model.national_id, model.id).where(
            model.national_id.in_(national_ids[start:start + CHUNK]))).all())
    return [found[national_id] for national_id in national_ids]


def _update(spec: ImportSpec, rows: list[Row]) -> list[tuple[int, int]]:
    """Blank cells leave an existing person's value as it is."""
    touched = []
    model = spec.model
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        records = {record.id: record for record in db.session.scalars(
            select(model).where(model.id.in_([row.record_id for row in chunk])))}
        for row in chunk:
            record = records.get(row.record_id)
            if record is None or getattr(record, "version", None) != row.record_version:
                raise StaleImport()
            for name, value in _stored(spec, row).items():
                if value is not None:
                    setattr(record, name, value)
            for extension, values in _sector_values(spec, row):
                profile = getattr(record, extension.backref, None) or extension.model()
                for name, value in values.items():
                    setattr(profile, name, value)
                setattr(record, extension.backref, profile)
            if record.organization_id != row.organization_id:  # a move, audited as such
                record.organization = db.session.get(Organization, row.organization_id)
            touched.append((row.number, record.id))
        db.session.flush()
    return touched


def error_list(job: ImportJob, limit: int | None = None):
    """(row number, cells, [[column, message]]) of the rows with errors, in file order."""
    query = (select(ImportRow).where(ImportRow.job_id == job.id, ImportRow.errors.is_not(None))
             .order_by(ImportRow.number))
    if limit is not None:
        query = query.limit(limit)
    return [(row.number, json.loads(row.cells), json.loads(row.errors))
            for row in db.session.scalars(query)]
