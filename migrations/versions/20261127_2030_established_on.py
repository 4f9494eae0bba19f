"""organization: the date a unit was established by a decision

Revision ID: 6c4e8a2d9f13
Revises: 3d9a5e7c2b41
Create Date: 2026-11-27 20:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '6c4e8a2d9f13'
down_revision = '3d9a5e7c2b41'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('organization', sa.Column('established_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_column('established_on')
