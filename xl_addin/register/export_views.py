"""The register's views as rows (header first) for `register export`: one table per view."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from ..domain import register_schema as rs
from ..domain import rules
from ..domain.register_views import with_status
from ..domain.values import yes_no_text
from . import views
from .tables import activities, contests, dossier_gaps, establishments, products, recognitions, registrations

Rows = list[list[object]]


def _yn(flag: bool | None) -> str | None:
    return None if flag is None else yes_no_text(flag)


def _level(key: str) -> str:
    return rules.LEVELS.get(key, key)


def establishment_rows(conn: Connection) -> Rows:
    """Cơ sở: one row per establishment with how many products and registrations it has."""
    e, r, c = establishments.c, registrations.c, contests.c
    stats = (select(r.establishment_id, func.count(func.distinct(r.product_id)).label("products"),
                    func.count().label("regs"), func.min(c.year).label("first"), func.max(c.year).label("last"))
             .join(contests, c.id == r.contest_id).group_by(r.establishment_id).subquery())
    q = (select(e.id, e.name, e.tax_code, e.kind, e.commune, e.district, e.province, stats.c.products, stats.c.regs,
                stats.c.first, stats.c.last)
         .outerjoin(stats, stats.c.establishment_id == e.id).order_by(e.name, e.id))
    return [list(rs.ESTABLISHMENT_VIEW_HEADERS)] + [
        [row.id, row.name, row.tax_code, row.kind, row.commune, row.district, row.province, row.products or 0,
         row.regs or 0, row.first, row.last] for row in conn.execute(q)]


def product_rows(conn: Connection) -> Rows:
    """Sản phẩm: one row per product with its establishment and the highest level it was recognised at."""
    p, e = products.c, establishments.c
    regs = (select(registrations.c.product_id, func.count().label("n"))
            .group_by(registrations.c.product_id).subquery())
    levels: dict[int, set[str]] = {}
    for product_id, level in conn.execute(select(recognitions.c.product_id, recognitions.c.level)):
        levels.setdefault(product_id, set()).add(level)
    q = (select(p.id, p.name, p.product_group, p.is_set, p.establishment_id, e.name.label("est"), regs.c.n)
         .join(establishments, e.id == p.establishment_id).outerjoin(regs, regs.c.product_id == p.id)
         .order_by(e.name, p.name, p.id))
    out = [list(rs.PRODUCT_VIEW_HEADERS)]
    for row in conn.execute(q):
        best = max(levels.get(row.id, ()), key=rules.LEVEL_ORDER.index, default=None)
        out.append([row.id, row.name, row.product_group, _yn(row.is_set), row.establishment_id, row.est, row.n or 0,
                    _level(best) if best else None])
    return out


def registration_rows(conn: Connection) -> Rows:
    """Đăng ký: every registration as typed, with its result and the documents its dossier lacked."""
    gaps: dict[int, list[str]] = {}
    for reg_id, document in conn.execute(select(dossier_gaps.c.registration_id, dossier_gaps.c.document)
                                         .order_by(dossier_gaps.c.id)):
        gaps.setdefault(reg_id, []).append(document)
    r, c = registrations.c, contests.c
    q = (select(registrations, c.year, c.level, c.area).join(contests, c.id == r.contest_id)
         .order_by(c.year, c.level, c.area, r.sheet_row, r.id))
    return [list(rs.REGISTRATION_VIEW_HEADERS)] + [
        [row.year, _level(row.level), row.area, row.product_code, row.product_name, row.product_group,
         row.establishment_name, row.tax_code, row.address, row.commune, row.district, row.province, row.rank,
         row.total, _yn(row.passed), _yn(row.council), _yn(row.forward), "; ".join(gaps.get(row.id, ())) or None]
        for row in conn.execute(q)]


def recognition_rows(conn: Connection, today: dt.date) -> Rows:
    """Công nhận: every recognition with its certificate and status today."""
    lines = sorted(with_status(views.certificate_lines(conn), today), key=lambda l: (l.year, l.level, l.product_code))
    return [list(rs.RECOGNITION_VIEW_HEADERS)] + [
        [l.year, _level(l.level), l.product_code, l.product_name, l.group, l.establishment_name, l.tax_code,
         l.decision_no, l.decision_date, l.cert_no, l.issued, l.valid_until, l.status] for l in lines]


def activity_rows(conn: Connection) -> Rows:
    """Hoạt động: the activity log."""
    q = select(activities).order_by(activities.c.year, activities.c.kind, activities.c.id)
    return [list(rs.ACTIVITY_VIEW_HEADERS)] + [
        [row.year, row.kind, row.quantity, row.content or None, row.note or None] for row in conn.execute(q)]


def duplicate_rows(conn: Connection) -> Rows:
    """Nghi trùng: look-alike establishments of one commune, for a person to answer (rejected pairs left out)."""
    return [list(rs.DUPLICATE_VIEW_HEADERS)] + [
        [p.first_id, p.first_name, p.first_tax or None, p.second_id, p.second_name, p.second_tax or None,
         p.commune, p.score, yes_no_text(True) if p.confirmed else None] for p in views.lookalike_pairs(conn)]


def all_views(conn: Connection, today: dt.date) -> dict[str, Rows]:
    """Every view of the export, by sheet name, in order."""
    return {
        rs.VIEW_ESTABLISHMENTS: establishment_rows(conn),
        rs.VIEW_PRODUCTS: product_rows(conn),
        rs.VIEW_REGISTRATIONS: registration_rows(conn),
        rs.VIEW_RECOGNITIONS: recognition_rows(conn, today),
        rs.VIEW_ACTIVITIES: activity_rows(conn),
        rs.VIEW_DUPLICATES: duplicate_rows(conn),
    }
