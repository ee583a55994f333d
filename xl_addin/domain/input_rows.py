"""Registrations and judges as the rows of the Đăng ký and Giám khảo sheets (for the demo and imports)."""

from __future__ import annotations

from typing import Iterable

from . import schema
from .models import Judge, Registration
from .values import yes_no_text


def _yn(flag: bool | None) -> str | None:
    return None if flag is None else yes_no_text(flag)


def row_from_registration(r: Registration) -> list[object]:
    """One Đăng ký row in the order of schema.REGISTRATION_HEADERS + the Nguồn column."""
    return [
        r.code, r.name, r.group, r.establishment, r.establishment_type, r.representative,
        r.address, r.commune, r.district, r.province, r.tax_code, r.phone, r.email,
        _yn(r.has_form), _yn(r.has_business_reg), _yn(r.has_description), r.photos,
        _yn(r.has_quality_cert), _yn(r.has_food_safety), r.note, r.source or None,
    ]


def rows_from_registrations(items: Iterable[Registration], header: bool = True) -> list[list[object]]:
    """The Đăng ký sheet's rows (with its header row first unless header=False)."""
    rows = [list(schema.REGISTRATION_HEADERS + schema.REGISTRATION_TOOL_HEADERS)] if header else []
    return rows + [row_from_registration(r) for r in items]


def rows_from_judges(items: Iterable[Judge], header: bool = True) -> list[list[object]]:
    """The Giám khảo sheet's rows (header first unless header=False)."""
    rows = [list(schema.JUDGE_HEADERS)] if header else []
    for j in items:
        rows.append([j.code, j.name, j.title, j.unit, ", ".join(sorted(j.conflicts)) or None])
    return rows
