"""working calendar (announced day swaps); dossier: date the branch received a document

Revision ID: 4a9d3c5e7f20
Revises: 3f8b1d6e2c74
Create Date: 2026-11-27 16:00:00

The known swaps are seeded; the holidays library already gives the bridge days off, these rows
add the Saturdays worked in exchange (and repeat the day off, so the screen shows both).
"""
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = '4a9d3c5e7f20'
down_revision = '3f8b1d6e2c74'
branch_labels = None
depends_on = None

KNOWN_SWAPS = (
    (date(2024, 4, 29), date(2024, 5, 4), "Công văn 2450/VPCP-KGVX (2024)"),
    (date(2025, 5, 2), date(2025, 4, 26), "Thông báo 6150/TB-BLĐTBXH (2024)"),
    (date(2026, 8, 31), date(2026, 8, 22), "Hoán đổi ngày làm việc dịp Quốc khánh 2/9/2026"),
)


def upgrade():
    table = op.create_table('working_calendar',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('working', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_working_calendar')),
    sa.UniqueConstraint('day', name=op.f('uq_working_calendar_day'))
    )
    rows = []
    for off, worked, note in KNOWN_SWAPS:
        rows.append({"day": off, "working": False, "note": f"Nghỉ bù, làm bù ngày "
                     f"{worked:%d/%m/%Y} ({note})"})
        rows.append({"day": worked, "working": True, "note": f"Làm việc bù cho ngày "
                     f"{off:%d/%m/%Y} ({note})"})
    op.bulk_insert(table, rows)
    op.add_column('dossier_item', sa.Column('received_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('dossier_item', schema=None) as batch_op:
        batch_op.drop_column('received_on')
    op.drop_table('working_calendar')
