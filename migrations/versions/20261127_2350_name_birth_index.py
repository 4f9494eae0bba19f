"""candidate: records of one person (same folded name, same birth date) found in index order

The data health report lists records that share a name and a date of birth. For a province it
grouped a million candidates in a temporary sort (8 s on SQLite); an index in that order, which
also holds the stage and the unit the check filters on, is read once instead.

Revision ID: 3a7d1e5c8b62
Revises: 6f3c8b2e9a14
Create Date: 2026-11-27 23:50:00

"""
from alembic import op

revision = '3a7d1e5c8b62'
down_revision = '6f3c8b2e9a14'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_candidate_name_birth', 'candidate',
                    ['name_folded', 'date_of_birth', 'stage', 'organization_id'])


def downgrade():
    op.drop_index('ix_candidate_name_birth', table_name='candidate')
