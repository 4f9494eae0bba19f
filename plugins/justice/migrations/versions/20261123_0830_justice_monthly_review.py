"""justice: monthly review of sympathizers by each branch

Revision ID: 4e8d2a6c9b13
Revises: 9b1f3c2a7d10
Create Date: 2026-11-23 08:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = "4e8d2a6c9b13"
down_revision = "9b1f3c2a7d10"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "justice_monthly_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"],
                                name=op.f("fk_justice_monthly_review_organization_id_organization")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_justice_monthly_review")),
        sa.UniqueConstraint("organization_id", "month",
                            name=op.f("uq_justice_monthly_review_organization_id")),
    )
    with op.batch_alter_table("justice_monthly_review") as batch_op:
        batch_op.create_index(batch_op.f("ix_justice_monthly_review_organization_id"),
                              ["organization_id"], unique=False)


def downgrade():
    with op.batch_alter_table("justice_monthly_review") as batch_op:
        batch_op.drop_index(batch_op.f("ix_justice_monthly_review_organization_id"))
    op.drop_table("justice_monthly_review")
