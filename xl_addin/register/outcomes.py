"""Storing what staff fill in the register workbook: upper-level outcomes, activities, reference counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from ..domain import register_messages as msg
from ..domain import register_schema as rs
from ..domain import rules
from ..domain.certificates import expiry_date
from ..domain.findings import Finding, error, warning
from ..domain.register_entry import commune_key, district_key, name_key
from ..domain.register_sheets import ActivityRow, ReferenceRow, UpperRow
from .identity import Identities
from .tables import activities, contests, imports, products, recognitions, reference_counts, registrations, rounds

LOWER_LEVELS = {level: rules.LEVEL_ORDER[:rules.LEVEL_ORDER.index(level)] for level in rs.UPPER_LEVELS.values()}
DEFAULT_VALIDITY = 4


@dataclass
class Stored:
    """How many rows of each kind were written, and the rows that could not be placed."""

    rounds: int = 0
    recognitions: int = 0
    activities: int = 0
    references: int = 0
    decisions: int = 0  # Nghi trùng answers read (Có or Không)
    findings: list[Finding] = field(default_factory=list)


def log_import(conn: Connection, file: str, sha256: str, rows: int, now: dt.datetime) -> int:
    """One row of the import log; its id."""
    return conn.execute(imports.insert().values(kind="workbook", file=file, sha256=sha256, rows=rows,
                                                summary="", imported_at=now)).inserted_primary_key[0]


def _source(conn: Connection, row: UpperRow, ids: Identities) -> tuple[int, str, int | None] | None:
    """(product id, region, validity years) of the contest that forwarded the row's product, or None."""
    r, c = registrations.c, contests.c
    q = (select(r.product_id, c.region, c.validity_years).join(contests, c.id == r.contest_id)
         .where(c.year <= row.year, c.level.in_(LOWER_LEVELS[row.level]), c.held_here.is_(True))
         .order_by(c.year.desc(), c.id.desc()).limit(1))
    if row.code:
        hit = conn.execute(q.where(r.product_code == row.code)).first()
        return None if hit is None else (hit.product_id, hit.region, hit.validity_years)
    product_id = ids.find_product(row.tax_code, row.name)
    if product_id is None:
        return None
    hit = conn.execute(q.where(r.product_id == product_id)).first()
    return (product_id, hit.region if hit else "", hit.validity_years if hit else None)


def _round_contest(conn: Connection, level: str, year: int, area: str, row: UpperRow) -> int:
    """The id of the regional or national round (held elsewhere), added when new."""
    found = conn.execute(select(contests.c.id).where(
        contests.c.level == level, contests.c.year == year, contests.c.area == area)).scalar()
    if found is not None:
        return found
    return conn.execute(contests.insert().values(
        level=level, year=year, area=area, region=area if level == "khu-vuc" else "", held_here=False,
        decision_no=row.decision_no, decision_date=row.decision_date,
    )).inserted_primary_key[0]


def store_upper_rows(conn: Connection, rows: list[UpperRow], import_id: int, file: str, out: Stored) -> None:
    """Write each outcome as a round joined (and a recognition when Có); unplaceable rows become findings."""
    ids = Identities.load(conn)
    seen: dict[tuple[int, str, int], int] = {}
    for row in rows:
        source = _source(conn, row, ids)
        if source is None:
            out.findings.append(error("unknown-product", rs.SHEET_UPPER, row.code_cell, _unknown(row), file))
            continue
        product_id, region, validity = source
        key = (product_id, row.level, row.year)
        if key in seen:
            out.findings.append(error("duplicate-row", rs.SHEET_UPPER, row.code_cell, _repeated(row, seen[key]), file))
            continue
        seen[key] = row.row
        _check_name(conn, row, product_id, file, out)
        area = rs.NATIONAL_AREA if row.level == "quoc-gia" else region
        contest_id = _round_contest(conn, row.level, row.year, area, row)
        _replace(conn, rounds, product_id, row)
        conn.execute(rounds.insert().values(product_id=product_id, contest_id=contest_id, level=row.level,
                                            year=row.year, product_code=row.code, recognised=row.recognised,
                                            import_id=import_id))
        out.rounds += 1
        _replace(conn, recognitions, product_id, row)
        if row.recognised:
            until = expiry_date(row.decision_date, validity or DEFAULT_VALIDITY) if row.decision_date else None
            conn.execute(recognitions.insert().values(
                product_id=product_id, level=row.level, year=row.year, contest_id=contest_id, product_code=row.code,
                decision_no=row.decision_no, decision_date=row.decision_date, cert_no=row.cert_no,
                issued=row.decision_date, valid_until=until, import_id=import_id))
            out.recognitions += 1


def _replace(conn: Connection, table, product_id: int, row: UpperRow) -> None:
    conn.execute(delete(table).where(table.c.product_id == product_id, table.c.level == row.level,
                                     table.c.year == row.year))


def _check_name(conn: Connection, row: UpperRow, product_id: int, file: str, out: Stored) -> None:
    """Warn when the row's product name is not the name of the product its code points to."""
    if not (row.code and row.name):
        return
    known = conn.execute(select(products.c.name).where(products.c.id == product_id)).scalar()
    if known and name_key(known) != name_key(row.name):
        out.findings.append(warning("product-name-differs", rs.SHEET_UPPER, row.code_cell,
                                    msg.name_differs(row.row, row.code, known, row.name), file))


def _unknown(row: UpperRow) -> str:
    level = rules.LEVELS[row.level].lower()
    if row.code:
        return msg.unknown_code(row.row, row.code, row.year, level)
    return msg.unknown_product(row.row, row.name, row.tax_code)


def _repeated(row: UpperRow, first: int) -> str:
    return msg.repeated_outcome(row.row, rules.LEVELS[row.level].lower(), row.year, first)


def store_activities(conn: Connection, rows: list[ActivityRow], import_id: int, file: str, out: Stored) -> None:
    """Write the Hoạt động rows, replacing a row of the same year, kind and content."""
    seen: dict[tuple[int, str, str], int] = {}
    for row in rows:
        key = (row.year, row.kind, row.content)
        if key in seen:
            out.findings.append(error("duplicate-row", rs.SHEET_ACTIVITIES, row.cell,
                                      msg.repeated_activity(row.row, row.kind, row.year, seen[key]), file))
            continue
        seen[key] = row.row
        conn.execute(delete(activities).where(activities.c.year == row.year, activities.c.kind == row.kind,
                                              activities.c.content == row.content))
        conn.execute(activities.insert().values(year=row.year, kind=row.kind, content=row.content,
                                                quantity=row.quantity, note=row.note, import_id=import_id))
        out.activities += 1


def store_references(conn: Connection, rows: list[ReferenceRow], import_id: int, file: str, out: Stored) -> None:
    """Write the Cơ sở CNNT rows, replacing the count of the same year and area."""
    seen: dict[tuple[int, str, str], int] = {}
    for row in rows:
        key = (row.year, district_key(row.district), commune_key(row.commune))
        if key in seen:
            out.findings.append(error("duplicate-row", rs.SHEET_REFERENCE, row.cell,
                                      msg.repeated_reference(row.row, row.year, seen[key]), file))
            continue
        seen[key] = row.row
        conn.execute(delete(reference_counts).where(
            reference_counts.c.year == key[0], reference_counts.c.district_key == key[1],
            reference_counts.c.commune_key == key[2]))
        conn.execute(reference_counts.insert().values(
            year=row.year, district=row.district, commune=row.commune, district_key=key[1], commune_key=key[2],
            establishments=row.establishments, import_id=import_id))
        out.references += 1
