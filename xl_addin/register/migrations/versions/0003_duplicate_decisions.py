"""Staff's decisions on the Nghi trùng suggestions: which look-alike establishments are one, which are two.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add duplicate_decisions; no existing row changes."""
    op.create_table(
        "duplicate_decisions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("first_key", sa.String(700), nullable=False),
        sa.Column("second_key", sa.String(700), nullable=False),
        sa.Column("first_name", sa.String(400), nullable=False),
        sa.Column("second_name", sa.String(400), nullable=False),
        sa.Column("same", sa.Boolean, nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("source_file", sa.Text, nullable=False),
        sa.Column("sheet_row", sa.Integer),
        sa.Column("import_id", sa.Integer,
                  sa.ForeignKey("imports.id", name="fk_duplicate_decisions_import_id_imports")),
        sa.PrimaryKeyConstraint("id", name="pk_duplicate_decisions"),
        sa.UniqueConstraint("first_key", "second_key", name="uq_duplicate_decisions_first_key_second_key"),
    )


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_table("duplicate_decisions")
