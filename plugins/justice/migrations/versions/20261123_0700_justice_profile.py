"""justice: candidate profile (rank, legal qualification, division)

Revision ID: 9b1f3c2a7d10
Revises:
Create Date: 2026-11-23 07:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "9b1f3c2a7d10"
down_revision = None
branch_labels = ("justice",)
depends_on = "ce7307f00c56"  # the core revision that creates candidate


def upgrade():
    op.create_table(
        "justice_profile",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("civil_service_rank", sa.String(length=100), nullable=True),
        sa.Column("legal_qualification", sa.String(length=20), nullable=True),
        sa.Column("division", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"],
                                name=op.f("fk_justice_profile_candidate_id_candidate")),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_justice_profile")),
    )


def downgrade():
    op.drop_table("justice_profile")
