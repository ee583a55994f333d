"""The register's tables (SQLAlchemy Core), as the newest migration leaves them.

Scores are exact: stored as integer hundredths (``Hundredths``) and read back as Decimal, on
SQLite and PostgreSQL alike. Natural keys are unique constraints, so an add or an import can
only replace, never duplicate: contests by (level, year, area), establishments by tax number,
products by (establishment, folded name), registrations by (contest, product code).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import (
    Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


class Hundredths(TypeDecorator):
    """A Decimal kept as an integer number of hundredths (85.5 is stored as 8550)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """Decimal -> int hundredths (half-up beyond two places; callers warn about that)."""
        if value is None:
            return None
        return int((Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def process_result_value(self, value, dialect):
        """int hundredths -> Decimal with two places."""
        return None if value is None else Decimal(value).scaleb(-2)


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


contests = Table(
    "contests", metadata, _id(),
    Column("level", String(16), nullable=False),
    Column("year", Integer, nullable=False),
    Column("area", String(200), nullable=False),
    Column("province", String(200), nullable=False, default=""),
    Column("region", String(200), nullable=False, default=""),
    Column("organiser", String(400), nullable=False, default=""),
    Column("decision_no", String(100), nullable=False, default=""),
    Column("decision_date", Date),
    Column("signer", String(200), nullable=False, default=""),
    Column("signer_title", String(400), nullable=False, default=""),
    Column("held_here", Boolean, nullable=False, default=True),
    Column("validity_years", Integer),
    Column("source_file", Text, nullable=False, default=""),
    Column("source_sha256", String(64), nullable=False, default=""),
    Column("added_at", DateTime),
    UniqueConstraint("level", "year", "area", name="uq_contests_level_year_area"),
)

establishments = Table(
    "establishments", metadata, _id(),
    Column("tax_code", String(32), unique=True),  # digits only; NULL when unknown
    Column("name", String(400), nullable=False),
    Column("name_key", String(400), nullable=False),
    Column("commune", String(200), nullable=False, default=""),
    Column("commune_key", String(200), nullable=False, default=""),
    Column("district", String(200), nullable=False, default=""),
    Column("province", String(200), nullable=False, default=""),
    Column("kind", String(100), nullable=False, default=""),
    Index("ix_establishments_name_commune", "name_key", "commune_key"),
)

products = Table(
    "products", metadata, _id(),
    Column("establishment_id", Integer, ForeignKey("establishments.id"), nullable=False),
    Column("name", String(400), nullable=False),
    Column("name_key", String(400), nullable=False),
    Column("product_group", String(200), nullable=False, default=""),
    Column("is_set", Boolean, nullable=False, default=False),
    UniqueConstraint("establishment_id", "name_key", name="uq_products_establishment_name"),
)

registrations = Table(
    "registrations", metadata, _id(),
    Column("contest_id", Integer, ForeignKey("contests.id"), nullable=False, index=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False, index=True),
    Column("establishment_id", Integer, ForeignKey("establishments.id"), nullable=False, index=True),
    Column("product_code", String(64), nullable=False),
    Column("product_name", String(400), nullable=False),
    Column("product_group", String(200), nullable=False, default=""),
    Column("establishment_name", String(400), nullable=False),
    Column("establishment_kind", String(100), nullable=False, default=""),
    Column("representative", String(200), nullable=False, default=""),
    Column("tax_code", String(64), nullable=False, default=""),  # as typed
    Column("phone", String(64), nullable=False, default=""),
    Column("email", String(200), nullable=False, default=""),
    # The address as it was at registration (provinces merged in 2025 stay as typed).
    Column("address", Text, nullable=False, default=""),
    Column("commune", String(200), nullable=False, default=""),
    Column("district", String(200), nullable=False, default=""),
    Column("province", String(200), nullable=False, default=""),
    Column("has_form", Boolean),
    Column("has_business_reg", Boolean),
    Column("has_description", Boolean),
    Column("photos", Integer),
    Column("has_quality_cert", Boolean),
    Column("has_food_safety", Boolean),
    Column("rank", Integer),
    Column("total", Hundredths),
    Column("passed", Boolean),
    Column("council", Boolean),
    Column("forward", Boolean),
    Column("sheet_row", Integer),
    UniqueConstraint("contest_id", "product_code", name="uq_registrations_contest_code"),
)

judges = Table(
    "judges", metadata, _id(),
    Column("contest_id", Integer, ForeignKey("contests.id"), nullable=False, index=True),
    Column("code", String(64), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("title", String(200), nullable=False, default=""),
    Column("unit", String(400), nullable=False, default=""),
    UniqueConstraint("contest_id", "code", name="uq_judges_contest_code"),
)

scores = Table(
    "scores", metadata, _id(),
    Column("registration_id", Integer, ForeignKey("registrations.id"), nullable=False, index=True),
    Column("judge_code", String(64), nullable=False),
    Column("item", String(32), nullable=False),
    Column("points", Hundredths, nullable=False),
)

recognitions = Table(
    "recognitions", metadata, _id(),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False, index=True),
    Column("level", String(16), nullable=False),
    Column("year", Integer, nullable=False),
    Column("contest_id", Integer, ForeignKey("contests.id"), index=True),
    Column("product_code", String(64), nullable=False, default=""),
    Column("decision_no", String(100), nullable=False, default=""),
    Column("decision_date", Date),
    Column("cert_no", String(100), nullable=False, default=""),
    Column("issued", Date),
    Column("valid_until", Date),
    Column("import_id", Integer, ForeignKey("imports.id")),
    UniqueConstraint("product_id", "level", "year", name="uq_recognitions_product_level_year"),
)

rounds = Table(
    "rounds", metadata, _id(),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False, index=True),
    Column("contest_id", Integer, ForeignKey("contests.id"), nullable=False, index=True),
    Column("level", String(16), nullable=False),
    Column("year", Integer, nullable=False),
    Column("product_code", String(64), nullable=False, default=""),
    Column("recognised", Boolean, nullable=False),
    Column("import_id", Integer, ForeignKey("imports.id")),
    UniqueConstraint("product_id", "level", "year", name="uq_rounds_product_level_year"),
)

imports = Table(
    "imports", metadata, _id(),
    Column("kind", String(32), nullable=False),  # "contest" (register add) or "workbook" (register import)
    Column("file", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("rows", Integer, nullable=False, default=0),
    Column("summary", Text, nullable=False, default=""),
    Column("imported_at", DateTime, nullable=False),
)

# --- Added by revision 0002 -------------------------------------------------------------------
dossier_gaps = Table(
    "dossier_gaps", metadata, _id(),
    Column("registration_id", Integer, ForeignKey("registrations.id"), nullable=False, index=True),
    Column("document", String(200), nullable=False),
)

activities = Table(
    "activities", metadata, _id(),
    Column("year", Integer, nullable=False),
    Column("kind", String(200), nullable=False),
    Column("content", String(1000), nullable=False, default=""),
    Column("quantity", Integer, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("import_id", Integer, ForeignKey("imports.id")),
    UniqueConstraint("year", "kind", "content", name="uq_activities_year_kind_content"),
)

reference_counts = Table(
    "reference_counts", metadata, _id(),
    Column("year", Integer, nullable=False),
    Column("district", String(200), nullable=False, default=""),
    Column("commune", String(200), nullable=False, default=""),
    Column("district_key", String(200), nullable=False, default=""),
    Column("commune_key", String(200), nullable=False, default=""),
    Column("establishments", Integer, nullable=False),
    Column("import_id", Integer, ForeignKey("imports.id")),
    UniqueConstraint("year", "district_key", "commune_key", name="uq_reference_counts_year_district_commune"),
)

# --- Added by revision 0003 -------------------------------------------------------------------
# A person's answer to a Nghi trùng suggestion. The pair is named by stable keys (domain/
# register_decisions.stable_key, first < second), not by ids a re-added contest may renumber.
duplicate_decisions = Table(
    "duplicate_decisions", metadata, _id(),
    Column("first_key", String(700), nullable=False),
    Column("second_key", String(700), nullable=False),
    Column("first_name", String(400), nullable=False, default=""),
    Column("second_name", String(400), nullable=False, default=""),
    Column("same", Boolean, nullable=False),  # True: one establishment (Có); False: two (Không)
    Column("decided_at", DateTime, nullable=False),
    Column("source_file", Text, nullable=False, default=""),
    Column("sheet_row", Integer),
    Column("import_id", Integer, ForeignKey("imports.id")),
    UniqueConstraint("first_key", "second_key", name="uq_duplicate_decisions_first_key_second_key"),
)

OUR_TABLES = frozenset(metadata.tables)
