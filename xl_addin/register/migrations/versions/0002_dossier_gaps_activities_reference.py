"""What the summary report needs besides contests: dossier gaps, the activity log, reference counts.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _import_fk(table: str) -> sa.Column:
    return sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id", name=f"fk_{table}_import_id_imports"))


def upgrade() -> None:
    """Add the dossier gaps of each registration, the Hoạt động log and the Cơ sở CNNT counts."""
    op.create_table(
        "dossier_gaps",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("registration_id", sa.Integer,
                  sa.ForeignKey("registrations.id", name="fk_dossier_gaps_registration_id_registrations"),
                  nullable=False),
        sa.Column("document", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_dossier_gaps"),
    )
    op.create_index("ix_dossier_gaps_registration_id", "dossier_gaps", ["registration_id"])
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(200), nullable=False),
        sa.Column("content", sa.String(1000), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        _import_fk("activities"),
        sa.PrimaryKeyConstraint("id", name="pk_activities"),
        sa.UniqueConstraint("year", "kind", "content", name="uq_activities_year_kind_content"),
    )
    op.create_table(
        "reference_counts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        *(sa.Column(name, sa.String(200), nullable=False)
          for name in ("district", "commune", "district_key", "commune_key")),
        sa.Column("establishments", sa.Integer, nullable=False),
        _import_fk("reference_counts"),
        sa.PrimaryKeyConstraint("id", name="pk_reference_counts"),
        sa.UniqueConstraint("year", "district_key", "commune_key", name="uq_reference_counts_year_district_commune"),
    )


def downgrade() -> None:
    """Drop what upgrade added."""
    for table in ("reference_counts", "activities", "dossier_gaps"):
        op.drop_table(table)
