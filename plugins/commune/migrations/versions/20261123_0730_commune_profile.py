"""commune: candidate profile (hamlet, occupation group, source details)

Revision ID: 7d4b2e9f3c61
Revises:
Create Date: 2026-11-23 07:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = "7d4b2e9f3c61"
down_revision = None
branch_labels = ("commune",)
depends_on = "ce7307f00c56"  # the core revision that creates candidate


def upgrade():
    op.create_table(
        "commune_profile",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("hamlet", sa.String(length=100), nullable=True),
        sa.Column("occupation_group", sa.String(length=100), nullable=True),
        sa.Column("discharged_on", sa.Date(), nullable=True),
        sa.Column("graduated_from", sa.String(length=200), nullable=True),
        sa.Column("school", sa.String(length=200), nullable=True),
        sa.Column("grade", sa.String(length=10), nullable=True),
        sa.Column("academic_result", sa.String(length=20), nullable=True),
        sa.Column("conduct", sa.String(length=20), nullable=True),
        sa.Column("awards", sa.String(length=300), nullable=True),
        sa.Column("enterprise", sa.String(length=200), nullable=True),
        sa.Column("ownership", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"],
                                name=op.f("fk_commune_profile_candidate_id_candidate")),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_commune_profile")),
    )


def downgrade():
    op.drop_table("commune_profile")
