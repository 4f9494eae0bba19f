"""candidate and member lists: a filter on the stage or status served in the list's order

A province's list filtered by stage ("Cảm tình Đảng", "Lập hồ sơ") and its downloads read the
rows in name order; with an index on the stage alone the database either walks the whole name
index checking each row's stage or sorts every match. (stage, sort_key) gives the rows of a
stage already in order. The index on the stage alone stays: counting and the alerts read every
row of a stage, which it gives in storage order (in name order, SQLite's dashboard took twice as
long). The member list's index in name order outside a unit comes with the next revision.

Revision ID: 8b1f4c6a2e57
Revises: 9e1b7c3d5a24
Create Date: 2026-11-27 22:00:00

"""
from alembic import op

revision = '8b1f4c6a2e57'
down_revision = '9e1b7c3d5a24'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_candidate_stage_sort', 'candidate', ['stage', 'sort_key'], unique=False)
    op.create_index('ix_member_status_sort', 'member', ['status', 'sort_key'], unique=False)


def downgrade():
    op.drop_index('ix_member_status_sort', table_name='member')
    op.drop_index('ix_candidate_stage_sort', table_name='candidate')
