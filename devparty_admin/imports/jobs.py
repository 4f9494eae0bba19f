"""An import job's life: upload (rows stored), check in steps (dry run, resumable, with
progress), commit (all rows or none, claimed once), and what the user reads of it.

Every step runs a fixed number of queries per chunk of rows: one for the units named in the
chunk, one for the people already recorded under the chunk's CCCDs.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from flask_babel import gettext as _
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..models import FieldChange, ImportJob, ImportRow, Organization
from ..models.imports import CHECKED, COMMITTED, PENDING
from ..security import reaches
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
    for number, cells in rows:
        cccd = cells[position].strip()
        first = first_row.setdefault(cccd, number) if cccd else number
        errors = ([[header, _("The same CCCD is on row %(row)s too.", row=first)]]
                  if first != number else None)
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
    for outcome in outcomes:
        code = outcome.values.pop("organization", None)
        if code is not None:
            org = units.get(code)
            if org is None:
                outcome.errors.append([unit_header, _("No party organization has the code "
                                                      "“%(code)s”.", code=code)])
            elif not reaches(user, org):
                outcome.errors.append([unit_header, _("“%(name)s” is outside your unit; you can "
                                                      "only import into your unit.", name=org.name)])
            else:
                outcome.organization = org
        record = existing.get(outcome.values.get("national_id"))
        if record is not None and not reaches(user, record.organization):
            outcome.errors.append([id_header, _("This CCCD belongs to a person of another unit, "
                                                "outside yours.")])
        outcome.existing = record
        if not outcome.errors:
            outcome.action = "update" if record is not None else "create"
    return outcomes


def _chunk(job: ImportJob, offset: int, limit: int) -> list[ImportRow]:
    return list(db.session.scalars(select(ImportRow).where(ImportRow.job_id == job.id)
                                   .order_by(ImportRow.number).offset(offset).limit(limit)))


def check_step(spec: ImportSpec, job: ImportJob, user, limit: int = CHUNK) -> None:
    """Check the next ``limit`` rows of a pending job (safe to repeat: it resumes where the
    last step stopped) and commit the progress."""
    if job.status != PENDING:
        return
    rows = _chunk(job, job.checked, limit)
    outcomes = evaluate(spec, user, [(row.number, json.loads(row.cells)) for row in rows])
    for row, outcome in zip(rows, outcomes):
        errors = (json.loads(row.errors) if row.errors else []) + outcome.errors
        row.errors = json.dumps(errors, ensure_ascii=False) if errors else None
        row.action = None if errors else outcome.action
        job.error_rows += bool(errors)
        job.creates += row.action == "create"
        job.updates += row.action == "update"
    job.checked += len(rows)
    if job.checked >= job.total:
        job.status = CHECKED
    db.session.commit()


def commit(spec: ImportSpec, job: ImportJob, user) -> None:
    """Create or update every row in one transaction, after checking them all again (the data
    may have changed since the dry run). Raises CommitRefused, having changed nothing."""
    claimed = db.session.execute(
        update(ImportJob).where(ImportJob.id == job.id, ImportJob.status == CHECKED,
                                ImportJob.error_rows == 0).values(status=COMMITTED)).rowcount
    if claimed != 1:
        db.session.rollback()
        raise CommitRefused(_("This import has already been committed, or its check is not "
                              "finished or found errors."))
    try:
        _write_all(spec, job, user)
    except IntegrityError:
        db.session.rollback()
        raise CommitRefused(_("Someone saved one of these CCCDs while the import ran; nothing was "
                              "imported. Upload the file again.")) from None


def _write_all(spec: ImportSpec, job: ImportJob, user) -> None:
    """Check each chunk again and write it; one commit at the very end, so all or none."""
    offset = 0
    while rows := _chunk(job, offset, CHUNK):
        outcomes = evaluate(spec, user, [(row.number, json.loads(row.cells)) for row in rows])
        wrong = [(row, outcome) for row, outcome in zip(rows, outcomes) if outcome.errors]
        if wrong:
            row, outcome = wrong[0]
            db.session.rollback()
            raise CommitRefused(_("Row %(row)s: %(column)s: %(message)s. The data changed since "
                                  "the check; nothing was imported. Upload the file again.",
                                  row=row.number, column=outcome.errors[0][0],
                                  message=outcome.errors[0][1]))
        _apply(spec, job, user, rows, outcomes)
        offset += len(rows)
    db.session.execute(update(ImportJob).where(ImportJob.id == job.id)
                       .values(committed_at=datetime.now(timezone.utc)))
    db.session.commit()


def _apply(spec: ImportSpec, job: ImportJob, user, rows, outcomes) -> None:
    """Write one chunk. Blank cells leave an existing person's value as it is. Candidates get a
    timeline entry naming the file and row (their field changes are recorded by the audit)."""
    touched = []
    for row, outcome in zip(rows, outcomes):
        record = outcome.existing or spec.model()
        for name, value in outcome.values.items():
            if value is not None or outcome.existing is None:
                setattr(record, name, value)
        if record.organization_id != outcome.organization.id:
            record.organization = outcome.organization
        db.session.add(record)
        touched.append((row.number, record))
    db.session.flush()
    if spec.kind == "candidate":
        db.session.add_all(FieldChange(
            candidate_id=record.id, field="import", actor_id=user.id,
            new_value=_("%(file)s, row %(row)s", file=job.filename, row=number))
            for number, record in touched)
        db.session.flush()


def error_list(job: ImportJob, limit: int | None = None):
    """(row number, cells, [[column, message]]) of the rows with errors, in file order."""
    query = (select(ImportRow).where(ImportRow.job_id == job.id, ImportRow.errors.is_not(None))
             .order_by(ImportRow.number))
    if limit is not None:
        query = query.limit(limit)
    return [(row.number, json.loads(row.cells), json.loads(row.errors))
            for row in db.session.scalars(query)]
