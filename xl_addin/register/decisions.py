"""Staff's decisions on the Nghi trùng suggestions: stored by stable keys, read back for the views."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from ..domain import register_messages as msg
from ..domain import register_schema as rs
from ..domain.findings import Finding, error
from ..domain.register_decisions import DecisionRow, stable_key
from .tables import duplicate_decisions, establishments


def stored_decisions(conn: Connection) -> list[tuple[str, str, bool]]:
    """Every decision as (first key, second key, same)."""
    d = duplicate_decisions.c
    return [(r.first_key, r.second_key, r.same) for r in conn.execute(select(d.first_key, d.second_key, d.same))]


def _establishment(conn: Connection, est_id: int):
    e = establishments.c
    return conn.execute(select(e.id, e.name, e.tax_code, e.name_key, e.commune_key).where(e.id == est_id)).first()


def _checked(conn: Connection, row: DecisionRow, file: str, findings: list[Finding]):
    """The two establishments of a row, or None with a finding saying which cell is wrong."""
    if row.first_id == row.second_id:
        findings.append(error("same-establishment", rs.VIEW_DUPLICATES, row.id_cell,
                              msg.SAME_ESTABLISHMENT_TWICE.format(cell=row.id_cell, id=row.first_id), file))
        return None
    pair = [_establishment(conn, est_id) for est_id in (row.first_id, row.second_id)]
    for est_id, found in zip((row.first_id, row.second_id), pair):
        if found is None:
            findings.append(error("unknown-establishment", rs.VIEW_DUPLICATES, row.id_cell,
                                  msg.UNKNOWN_ESTABLISHMENT.format(cell=row.id_cell, id=est_id), file))
            return None
    a, b = pair
    if row.same and a.tax_code and b.tax_code and a.tax_code != b.tax_code:
        findings.append(error("different-tax-codes", rs.VIEW_DUPLICATES, row.cell, msg.DIFFERENT_TAX_CODES.format(
            cell=row.cell, first=a.tax_code, second=b.tax_code), file))
        return None
    return sorted(pair, key=lambda e: stable_key(e.tax_code or "", e.name_key, e.commune_key))


def store_decisions(conn: Connection, rows: list[DecisionRow], import_id: int, file: str, now: dt.datetime,
                    findings: list[Finding]) -> int:
    """Record each decided pair once (a changed answer replaces the earlier one); how many rows were read."""
    d = duplicate_decisions.c
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        pair = _checked(conn, row, file, findings)
        if pair is None:
            continue
        keys = tuple(stable_key(e.tax_code or "", e.name_key, e.commune_key) for e in pair)
        if keys in seen:
            findings.append(error("duplicate-row", rs.VIEW_DUPLICATES, row.cell, msg.REPEATED_DECISION.format(
                cell=row.cell, first=row.first_id, second=row.second_id, first_row=seen[keys]), file))
            continue
        seen[keys] = row.row
        values = dict(first_name=pair[0].name, second_name=pair[1].name, same=row.same, decided_at=now,
                      source_file=file, sheet_row=row.row, import_id=import_id)
        old = conn.execute(select(d.id, d.same).where(d.first_key == keys[0], d.second_key == keys[1])).first()
        if old is None:
            conn.execute(duplicate_decisions.insert().values(first_key=keys[0], second_key=keys[1], **values))
        elif old.same != row.same:
            conn.execute(update(duplicate_decisions).where(d.id == old.id).values(**values))
    return len(seen)
