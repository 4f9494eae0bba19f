"""stage_event: the steps into a stage during a period, read from one index range

The dashboard and the reports count the steps into one stage during a period (the admissions of
a year) in a subtree. With an index on the stage alone, or on the day alone, a province's count
read every step of the year (about 33,000) or of the stage to keep a few hundred. The index on
(stage, day, path) replaces the one on the stage.

Revision ID: 6f3c8b2e9a14
Revises: 1b6e4a9d7c52
Create Date: 2026-11-27 23:45:00

"""
from alembic import op

revision = '6f3c8b2e9a14'
down_revision = '1b6e4a9d7c52'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index('ix_stage_event_to_stage', table_name='stage_event')
    op.create_index('ix_stage_event_stage_day', 'stage_event',
                    ['to_stage', 'effective_on', 'unit_path'])


def downgrade():
    op.drop_index('ix_stage_event_stage_day', table_name='stage_event')
    op.create_index('ix_stage_event_to_stage', 'stage_event', ['to_stage'])
