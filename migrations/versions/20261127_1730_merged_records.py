"""candidate: merged into another record of the same person

Revision ID: 1d6f9b3c8e05
Revises: 5c8e2a6b4d91
Create Date: 2026-11-27 17:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '1d6f9b3c8e05'
down_revision = '5c8e2a6b4d91'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE candidate ADD COLUMN merged_into_id INTEGER "
                   "CONSTRAINT fk_candidate_merged_into_id_candidate REFERENCES candidate (id)")
    else:
        op.add_column('candidate', sa.Column('merged_into_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_candidate_merged_into_id_candidate'), 'candidate',
                              'candidate', ['merged_into_id'], ['id'])
    # Without it, deleting a candidate scans every candidate for references to it.
    op.create_index(op.f('ix_candidate_merged_into_id'), 'candidate', ['merged_into_id'])


def downgrade():
    op.drop_index(op.f('ix_candidate_merged_into_id'), table_name='candidate')
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_column('merged_into_id')
