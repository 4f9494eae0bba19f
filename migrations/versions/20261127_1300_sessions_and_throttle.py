"""session tokens, login throttle

Revision ID: 5a1d0c7e9b21
Revises: ea0e491a4e12
Create Date: 2026-11-27 13:00:00

Each user gets a session token (part of the session cookie; replaced to revoke sessions), and
failed log-ins are counted per client address in their own table instead of locking accounts.
"""
import secrets

import sqlalchemy as sa
from alembic import op

revision = '5a1d0c7e9b21'
down_revision = 'ea0e491a4e12'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=64), nullable=True))
        batch_op.drop_column('failed_login_count')
        batch_op.drop_column('locked_until')
    users = sa.table('user_account', sa.column('id', sa.Integer),
                     sa.column('session_token', sa.String))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        connection.execute(users.update().where(users.c.id == user_id)
                           .values(session_token=secrets.token_hex(16)))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.String(length=64), nullable=False)
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('blocked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )


def downgrade():
    op.drop_table('login_throttle')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('failed_login_count', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.drop_column('session_token')
