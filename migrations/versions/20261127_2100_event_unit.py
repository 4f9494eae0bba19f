"""stage_event: the unit where each step happened and its place in the tree then

Revision ID: 9e1b7c3d5a24
Revises: 6c4e8a2d9f13
Create Date: 2026-11-27 21:00:00

ADD COLUMN in place: rebuilding ``stage_event`` on SQLite would drop its append-only triggers.
Existing steps are given the unit of their candidate (a candidate transferred since: the unit
they left, for the steps dated before the transfer). Filling a new column is not a change of
history, so the append-only trigger is suspended for these statements only.
"""
import sqlalchemy as sa
from alembic import op

revision = '9e1b7c3d5a24'
down_revision = '6c4e8a2d9f13'
branch_labels = None
depends_on = None

PATH = sa.String(length=255).with_variant(sa.String(length=255, collation='C'), 'postgresql')
APPEND_ONLY = ("CREATE TRIGGER stage_event_no_update BEFORE UPDATE ON stage_event BEGIN "
               "SELECT RAISE(ABORT, 'history is append-only: correct it with a new record'); END")
BACKFILL = (
    """UPDATE stage_event SET organization_id =
           (SELECT candidate.organization_id FROM candidate
            WHERE candidate.id = stage_event.candidate_id)""",
    """UPDATE stage_event SET organization_id =
           (SELECT transfer.from_id FROM transfer
            WHERE transfer.candidate_id = stage_event.candidate_id
              AND transfer.act_date > stage_event.effective_on
            ORDER BY transfer.act_date, transfer.id LIMIT 1)
       WHERE EXISTS (SELECT 1 FROM transfer
                     WHERE transfer.candidate_id = stage_event.candidate_id
                       AND transfer.act_date > stage_event.effective_on)""",
    """UPDATE stage_event SET unit_path =
           (SELECT organization.path FROM organization
            WHERE organization.id = stage_event.organization_id)""",
)


def upgrade():
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("ALTER TABLE stage_event ADD COLUMN organization_id INTEGER CONSTRAINT "
                   "fk_stage_event_organization_id_organization REFERENCES organization (id)")
        op.execute("ALTER TABLE stage_event ADD COLUMN unit_path VARCHAR(255)")
    else:
        op.add_column('stage_event', sa.Column('organization_id', sa.Integer(), nullable=True))
        op.add_column('stage_event', sa.Column('unit_path', PATH, nullable=True))
        op.create_foreign_key(op.f('fk_stage_event_organization_id_organization'), 'stage_event',
                              'organization', ['organization_id'], ['id'])
    op.create_index('ix_stage_event_unit_path', 'stage_event', ['unit_path'], unique=False)
    op.execute("DROP TRIGGER stage_event_no_update" if sqlite
               else "ALTER TABLE stage_event DISABLE TRIGGER stage_event_append_only")
    for statement in BACKFILL:
        op.execute(statement)
    op.execute(APPEND_ONLY if sqlite
               else "ALTER TABLE stage_event ENABLE TRIGGER stage_event_append_only")


def downgrade():
    op.drop_index('ix_stage_event_unit_path', table_name='stage_event')
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f('fk_stage_event_organization_id_organization'), 'stage_event',
                           type_='foreignkey')
    op.drop_column('stage_event', 'unit_path')
    op.drop_column('stage_event', 'organization_id')
