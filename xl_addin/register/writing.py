"""Storing a finished contest: its rows replace whatever the register held of the same contest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Table, delete, exists, select, update
from sqlalchemy.engine import Connection

from ..domain import register_messages as msg
from ..domain.certificates import expiry_date
from ..domain.register_entry import ContestEntry, EntryRow
from ..domain.values import ValueProblem, date
from .identity import Identities
from .tables import (
    contests, dossier_gaps, establishments, imports, judges, products, recognitions, registrations, rounds, scores,
)


@dataclass
class StoredContest:
    """What storing one contest did."""

    contest_id: int
    replaced: bool
    products: int
    recognised: int
    notes: list[str] = field(default_factory=list)


def store_contest(conn: Connection, entry: ContestEntry, now: dt.datetime) -> StoredContest:
    """Write the contest (replacing its earlier rows) and log the import; one call per contest."""
    contest_id, replaced = _contest_row(conn, entry, now)
    if replaced:
        clear_contest(conn, contest_id)
    ids = Identities.load(conn)
    keys = []
    for row in entry.rows:
        est_id = ids.establishment(conn, row.registration)
        keys.append((est_id, ids.product(est_id, row.registration.name, row.registration.group)))
    real = ids.flush(conn)
    keys = [(real["establishments"].get(e, e), real["products"].get(p, p)) for e, p in keys]
    reg_rows = [_registration_values(contest_id, p, e, row) for row, (e, p) in zip(entry.rows, keys)]
    bulk_insert(conn, registrations, reg_rows)
    reg_ids = dict(conn.execute(select(registrations.c.product_code, registrations.c.id)
                                .where(registrations.c.contest_id == contest_id)).all())
    notes = _children(conn, entry, reg_ids)
    bulk_insert(conn, judges, [{"contest_id": contest_id, "code": j.code, "name": j.name, "title": j.title,
                                "unit": j.unit} for j in entry.judges])
    product_of = {row.registration.code: p for row, (_, p) in zip(entry.rows, keys)}
    recognised = _recognitions(conn, entry, contest_id, product_of)
    if replaced:
        remove_orphans(conn)
    conn.execute(imports.insert().values(
        kind="contest", file=entry.source_file, sha256=entry.source_sha256, rows=len(entry.rows),
        summary=f"{entry.info.level} {entry.info.year} {entry.area}: {len(entry.rows)} sản phẩm, {recognised} công nhận",
        imported_at=now,
    ))
    return StoredContest(contest_id, replaced, len(entry.rows), recognised, notes)


def bulk_insert(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert many rows fast on either engine: SQLite's executemany, PostgreSQL's COPY.

    psycopg runs an executemany one statement per row, and SQLAlchemy's multi-row VALUES pages are
    slow for psycopg to parse; COPY streams the rows in the same transaction.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    columns = [c for c in table.columns if not c.primary_key]
    binders = [c.type.bind_processor(conn.dialect) for c in columns]
    defaults = [c.default.arg if c.default is not None and c.default.is_scalar else None for c in columns]
    names = ", ".join(c.name for c in columns)
    with conn.connection.dbapi_connection.cursor() as cursor:
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                values = [row.get(c.name, default) for c, default in zip(columns, defaults)]
                copy.write_row([bind(v) if bind else v for bind, v in zip(binders, values)])


def _contest_row(conn: Connection, entry: ContestEntry, now: dt.datetime) -> tuple[int, bool]:
    """The contest's id by its natural key (level, year, area), its facts written; True when it existed."""
    info = entry.info
    values = dict(
        level=info.level, year=info.year, area=entry.area, province=info.province or "", region=info.region or "",
        organiser=info.organiser or "", decision_no=info.decision_no or "", decision_date=info.decision_date,
        signer=info.signer or "", signer_title=info.signer_title or "", held_here=True,
        validity_years=entry.validity_years, source_file=entry.source_file, source_sha256=entry.source_sha256,
        added_at=now,
    )
    found = conn.execute(select(contests.c.id).where(
        contests.c.level == info.level, contests.c.year == info.year, contests.c.area == entry.area)).scalar()
    if found is None:
        return conn.execute(contests.insert().values(**values)).inserted_primary_key[0], False
    conn.execute(update(contests).where(contests.c.id == found).values(**values))
    return found, True


def clear_contest(conn: Connection, contest_id: int) -> None:
    """Delete everything an earlier add of the contest wrote (its rows, scores, gaps, judges, recognitions)."""
    of_contest = select(registrations.c.id).where(registrations.c.contest_id == contest_id)
    conn.execute(delete(scores).where(scores.c.registration_id.in_(of_contest)))
    conn.execute(delete(dossier_gaps).where(dossier_gaps.c.registration_id.in_(of_contest)))
    conn.execute(delete(recognitions).where(recognitions.c.contest_id == contest_id))
    conn.execute(delete(registrations).where(registrations.c.contest_id == contest_id))
    conn.execute(delete(judges).where(judges.c.contest_id == contest_id))


def remove_orphans(conn: Connection) -> None:
    """Delete products and establishments nothing refers to any more (a re-added contest renamed them)."""
    used = (exists().where(registrations.c.product_id == products.c.id)
            | exists().where(recognitions.c.product_id == products.c.id)
            | exists().where(rounds.c.product_id == products.c.id))
    conn.execute(delete(products).where(~used))
    conn.execute(delete(establishments).where(
        ~exists().where(products.c.establishment_id == establishments.c.id),
        ~exists().where(registrations.c.establishment_id == establishments.c.id)))


def _registration_values(contest_id: int, prod_id: int, est_id: int, row: EntryRow) -> dict:
    reg, res = row.registration, row.result
    return dict(
        contest_id=contest_id, product_id=prod_id, establishment_id=est_id, product_code=reg.code,
        product_name=reg.name, product_group=reg.group or "", establishment_name=reg.establishment,
        establishment_kind=reg.establishment_type or "", representative=reg.representative or "",
        tax_code=reg.tax_code or "", phone=reg.phone or "", email=reg.email or "", address=reg.address or "",
        commune=reg.commune or "", district=reg.district or "", province=reg.province or "",
        has_form=reg.has_form, has_business_reg=reg.has_business_reg, has_description=reg.has_description,
        photos=reg.photos, has_quality_cert=reg.has_quality_cert, has_food_safety=reg.has_food_safety,
        rank=res.rank if res else None, total=res.total if res else None, passed=row.passed,
        council=res.council if res else None, forward=res.forward if res else None, sheet_row=reg.row,
    )


def _children(conn: Connection, entry: ContestEntry, reg_ids: dict[str, int]) -> list[str]:
    """Insert the judges' scores and the dossier gaps; notes about points rounded to hundredths."""
    score_rows, gap_rows, notes = [], [], []
    for row in entry.rows:
        reg_id = reg_ids[row.registration.code]
        for judge, item, points in row.scores:
            if not points_exact(points):
                notes.append(msg.ROUNDED_POINTS.format(points=points, judge=judge, code=row.registration.code,
                                                       rounded=round(points, 2)))
            score_rows.append({"registration_id": reg_id, "judge_code": judge, "item": item, "points": points})
        gap_rows += [{"registration_id": reg_id, "document": doc} for doc in row.missing_documents]
    bulk_insert(conn, scores, score_rows)
    bulk_insert(conn, dossier_gaps, gap_rows)
    return notes


def _recognitions(conn: Connection, entry: ContestEntry, contest_id: int, product_of: dict[str, int]) -> int:
    """One recognition per product the council recognised (Hội đồng đề xuất = Có), with its certificate."""
    info, rows = entry.info, []
    for row in entry.rows:
        if not (row.result and row.result.council):
            continue
        rows.append(dict(
            product_id=product_of[row.registration.code], level=info.level, year=info.year, contest_id=contest_id,
            product_code=row.registration.code, decision_no=info.decision_no or "",
            decision_date=info.decision_date, cert_no=row.result.cert_no or "", issued=info.decision_date,
            valid_until=_valid_until(row.result.valid_until, info.decision_date, entry.validity_years),
        ))
    ids = [r["product_id"] for r in rows]
    for start in range(0, len(ids), 1000):  # an import may have recorded the same recognition
        conn.execute(delete(recognitions).where(recognitions.c.level == info.level, recognitions.c.year == info.year,
                                                recognitions.c.product_id.in_(ids[start:start + 1000])))
    bulk_insert(conn, recognitions, rows)
    return len(rows)


def _valid_until(typed: str, issued: dt.date | None, years: int) -> dt.date | None:
    """The validity written in Kết quả, else worked out from the decision date (the rule's years)."""
    try:
        value = date(typed)
    except ValueProblem:
        value = None
    if value is None and issued is not None:
        value = expiry_date(issued, years)
    return value


def points_exact(points: Decimal) -> bool:
    """True when the points fit in hundredths without rounding."""
    return points * 100 == (points * 100).to_integral_value()
