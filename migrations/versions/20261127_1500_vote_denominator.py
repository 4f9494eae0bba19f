"""act: members left out of the vote's denominator

Revision ID: 9e4c2b7a5d18
Revises: 6d2a8f4b0c95
Create Date: 2026-11-27 15:00:00

Plain ADD COLUMN (no batch rebuild): rebuilding ``act`` on SQLite would drop its append-only
triggers with the old table.
"""
import sqlalchemy as sa
from alembic import op

revision = '9e4c2b7a5d18'
down_revision = '6d2a8f4b0c95'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('act', sa.Column('transferred_members', sa.Integer(), nullable=True))
    op.add_column('act', sa.Column('exempted_absent', sa.Integer(), nullable=True))


def downgrade():
    op.drop_column('act', 'exempted_absent')
    op.drop_column('act', 'transferred_members')
