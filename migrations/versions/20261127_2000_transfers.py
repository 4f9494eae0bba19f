"""transfers of people between units (candidates mid-path, members official or temporary)

Revision ID: 3d9a5e7c2b41
Revises: 8b2f4d6a1c39
Create Date: 2026-11-27 20:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '3d9a5e7c2b41'
down_revision = '8b2f4d6a1c39'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'transfer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=True),
        sa.Column('member_id', sa.Integer(), nullable=True),
        sa.Column('full_name', sa.String(length=200), nullable=False),
        sa.Column('from_id', sa.Integer(), nullable=False),
        sa.Column('to_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=50), nullable=False),
        sa.Column('act_date', sa.Date(), nullable=False),
        sa.Column('issuer', sa.String(length=200), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('returned_on', sa.Date(), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'],
                                name=op.f('fk_transfer_candidate_id_candidate')),
        sa.ForeignKeyConstraint(['member_id'], ['member.id'],
                                name=op.f('fk_transfer_member_id_member')),
        sa.ForeignKeyConstraint(['from_id'], ['organization.id'],
                                name=op.f('fk_transfer_from_id_organization')),
        sa.ForeignKeyConstraint(['to_id'], ['organization.id'],
                                name=op.f('fk_transfer_to_id_organization')),
        sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'],
                                name=op.f('fk_transfer_created_by_id_user_account')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer')))
    for column in ('candidate_id', 'member_id', 'from_id', 'to_id'):
        op.create_index(op.f(f'ix_transfer_{column}'), 'transfer', [column])


def downgrade():
    for column in ('candidate_id', 'member_id', 'from_id', 'to_id'):
        op.drop_index(op.f(f'ix_transfer_{column}'), table_name='transfer')
    op.drop_table('transfer')
