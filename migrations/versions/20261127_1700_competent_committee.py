"""organization: competent committee, grassroots committee, delegation

Revision ID: 5c8e2a6b4d91
Revises: 7b5e1f3a9c62
Create Date: 2026-11-27 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '5c8e2a6b4d91'
down_revision = '7b5e1f3a9c62'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('organization', sa.Column('decides_admission', sa.Boolean(), nullable=False,
                                            server_default=sa.false()))
    op.add_column('organization', sa.Column('grassroots', sa.Boolean(), nullable=False,
                                            server_default=sa.false()))
    op.add_column('organization', sa.Column('delegated_on', sa.Date(), nullable=True))
    op.add_column('organization', sa.Column('delegation_act', sa.String(length=100),
                                            nullable=True))


def downgrade():
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_column('delegation_act')
        batch_op.drop_column('delegated_on')
        batch_op.drop_column('grassroots')
        batch_op.drop_column('decides_admission')
