"""candidate: the dates its deadline alerts are decided by, kept on its row

A province's dashboard counted its alerts by reading, for each of about 450,000 watched
candidates, the steps into its current stage and its awareness classes (1 s on PostgreSQL).
The date the candidate entered its current stage and its latest awareness certificate are now
kept on the row by ``workflow.alert_dates``; each kind of alert is counted over a range
of one index on (stage, entered, certified, unit) (one rather than two: each index costs an
import of 100,000 rows 1–2 s). The count by stage keeps its narrower index on the stage alone
(read through this one, the province's dashboard took 228 ms instead of 133 on PostgreSQL). Filled here from the
history as it stands.

Revision ID: 1b6e4a9d7c52
Revises: 5d2a8e6c1f39
Create Date: 2026-11-27 23:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '1b6e4a9d7c52'
down_revision = '5d2a8e6c1f39'
branch_labels = None
depends_on = None

# As workflow.deadlines.entered_current_stage and awareness_certificate at this revision: the
# latest step in force into the current stage; the latest certificate of a passed awareness class.
FILL = """
UPDATE candidate SET
  stage_entered_on = (
    SELECT max(e.effective_on) FROM stage_event e
    WHERE e.candidate_id = candidate.id AND e.to_stage = candidate.stage
      AND e.annuls_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM stage_event a WHERE a.annuls_id = e.id)),
  certified_on = (
    SELECT max(en.certificate_date) FROM enrollment en
    JOIN training_class t ON t.id = en.class_id
    WHERE en.candidate_id = candidate.id AND t.kind = 'awareness' AND en.result = 'passed')
"""


def upgrade():
    with op.batch_alter_table('candidate') as batch_op:
        batch_op.add_column(sa.Column('stage_entered_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('certified_on', sa.Date(), nullable=True))
    op.execute(FILL)
    op.create_index('ix_candidate_stage_dates', 'candidate',
                    ['stage', 'stage_entered_on', 'certified_on', 'organization_id'])
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("ANALYZE candidate")


def downgrade():
    op.drop_index('ix_candidate_stage_dates', table_name='candidate')
    with op.batch_alter_table('candidate') as batch_op:
        batch_op.drop_column('certified_on')
        batch_op.drop_column('stage_entered_on')
