"""append-only history enforced by the database

Revision ID: 8c3f6e2a4d17
Revises: 5a1d0c7e9b21
Create Date: 2026-11-27 13:30:00

Stage events, field changes and acts are legal history: the database itself refuses to update
or delete their rows, whoever asks (the application's own user included). A mistake is
corrected by a new record.
"""
from alembic import op

revision = '8c3f6e2a4d17'
down_revision = '5a1d0c7e9b21'
branch_labels = None
depends_on = None

HISTORY_TABLES = ("stage_event", "field_change", "act")
MESSAGE = "history is append-only: correct it with a new record"


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{MESSAGE} (% on %)', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'restrict_violation';
            END $$""")
        for table in HISTORY_TABLES:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION refuse_history_change()")
        return
    for table in HISTORY_TABLES:
        for operation in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON "
                       f"{table} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in HISTORY_TABLES:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION refuse_history_change()")
        return
    for table in HISTORY_TABLES:
        for operation in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{operation}")
