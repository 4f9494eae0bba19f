"""candidate: who issued the written exceptions (above 60, primary education), and when

Revision ID: 3f8b1d6e2c74
Revises: 9e4c2b7a5d18
Create Date: 2026-11-27 15:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '3f8b1d6e2c74'
down_revision = '9e4c2b7a5d18'
branch_labels = None
depends_on = None

COLUMNS = (("age_exception_by", sa.String(length=200)), ("age_exception_on", sa.Date()),
           ("education_exception_by", sa.String(length=200)), ("education_exception_on", sa.Date()))


def upgrade():
    for name, kind in COLUMNS:
        op.add_column('candidate', sa.Column(name, kind, nullable=True))


def downgrade():
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        for name, _kind in reversed(COLUMNS):
            batch_op.drop_column(name)
