"""Deleting a candidate that nothing relies on yet (no history), whatever plugins are
installed, enabled, disabled or removed.

The rows that hang on the candidate (helpers, classes, dossier, name words, a plugin's profile
or records) are deleted table by table, from every table of the schema that references it and
exists in this database. The ORM's cascades are not used: they would read a removed plugin's
tables, and would skip a disabled plugin's rows that still reference the person.
"""
from __future__ import annotations

from sqlalchemy import delete, inspect

from .extensions import db
from .models import Candidate


def referencing_columns(table_name: str) -> list:
    """Columns of the existing tables that hold a foreign key to ``table_name``'s ``id``."""
    existing = set(inspect(db.session.connection()).get_table_names())
    return [fk.parent for table in db.metadata.sorted_tables if table.name in existing
            for fk in table.foreign_keys
            if fk.column.table.name == table_name and fk.column.name == "id"
            and fk.parent.table.name != table_name]


def delete_candidate(candidate: Candidate) -> None:
    """Delete ``candidate`` and what hangs on it; the caller has checked it has no history and
    commits. Rows of other people that merely point at it stay (none can, without history)."""
    for column in referencing_columns(Candidate.__tablename__):
        db.session.execute(delete(column.table).where(column == candidate.id))
    db.session.execute(delete(Candidate).where(Candidate.id == candidate.id))
    db.session.expunge(candidate)
