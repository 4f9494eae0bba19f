"""access log of exports and opened records

Revision ID: 2b7e5d9c1f43
Revises: 8c3f6e2a4d17
Create Date: 2026-11-27 14:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '2b7e5d9c1f43'
down_revision = '8c3f6e2a4d17'
branch_labels = None
depends_on = None

MESSAGE = "the access log is append-only"


def upgrade():
    op.create_table('access_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('screen', sa.String(length=80), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('rows', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_access_log_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_log'))
    )
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_log_user_id'), ['user_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log "
                   "FOR EACH ROW EXECUTE FUNCTION refuse_history_change()")
    else:
        for operation in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER access_log_no_{operation.lower()} BEFORE {operation} ON "
                       f"access_log BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade():
    op.drop_table('access_log')
