"""History is append-only in the database itself, below the application."""
from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from devparty_admin.testing.workflow import vote
from devparty_admin.workflow.transitions import move


@pytest.mark.parametrize("statement", [
    "UPDATE stage_event SET effective_on = '2020-01-01'",
    "DELETE FROM stage_event",
    "UPDATE act SET number = 'giả'",
    "DELETE FROM act",
    "UPDATE field_change SET new_value = 'giả'",
    "DELETE FROM field_change",
])
def test_history_refuses_update_and_delete(branch, db, statement):
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    branch.candidate.phone = "0912345678"  # a field change
    db.session.commit()
    with pytest.raises(DatabaseError, match="append-only"):
        with db.engine.begin() as connection:
            connection.execute(text(statement))
    with db.engine.connect() as connection:
        counts = [connection.scalar(text(f"SELECT count(*) FROM {t}"))
                  for t in ("stage_event", "act", "field_change")]
        assert all(counts), counts
        assert connection.scalar(text("SELECT number FROM act")) == "12-NQ/CB"


def test_a_candidate_with_history_cannot_be_deleted_below_the_application(branch, db):
    move(branch.candidate, "proposed", actor=branch.branch_user, act=vote(branch.unit))
    db.session.commit()
    with pytest.raises(DatabaseError):
        with db.engine.begin() as connection:
            connection.execute(text("DELETE FROM candidate WHERE id = :id"),
                               {"id": branch.candidate.id})
