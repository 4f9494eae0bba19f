"""organization: the place name printed on its papers

Revision ID: 7a3e9c1f5b20
Revises: 1d6f9b3c8e05
Create Date: 2026-11-27 18:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '7a3e9c1f5b20'
down_revision = '1d6f9b3c8e05'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('organization', sa.Column('place', sa.String(length=100), nullable=True))


def downgrade():
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_column('place')
