"""The first register: contests, establishments, products, registrations, judges' scores, recognitions, rounds.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _pk() -> sa.Column:
    return sa.Column("id", sa.Integer, nullable=False)


def _fk(column: str, table: str, source: str, **kw) -> sa.Column:
    return sa.Column(column, sa.Integer, sa.ForeignKey(f"{table}.id", name=f"fk_{source}_{column}_{table}"), **kw)


def upgrade() -> None:
    """Create the first schema."""
    op.create_table(
        "contests", _pk(),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("area", sa.String(200), nullable=False),
        sa.Column("province", sa.String(200), nullable=False),
        sa.Column("region", sa.String(200), nullable=False),
        sa.Column("organiser", sa.String(400), nullable=False),
        sa.Column("decision_no", sa.String(100), nullable=False),
        sa.Column("decision_date", sa.Date),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("signer_title", sa.String(400), nullable=False),
        sa.Column("held_here", sa.Boolean, nullable=False),
        sa.Column("validity_years", sa.Integer),
        sa.Column("source_file", sa.Text, nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime),
        sa.PrimaryKeyConstraint("id", name="pk_contests"),
        sa.UniqueConstraint("level", "year", "area", name="uq_contests_level_year_area"),
    )
    op.create_table(
        "establishments", _pk(),
        sa.Column("tax_code", sa.String(32)),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("name_key", sa.String(400), nullable=False),
        sa.Column("commune", sa.String(200), nullable=False),
        sa.Column("commune_key", sa.String(200), nullable=False),
        sa.Column("district", sa.String(200), nullable=False),
        sa.Column("province", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_establishments"),
        sa.UniqueConstraint("tax_code", name="uq_establishments_tax_code"),
    )
    op.create_index("ix_establishments_name_commune", "establishments", ["name_key", "commune_key"])
    op.create_table(
        "products", _pk(),
        _fk("establishment_id", "establishments", "products", nullable=False),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("name_key", sa.String(400), nullable=False),
        sa.Column("product_group", sa.String(200), nullable=False),
        sa.Column("is_set", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_products"),
        sa.UniqueConstraint("establishment_id", "name_key", name="uq_products_establishment_name"),
    )
    _registrations()
    op.create_table(
        "judges", _pk(),
        _fk("contest_id", "contests", "judges", nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(400), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_judges"),
        sa.UniqueConstraint("contest_id", "code", name="uq_judges_contest_code"),
    )
    op.create_index("ix_judges_contest_id", "judges", ["contest_id"])
    op.create_table(
        "scores", _pk(),
        _fk("registration_id", "registrations", "scores", nullable=False),
        sa.Column("judge_code", sa.String(64), nullable=False),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),  # hundredths
        sa.PrimaryKeyConstraint("id", name="pk_scores"),
    )
    op.create_index("ix_scores_registration_id", "scores", ["registration_id"])
    _imports_and_outcomes()


def _registrations() -> None:
    op.create_table(
        "registrations", _pk(),
        _fk("contest_id", "contests", "registrations", nullable=False),
        _fk("product_id", "products", "registrations", nullable=False),
        _fk("establishment_id", "establishments", "registrations", nullable=False),
        *(sa.Column(name, sa.String(size), nullable=False) for name, size in (
            ("product_code", 64), ("product_name", 400), ("product_group", 200), ("establishment_name", 400),
            ("establishment_kind", 100), ("representative", 200), ("tax_code", 64), ("phone", 64), ("email", 200))),
        sa.Column("address", sa.Text, nullable=False),
        *(sa.Column(name, sa.String(200), nullable=False) for name in ("commune", "district", "province")),
        *(sa.Column(name, sa.Boolean) for name in ("has_form", "has_business_reg", "has_description")),
        sa.Column("photos", sa.Integer),
        *(sa.Column(name, sa.Boolean) for name in ("has_quality_cert", "has_food_safety")),
        sa.Column("rank", sa.Integer),
        sa.Column("total", sa.Integer),  # hundredths
        *(sa.Column(name, sa.Boolean) for name in ("passed", "council", "forward")),
        sa.Column("sheet_row", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_registrations"),
        sa.UniqueConstraint("contest_id", "product_code", name="uq_registrations_contest_code"),
    )
    for column in ("contest_id", "product_id", "establishment_id"):
        op.create_index(f"ix_registrations_{column}", "registrations", [column])


def _imports_and_outcomes() -> None:
    op.create_table(
        "imports", _pk(),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_imports"),
    )
    op.create_table(
        "recognitions", _pk(),
        _fk("product_id", "products", "recognitions", nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        _fk("contest_id", "contests", "recognitions"),
        sa.Column("product_code", sa.String(64), nullable=False),
        sa.Column("decision_no", sa.String(100), nullable=False),
        sa.Column("decision_date", sa.Date),
        sa.Column("cert_no", sa.String(100), nullable=False),
        sa.Column("issued", sa.Date),
        sa.Column("valid_until", sa.Date),
        _fk("import_id", "imports", "recognitions"),
        sa.PrimaryKeyConstraint("id", name="pk_recognitions"),
        sa.UniqueConstraint("product_id", "level", "year", name="uq_recognitions_product_level_year"),
    )
    op.create_index("ix_recognitions_product_id", "recognitions", ["product_id"])
    op.create_index("ix_recognitions_contest_id", "recognitions", ["contest_id"])
    op.create_table(
        "rounds", _pk(),
        _fk("product_id", "products", "rounds", nullable=False),
        _fk("contest_id", "contests", "rounds", nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("product_code", sa.String(64), nullable=False),
        sa.Column("recognised", sa.Boolean, nullable=False),
        _fk("import_id", "imports", "rounds"),
        sa.PrimaryKeyConstraint("id", name="pk_rounds"),
        sa.UniqueConstraint("product_id", "level", "year", name="uq_rounds_product_level_year"),
    )
    op.create_index("ix_rounds_product_id", "rounds", ["product_id"])
    op.create_index("ix_rounds_contest_id", "rounds", ["contest_id"])


def downgrade() -> None:
    """Drop the first schema."""
    for table in ("rounds", "recognitions", "imports", "scores", "judges", "registrations", "products",
                  "establishments", "contests"):
        op.drop_table(table)
