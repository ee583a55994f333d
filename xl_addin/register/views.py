"""Queries behind `register show`, `expiring`, `export` and the Nghi trùng view: plain records and rows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from ..domain.models import Registration
from ..domain.register_entry import tax_digits
from ..domain import register_schema as rs
from ..domain.register_decisions import apply_decisions, decided_pairs
from ..domain.register_views import CertificateLine, EstablishmentHistory, EstablishmentKey, Lookalike, lookalikes
from ..domain.values import loose_key
from . import queries
from .decisions import stored_decisions
from .tables import contests, establishments, products, recognitions, registrations


def _latest_registrations(conn: Connection) -> dict[int, object]:
    """Establishment id -> its latest registration row (the address as it last registered)."""
    r, c = registrations.c, contests.c
    q = (select(r.establishment_id, r.address, r.commune, r.district, r.province, r.representative, r.tax_code,
                c.organiser).join(contests, c.id == r.contest_id).order_by(c.year, r.id))
    return {row.establishment_id: row for row in conn.execute(q)}


def certificate_lines(conn: Connection, *, ending_in: int | None = None,
                      establishment_id: int | None = None) -> list[CertificateLine]:
    """Every recognition (or those ending in a year, or of one establishment) with its certificate."""
    rec, p, e = recognitions.c, products.c, establishments.c
    later = recognitions.alias("later")
    renewed = (select(func.count()).select_from(later)
               .where(later.c.product_id == rec.product_id, later.c.level == rec.level, later.c.year > rec.year)
               .scalar_subquery())
    typed = registrations.alias("typed")  # the product and establishment as named in that contest
    q = (select(rec.product_id, rec.product_code, rec.level, rec.year, rec.decision_no, rec.decision_date, rec.cert_no,
                rec.issued, rec.valid_until, func.coalesce(typed.c.product_name, p.name).label("name"),
                p.product_group, p.establishment_id,
                func.coalesce(typed.c.establishment_name, e.name).label("est_name"),
                e.tax_code, renewed.label("renewed"), contests.c.organiser)
         .join(products, p.id == rec.product_id).join(establishments, e.id == p.establishment_id)
         .outerjoin(contests, contests.c.id == rec.contest_id)
         .outerjoin(typed, and_(typed.c.contest_id == rec.contest_id, typed.c.product_id == rec.product_id))
         .order_by(e.name, rec.year, rec.product_code, rec.id))
    if ending_in is not None:
        q = q.where(rec.valid_until.between(dt.date(ending_in, 1, 1), dt.date(ending_in, 12, 31)))
    if establishment_id is not None:
        q = q.where(p.establishment_id == establishment_id)
    latest = _latest_registrations(conn)
    lines = []
    for row in conn.execute(q):
        reg = latest.get(row.establishment_id)
        lines.append(CertificateLine(
            establishment_id=row.establishment_id, establishment_name=row.est_name,
            tax_code=(reg.tax_code if reg else "") or (row.tax_code or ""), product_id=row.product_id,
            product_code=row.product_code, product_name=row.name, group=row.product_group, level=row.level,
            year=row.year, decision_no=row.decision_no, decision_date=row.decision_date, cert_no=row.cert_no,
            issued=row.issued, valid_until=row.valid_until, renewed=bool(row.renewed),
            address=_address(reg), representative=reg.representative if reg else "",
            province=reg.province if reg else "", organiser=row.organiser or (reg.organiser if reg else ""),
        ))
    return lines


def _address(reg) -> str:
    if reg is None:
        return ""
    return Registration(code="", name="", group="", establishment="", establishment_type="", address=reg.address,
                        commune=reg.commune, district=reg.district, province=reg.province).full_address()


def find_establishments(conn: Connection, query: str) -> list[int]:
    """Ids of the establishments a query means: a tax number (digits), else any name it was registered under."""
    digits = tax_digits(query)
    if len(digits) >= 10 and len(digits) >= len(query.strip()) - 2:
        q = select(establishments.c.id).where(establishments.c.tax_code.like(f"{digits}%"))
        return [row.id for row in conn.execute(q.order_by(establishments.c.id))]
    key = loose_key(query)
    if not key:
        return []
    names = conn.execute(select(establishments.c.id, establishments.c.name).union(
        select(registrations.c.establishment_id, registrations.c.establishment_name))).all()
    return sorted({est_id for est_id, name in names if key in loose_key(name)})


def history(conn: Connection, establishment_id: int) -> EstablishmentHistory:
    """One establishment's products, registrations, scores, recognitions and rounds."""
    est = conn.execute(select(establishments).where(establishments.c.id == establishment_id)).one()
    regs = [r for r in queries.registrations_of(conn, establishment_id)]
    names = tuple(dict.fromkeys([est.name, *(r.establishment_name for r in regs)]))
    product_ids = {r.product_id for r in regs}
    certs = certificate_lines(conn, establishment_id=establishment_id)
    product_ids |= {c.product_id for c in certs}
    rounds = [r for r in queries.rounds_of(conn, product_ids)]
    return EstablishmentHistory(est.id, est.name, est.tax_code or "", est.commune, est.district, est.province, names,
                                tuple(regs), tuple(certs), tuple(rounds), _confirmed_same(conn, est.id))


def _confirmed_same(conn: Connection, establishment_id: int) -> tuple[tuple[int, str, str], ...]:
    """(id, name, tax number) of the establishments a person confirmed are this one."""
    keys = establishment_keys(conn)
    by_id = {k.establishment_id: k for k in keys}
    others = {other for pair, same in decided_pairs(keys, stored_decisions(conn)).items()
              if same and establishment_id in pair for other in pair if other != establishment_id}
    return tuple((i, by_id[i].name, by_id[i].tax_code) for i in sorted(others))


def lookalike_pairs(conn: Connection) -> list[Lookalike]:
    """The Nghi trùng suggestions less those a person rejected; those confirmed marked."""
    keys = establishment_keys(conn)
    return apply_decisions(lookalikes(keys, rs.DUPLICATE_THRESHOLD), decided_pairs(keys, stored_decisions(conn)))


def establishment_keys(conn: Connection) -> list[EstablishmentKey]:
    """Every establishment's folded name and commune, for the Nghi trùng view."""
    e = establishments.c
    q = select(e.id, e.name, e.name_key, e.tax_code, e.commune, e.commune_key).order_by(e.id)
    return [EstablishmentKey(r.id, r.name, r.name_key, r.tax_code or "", r.commune, r.commune_key)
            for r in conn.execute(q)]


def validity_years(conn: Connection) -> tuple[int, int] | None:
    """The first and last years in which a certificate of the register ends, or None."""
    low, high = conn.execute(select(func.min(recognitions.c.valid_until), func.max(recognitions.c.valid_until))).one()
    return (low.year, high.year) if low and high else None
