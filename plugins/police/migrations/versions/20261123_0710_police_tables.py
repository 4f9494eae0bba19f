"""police: candidate service profile and political vetting

Revision ID: 5c2e8d4f1a77
Revises:
Create Date: 2026-11-23 07:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = "5c2e8d4f1a77"
down_revision = None
branch_labels = ("police",)
depends_on = "ce7307f00c56"  # the core revision that creates candidate


def upgrade():
    op.create_table(
        "police_profile",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.String(length=30), nullable=True),
        sa.Column("service_type", sa.String(length=20), nullable=True),
        sa.Column("police_unit", sa.String(length=200), nullable=True),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"],
                                name=op.f("fk_police_profile_candidate_id_candidate")),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_police_profile")),
    )
    op.create_table(
        "police_vetting",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("vetted_on", sa.Date(), nullable=False),
        sa.Column("document_number", sa.String(length=50), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"],
                                name=op.f("fk_police_vetting_candidate_id_candidate")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["user_account.id"],
                                name=op.f("fk_police_vetting_recorded_by_id_user_account")),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_police_vetting")),
    )


def downgrade():
    op.drop_table("police_vetting")
    op.drop_table("police_profile")
