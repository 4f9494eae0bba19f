"""Column types shared by the models."""
from __future__ import annotations

from sqlalchemy import String


def BinaryString(length: int) -> String:
    """A string compared byte-wise on every engine.

    Folded names, sort keys and organization paths are matched by prefix ranges and ordered;
    PostgreSQL's locale collation would ignore separators and break both, SQLite is binary already.
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")
