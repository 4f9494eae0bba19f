"""plugin_state: the plugin's schema revisions, to name it once it is uninstalled

Revision ID: 5e1b7c9d3a28
Revises: 2c6d8e0a4f17
Create Date: 2026-11-27 19:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '5e1b7c9d3a28'
down_revision = '2c6d8e0a4f17'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('plugin_state', sa.Column('revisions', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('plugin_state', schema=None) as batch_op:
        batch_op.drop_column('revisions')
