"""candidate: records of one person (same folded name, same birth date) found in index order

The data health report lists records that share a name and a date of birth. For a province it
grouped a million candidates in a temporary sort (8 s on SQLite). The family-name index of the
search now holds the birth date and the stage right after the name, so the check reads it once
in order; one index rather than a second one, which cost an import of 100,000 rows 5 s.

Revision ID: 3a7d1e5c8b62
Revises: 6f3c8b2e9a14
Create Date: 2026-11-27 23:50:00

"""
from alembic import op

revision = '3a7d1e5c8b62'
down_revision = '6f3c8b2e9a14'
branch_labels = None
depends_on = None

SEARCH = ['sort_key', 'organization_id', 'id']


def upgrade():
    op.drop_index('ix_candidate_name_folded_sort', table_name='candidate')
    op.create_index('ix_candidate_name_folded_sort', 'candidate',
                    ['name_folded', 'date_of_birth', 'stage', *SEARCH])


def downgrade():
    op.drop_index('ix_candidate_name_folded_sort', table_name='candidate')
    op.create_index('ix_candidate_name_folded_sort', 'candidate', ['name_folded', *SEARCH])
