"""The register's answer to the summary report: the records of a period, read without opening a workbook."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from ..domain.register_records import (
    ActivityRecord, ContestRecord, RecognitionRecord, ReferenceCount, RegistrationRecord, ReportData, RoundRecord,
)
from .tables import (
    activities, contests, dossier_gaps, establishments, products, recognitions, reference_counts, registrations,
    rounds,
)


def report_data(conn: Connection, year_from: int, year_to: int) -> ReportData:
    """Everything the summary report needs for the years year_from…year_to."""
    held = _contests(conn, year_from, year_to)
    return ReportData(
        year_from=year_from, year_to=year_to, province=_province(held), contests=tuple(held),
        registrations=tuple(_registrations(conn, year_from, year_to)),
        recognitions=tuple(_recognitions(conn, year_from, year_to)),
        rounds=tuple(_rounds(conn, year_from, year_to)),
        activities=tuple(_activities(conn, year_from, year_to)),
        reference_counts=tuple(_reference_counts(conn, year_to)),
    )


def _contests(conn: Connection, y1: int, y2: int) -> list[ContestRecord]:
    counts = (select(registrations.c.contest_id, func.count().label("n"))
              .group_by(registrations.c.contest_id).subquery())
    q = (select(contests, func.coalesce(counts.c.n, 0).label("n"))
         .outerjoin(counts, counts.c.contest_id == contests.c.id)
         .where(contests.c.year.between(y1, y2)).order_by(contests.c.year, contests.c.level, contests.c.area))
    return [ContestRecord(
        contest_id=r.id, level=r.level, year=r.year, area=r.area, province=r.province, region=r.region,
        decision_no=r.decision_no, decision_date=r.decision_date, products=r.n, held_here=r.held_here,
    ) for r in conn.execute(q)]


def _province(held: list[ContestRecord]) -> str:
    """The province of the register: the one of most provincial contests held in the period."""
    names = Counter(c.province for c in held if c.held_here and c.level == "tinh" and c.province)
    names = names or Counter(c.province for c in held if c.province)
    return names.most_common(1)[0][0] if names else ""


def _gaps(conn: Connection, y1: int, y2: int) -> dict[int, list[str]]:
    q = (select(dossier_gaps.c.registration_id, dossier_gaps.c.document)
         .join(registrations, registrations.c.id == dossier_gaps.c.registration_id)
         .join(contests, contests.c.id == registrations.c.contest_id)
         .where(contests.c.year.between(y1, y2)).order_by(dossier_gaps.c.id))
    out: dict[int, list[str]] = {}
    for reg_id, document in conn.execute(q):
        out.setdefault(reg_id, []).append(document)
    return out


def _registrations(conn: Connection, y1: int, y2: int) -> list[RegistrationRecord]:
    return _registration_records(conn, contests.c.year.between(y1, y2), _gaps(conn, y1, y2))


def registrations_of(conn: Connection, establishment_id: int) -> list[RegistrationRecord]:
    """Every registration of one establishment, oldest first, with its dossier gaps."""
    gaps: dict[int, list[str]] = {}
    q = (select(dossier_gaps.c.registration_id, dossier_gaps.c.document)
         .join(registrations, registrations.c.id == dossier_gaps.c.registration_id)
         .where(registrations.c.establishment_id == establishment_id).order_by(dossier_gaps.c.id))
    for reg_id, document in conn.execute(q):
        gaps.setdefault(reg_id, []).append(document)
    return _registration_records(conn, registrations.c.establishment_id == establishment_id, gaps)


def _registration_records(conn: Connection, where, gaps: dict[int, list[str]]) -> list[RegistrationRecord]:
    r, c, p = registrations.c, contests.c, products.c
    q = (select(r.id, r.contest_id, c.level, c.year, r.product_id, r.product_code, r.product_name, r.product_group,
                r.establishment_id, r.establishment_name, r.tax_code, r.commune, r.district, r.province, p.is_set,
                r.total, r.passed, r.council, r.forward)
         .join(contests, c.id == r.contest_id).join(products, p.id == r.product_id)
         .where(where).order_by(c.year, c.level, r.contest_id, r.sheet_row, r.id))
    return [RegistrationRecord(
        contest_id=row.contest_id, level=row.level, year=row.year, product_id=row.product_id,
        product_code=row.product_code, product_name=row.product_name, group=row.product_group,
        establishment_id=row.establishment_id, establishment_name=row.establishment_name, tax_code=row.tax_code,
        commune=row.commune, district=row.district, province=row.province, is_set=row.is_set, total=row.total,
        passed=row.passed, council=row.council, forward=row.forward, missing_documents=tuple(gaps.get(row.id, ())),
    ) for row in conn.execute(q)]


def _recognitions(conn: Connection, y1: int, y2: int) -> list[RecognitionRecord]:
    rec, p, e, reg = recognitions.c, products.c, establishments.c, registrations.alias("at_registration")
    q = (select(rec.level, rec.year, rec.product_id, rec.product_code, p.name, p.product_group, p.establishment_id,
                e.name.label("establishment"), func.coalesce(reg.c.district, e.district).label("district"),
                func.coalesce(reg.c.commune, e.commune).label("commune"), rec.decision_no, rec.decision_date,
                rec.cert_no, rec.issued, rec.valid_until)
         .join(products, p.id == rec.product_id).join(establishments, e.id == p.establishment_id)
         .outerjoin(reg, and_(reg.c.contest_id == rec.contest_id, reg.c.product_id == rec.product_id))
         .where(rec.year <= y2, or_(rec.year >= y1, rec.valid_until >= dt.date(y1, 1, 1)))
         .order_by(rec.year, rec.level, rec.product_code, rec.id))
    return [RecognitionRecord(
        level=row.level, year=row.year, product_id=row.product_id, product_code=row.product_code,
        product_name=row.name, group=row.product_group, establishment_id=row.establishment_id,
        establishment_name=row.establishment, district=row.district, commune=row.commune,
        decision_no=row.decision_no, decision_date=row.decision_date, cert_no=row.cert_no, issued=row.issued,
        valid_until=row.valid_until,
    ) for row in conn.execute(q)]


def _rounds(conn: Connection, y1: int, y2: int) -> list[RoundRecord]:
    return _round_records(conn, rounds.c.year.between(y1, y2))


def rounds_of(conn: Connection, product_ids: set[int]) -> list[RoundRecord]:
    """The regional and national rounds these products joined."""
    return _round_records(conn, rounds.c.product_id.in_(sorted(product_ids))) if product_ids else []


def _round_records(conn: Connection, where) -> list[RoundRecord]:
    q = (select(rounds.c.level, rounds.c.year, rounds.c.product_id, products.c.name, products.c.product_group,
                products.c.establishment_id, rounds.c.recognised)
         .join(products, products.c.id == rounds.c.product_id)
         .where(where).order_by(rounds.c.year, rounds.c.level, rounds.c.id))
    return [RoundRecord(level=r.level, year=r.year, product_id=r.product_id, product_name=r.name,
                        group=r.product_group, establishment_id=r.establishment_id, recognised=r.recognised)
            for r in conn.execute(q)]


def _activities(conn: Connection, y1: int, y2: int) -> list[ActivityRecord]:
    q = select(activities).where(activities.c.year.between(y1, y2)).order_by(activities.c.year, activities.c.id)
    return [ActivityRecord(year=r.year, kind=r.kind, quantity=r.quantity, content=r.content, note=r.note)
            for r in conn.execute(q)]


def _reference_counts(conn: Connection, y2: int) -> list[ReferenceCount]:
    """The latest count of each area (district, commune) up to year y2."""
    q = (select(reference_counts).where(reference_counts.c.year <= y2)
         .order_by(reference_counts.c.year, reference_counts.c.id))
    latest: dict[tuple[str, str], ReferenceCount] = {}
    for r in conn.execute(q):
        latest[(r.district_key, r.commune_key)] = ReferenceCount(r.year, r.district, r.commune, r.establishments)
    return sorted(latest.values(), key=lambda c: (c.district, c.commune))
