"""import commits in steps

Revision ID: 6d2a8f4b0c95
Revises: 2b7e5d9c1f43
Create Date: 2026-11-27 14:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '6d2a8f4b0c95'
down_revision = '2b7e5d9c1f43'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prepared', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('import_row', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prepared_values', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('organization_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('record_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('record_version', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('import_row', schema=None) as batch_op:
        batch_op.drop_column('record_version')
        batch_op.drop_column('record_id')
        batch_op.drop_column('organization_id')
        batch_op.drop_column('prepared_values')
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.drop_column('prepared')
