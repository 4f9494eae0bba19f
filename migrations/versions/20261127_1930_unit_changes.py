"""units with an end: the changes of the tree (merges) and the old → new map

Revision ID: 8b2f4d6a1c39
Revises: 5e1b7c9d3a28
Create Date: 2026-11-27 19:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '8b2f4d6a1c39'
down_revision = '5e1b7c9d3a28'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('organization', sa.Column('ended_on', sa.Date(), nullable=True))
    op.create_table(
        'unit_change',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('number', sa.String(length=50), nullable=False),
        sa.Column('act_date', sa.Date(), nullable=False),
        sa.Column('issuer', sa.String(length=200), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'],
                                name=op.f('fk_unit_change_created_by_id_user_account')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_change')))
    op.create_table(
        'unit_succession',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('change_id', sa.Integer(), nullable=False),
        sa.Column('old_id', sa.Integer(), nullable=False),
        sa.Column('new_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['change_id'], ['unit_change.id'],
                                name=op.f('fk_unit_succession_change_id_unit_change')),
        sa.ForeignKeyConstraint(['new_id'], ['organization.id'],
                                name=op.f('fk_unit_succession_new_id_organization')),
        sa.ForeignKeyConstraint(['old_id'], ['organization.id'],
                                name=op.f('fk_unit_succession_old_id_organization')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_succession')))
    for column in ('change_id', 'old_id', 'new_id'):
        op.create_index(op.f(f'ix_unit_succession_{column}'), 'unit_succession', [column])


def downgrade():
    for column in ('change_id', 'old_id', 'new_id'):
        op.drop_index(op.f(f'ix_unit_succession_{column}'), table_name='unit_succession')
    op.drop_table('unit_succession')
    op.drop_table('unit_change')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_column('ended_on')
