"""stage events may annul an earlier one (corrections)

Revision ID: 7b5e1f3a9c62
Revises: 4a9d3c5e7f20
Create Date: 2026-11-27 16:30:00

ADD COLUMN in place: rebuilding ``stage_event`` on SQLite would drop its append-only triggers.
"""
import sqlalchemy as sa
from alembic import op

revision = '7b5e1f3a9c62'
down_revision = '4a9d3c5e7f20'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE stage_event ADD COLUMN annuls_id INTEGER "
                   "CONSTRAINT fk_stage_event_annuls_id_stage_event REFERENCES stage_event (id)")
    else:
        op.add_column('stage_event', sa.Column('annuls_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_stage_event_annuls_id_stage_event'), 'stage_event',
                              'stage_event', ['annuls_id'], ['id'])
    op.create_index('ix_stage_event_annuls_id', 'stage_event', ['annuls_id'], unique=True)


def downgrade():
    op.drop_index('ix_stage_event_annuls_id', table_name='stage_event')
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f('fk_stage_event_annuls_id_stage_event'), 'stage_event',
                           type_='foreignkey')
    op.drop_column('stage_event', 'annuls_id')
