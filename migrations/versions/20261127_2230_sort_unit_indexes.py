"""candidate and member lists: the index in name order also holds the unit and the id

The member list had no index in name order outside a unit (a province's list of members sorted a
million rows); it gets one here, the candidate's is widened.

A deep page of a list (page 1000 of a province's million people) skips 50,000 rows before the
50 it shows. With the unit and the id in the name-order index, those rows are skipped inside
the index — the scope's unit condition checked there too — and only the page's 50 rows are
read (the list pages deep pages through their ids first: ``ScopedModelView._apply_pagination``).

Revision ID: 2f7c9a4e6b18
Revises: 8b1f4c6a2e57
Create Date: 2026-11-27 22:30:00

"""
from alembic import op

revision = '2f7c9a4e6b18'
down_revision = '8b1f4c6a2e57'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index('ix_candidate_sort_key', table_name='candidate')
    for table in ('candidate', 'member'):
        op.create_index(f'ix_{table}_sort_unit', table, ['sort_key', 'organization_id', 'id'],
                        unique=False)


def downgrade():
    for table in ('candidate', 'member'):
        op.drop_index(f'ix_{table}_sort_unit', table_name=table)
    op.create_index('ix_candidate_sort_key', 'candidate', ['sort_key'], unique=False)
