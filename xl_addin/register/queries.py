"""The register's answer to the summary report: the records of a period, read without opening a workbook."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from ..domain.register_records import (
    ActivityRecord, ContestRecord, RecognitionFact, RecognitionRecord, ReferenceCount, RegistrationFact,
    RegistrationRecord, ReportData, RoundRecord,
)
from .tables import (
    activities, contests, dossier_gaps, establishments, products, recognitions, reference_counts, registrations,
    rounds,
)


def _build(cls, rows, shared: tuple[int, ...]) -> list:
    """One record of cls per row (columns in field order), one copy kept of each text of the shared columns.

    Positional construction and shared copies of the repeated texts (level, group, areas) keep a
    period of 30 national contests (some 90,000 registrations) within the report's time and memory.
    """
    share = {}.setdefault
    out = []
    for row in rows:
        values = list(row)
        for i in shared:
            values[i] = share(values[i], values[i])
        out.append(cls(*values))
    return out


def report_data(conn: Connection, year_from: int, year_to: int) -> ReportData:
    """Every record of the years year_from…year_to, registrations and recognitions in full."""
    return _period(conn, year_from, year_to, tuple(_registrations(conn, year_from, year_to)),
                   tuple(_recognitions(conn, year_from, year_to)))


def report_facts(conn: Connection, year_from: int, year_to: int) -> ReportData:
    """What the summary report reads of the years year_from…year_to: report_data's rows, slim.

    The same registrations and recognitions in the same order as report_data, as RegistrationFact
    and RecognitionFact tuples of the columns the report reads: 30 national contests are some
    180,000 rows, and names, scores and decisions the report does not print cost most of the time.
    """
    return _period(conn, year_from, year_to, tuple(_registration_facts(conn, year_from, year_to)),
                   tuple(_recognition_facts(conn, year_from, year_to)))


def _period(conn: Connection, year_from: int, year_to: int, regs: tuple, recs: tuple) -> ReportData:
    held = _contests(conn, year_from, year_to)
    return ReportData(
        year_from=year_from, year_to=year_to, province=_province(held), contests=tuple(held),
        registrations=regs, recognitions=recs,
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


def _registration_query(where, *columns):
    """The registrations matching where, by contest year, level, contest and sheet row."""
    r, c = registrations.c, contests.c
    return (select(*columns).join(contests, c.id == r.contest_id)
            .where(where).order_by(c.year, c.level, r.contest_id, r.sheet_row, r.id))


def _registration_records(conn: Connection, where, gaps: dict[int, list[str]]) -> list[RegistrationRecord]:
    r, c, p = registrations.c, contests.c, products.c
    # Columns in RegistrationRecord's field order; the registration's id stands for its dossier gaps.
    q = _registration_query(where, r.contest_id, c.level, c.year, r.product_id, r.product_code, r.product_name,
                            r.product_group, r.establishment_id, r.establishment_name, r.tax_code, r.commune,
                            r.district, r.province, p.is_set, r.total, r.passed, r.council, r.forward,
                            r.id).join(products, p.id == r.product_id)
    documents = {reg_id: tuple(docs) for reg_id, docs in gaps.items()}
    rows = ((*row[:-1], documents.get(row[-1], ())) for row in conn.execute(q))
    return _build(RegistrationRecord, rows, (1, 6, 10, 11, 12))


def _registration_facts(conn: Connection, y1: int, y2: int) -> list[RegistrationFact]:
    r = registrations.c
    q = _registration_query(contests.c.year.between(y1, y2), r.contest_id, contests.c.year, r.product_id,
                            r.establishment_id, r.product_group, r.commune, r.district, r.id)
    documents = {reg_id: tuple(docs) for reg_id, docs in _gaps(conn, y1, y2).items()}
    share, none = {}.setdefault, ()
    return [RegistrationFact(contest, year, product, establishment, share(group, group), share(commune, commune),
                             share(district, district), documents.get(reg_id, none))
            for contest, year, product, establishment, group, commune, district, reg_id in conn.execute(q)]


def _recognition_query(y1: int, y2: int, *columns):
    """Recognitions of the period and earlier ones still valid in it, with the area they were registered in.

    The names "district" and "commune" among the columns stand for the area at registration.
    """
    rec, p, e, reg = recognitions.c, products.c, establishments.c, registrations.alias("at_registration")
    at = {"district": func.coalesce(reg.c.district, e.district).label("district"),
          "commune": func.coalesce(reg.c.commune, e.commune).label("commune")}
    return (select(*(at[c] if isinstance(c, str) else c for c in columns))
            .join(products, p.id == rec.product_id).join(establishments, e.id == p.establishment_id)
            .outerjoin(reg, and_(reg.c.contest_id == rec.contest_id, reg.c.product_code == rec.product_code))
            .where(rec.year <= y2, or_(rec.year >= y1, rec.valid_until >= dt.date(y1, 1, 1)))
            .order_by(rec.year, rec.level, rec.product_code, rec.id))


def _recognitions(conn: Connection, y1: int, y2: int) -> list[RecognitionRecord]:
    rec, p, e = recognitions.c, products.c, establishments.c
    # Columns in RecognitionRecord's field order.
    q = _recognition_query(y1, y2, rec.level, rec.year, rec.product_id, rec.product_code, p.name, p.product_group,
                           p.establishment_id, e.name.label("establishment"), "district", "commune", rec.decision_no,
                           rec.decision_date, rec.cert_no, rec.issued, rec.valid_until)
    return _build(RecognitionRecord, conn.execute(q), (0, 5, 8, 9))


def _recognition_facts(conn: Connection, y1: int, y2: int) -> list[RecognitionFact]:
    rec, p, e = recognitions.c, products.c, establishments.c
    q = _recognition_query(y1, y2, rec.level, rec.year, rec.product_id, p.name, p.product_group,
                           e.name.label("establishment"), "district", rec.cert_no, rec.valid_until)
    share = {}.setdefault
    return [RecognitionFact(share(level, level), year, product, name, share(group, group), establishment,
                            share(district, district), cert_no, valid_until)
            for level, year, product, name, group, establishment, district, cert_no, valid_until in conn.execute(q)]


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
