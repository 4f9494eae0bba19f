"""procuracy: candidate profile (position, evaluation, emulation)

Revision ID: 3e7a9c1b5d22
Revises:
Create Date: 2026-11-23 07:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = "3e7a9c1b5d22"
down_revision = None
branch_labels = ("procuracy",)
depends_on = "ce7307f00c56"  # the core revision that creates candidate


def upgrade():
    op.create_table(
        "procuracy_profile",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.String(length=30), nullable=True),
        sa.Column("evaluation", sa.String(length=20), nullable=True),
        sa.Column("evaluation_year", sa.Integer(), nullable=True),
        sa.Column("emulation_title", sa.String(length=30), nullable=True),
        sa.Column("campaign", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"],
                                name=op.f("fk_procuracy_profile_candidate_id_candidate")),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_procuracy_profile")),
    )


def downgrade():
    op.drop_table("procuracy_profile")
