"""member: members counted per status and unit from one index

The members report counts a province's official and probationary members by unit. It joined
each of a million members to its unit (0.8 s on SQLite). The index on the status alone becomes
one on (status, unit): members are counted per unit inside it, then the few thousand counts
are joined to their units. One index replaces another, so saving a member costs the same.

Revision ID: 7c2e9a4f1b36
Revises: 3a7d1e5c8b62
Create Date: 2026-11-28 02:15:00

"""
import sqlalchemy as sa
from alembic import op

revision = '7c2e9a4f1b36'
down_revision = '3a7d1e5c8b62'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index('ix_member_status', table_name='member')
    op.create_index('ix_member_status_unit', 'member', ['status', 'organization_id'])
    _statistics()


def _statistics():
    """The planner's statistics for the new index. A SQLite database analyzed before holds
    figures for every other index and none for this one, which it then takes for the most
    selective: a province's list of official members (status, then name order) sorted a
    million rows (14 → 480 ms)."""
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql' or sa.inspect(bind).has_table('sqlite_stat1'):
        op.execute('ANALYZE member')


def downgrade():
    op.drop_index('ix_member_status_unit', table_name='member')
    op.create_index('ix_member_status', 'member', ['status'])
