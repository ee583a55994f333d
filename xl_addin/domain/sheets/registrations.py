"""The Đăng ký sheet: its rows read into registrations (with every finding) and written from them.

A row becomes a Registration when its code, product name, group and establishment are usable
and its code is not a repeat of an earlier row's. Such a row may still carry other errors
(bad tax code, unknown establishment type, unreadable Có/Không…): those fields are kept as typed
(contacts) or left blank ("" or None) in the object, and the errors are reported; they block the
next steps anyway. Dossier gaps are warned about for every row with a product code
(the row checks are in `checks/registrations.py`).
"""

from __future__ import annotations

from typing import Iterable

from .. import messages as msg
from .. import rules, schema
from ..checks import Collector, in_sheet_order, locate_table, read_choice, read_int, read_yes_no, require
from ..checks.registrations import Seen, check_contacts, check_dossier, check_duplicates
from ..findings import Finding
from ..models import Registration
from ..tables import Record, Rows, find_table
from ..values import yes_no_text

WIDTHS = {
    schema.COL_CODE: 12, schema.COL_NAME: 32, schema.COL_GROUP: 30, schema.COL_ESTABLISHMENT: 30,
    schema.COL_EST_TYPE: 20, schema.COL_REPRESENTATIVE: 22, schema.COL_ADDRESS: 32,
    schema.COL_COMMUNE: 16, schema.COL_DISTRICT: 18, schema.COL_PROVINCE: 14, schema.COL_TAX_CODE: 16,
    schema.COL_PHONE: 14, schema.COL_EMAIL: 24, schema.COL_PHOTOS: 8, schema.COL_NOTE: 30,
    schema.COL_SOURCE: 20,
}
TEXT_COLUMNS = (schema.COL_CODE, schema.COL_TAX_CODE, schema.COL_PHONE)  # text cells: leading zeros kept


def registrations_from_rows(
    rows: Rows, sheet: str = schema.SHEET_REGISTRATIONS,
) -> tuple[list[Registration], list[Finding]]:
    """The usable registrations of the Đăng ký sheet's rows and all findings, in sheet order."""
    out = Collector(sheet)
    table = locate_table(out, rows, schema.COL_CODE, schema.REGISTRATION_HEADERS)
    registrations: list[Registration] = []
    if table is not None:
        seen = Seen()
        for record in table.records():
            draft = _read_row(record, out)
            repeated = check_duplicates(record, seen, out)
            if draft.code:
                check_dossier(record, draft, out)
            if _usable(draft) and not repeated:
                registrations.append(draft)
    return registrations, in_sheet_order(out.findings)


def product_codes_from_rows(rows: Rows, sheet: str = schema.SHEET_REGISTRATIONS) -> set[str]:
    """Every product code typed in the Đăng ký sheet, usable row or not (for cross-sheet checks)."""
    table = find_table(sheet, rows, schema.COL_CODE)
    if table is None:
        return set()
    return {r.text(schema.COL_CODE) for r in table.records() if r.text(schema.COL_CODE)}


def _usable(draft: Registration) -> bool:
    return bool(draft.code and draft.name and draft.group and draft.establishment)


def _read_row(record: Record, out: Collector) -> Registration:
    """The row as a Registration, unusable fields left blank; records field-level findings."""
    table = record.table
    for header in schema.REGISTRATION_REQUIRED:
        if table.has(header):
            require(out, record.raw(header), record.cell(header), msg.field_name(header))
    group = _choice(record, out, schema.COL_GROUP, rules.GROUPS)
    est_type = _choice(record, out, schema.COL_EST_TYPE, rules.ESTABLISHMENT_TYPES)
    flags = {h: _yes_no(record, out, h) for h in schema.DOSSIER_YES_NO_COLUMNS}
    photos = None
    if table.has(schema.COL_PHOTOS):
        photos = read_int(out, record.raw(schema.COL_PHOTOS), record.cell(schema.COL_PHOTOS),
                          msg.field_name(schema.COL_PHOTOS), low=0, example="3")
    check_contacts(record, out)
    return Registration(
        code=record.text(schema.COL_CODE), name=record.text(schema.COL_NAME), group=group or "",
        establishment=record.text(schema.COL_ESTABLISHMENT),
        establishment_type=est_type or "",
        representative=record.text(schema.COL_REPRESENTATIVE), address=record.text(schema.COL_ADDRESS),
        commune=record.text(schema.COL_COMMUNE), district=record.text(schema.COL_DISTRICT),
        province=record.text(schema.COL_PROVINCE), tax_code=record.text(schema.COL_TAX_CODE),
        phone=record.text(schema.COL_PHONE), email=record.text(schema.COL_EMAIL),
        has_form=flags[schema.COL_FORM], has_business_reg=flags[schema.COL_BUSINESS_REG],
        has_description=flags[schema.COL_DESCRIPTION], photos=photos,
        has_quality_cert=flags[schema.COL_QUALITY_CERT], has_food_safety=flags[schema.COL_FOOD_SAFETY],
        note=record.text(schema.COL_NOTE), source=record.text(schema.COL_SOURCE),
        row=record.row_number,
    )


def _choice(record: Record, out: Collector, header: str, options) -> str | None:
    if not record.table.has(header):
        return None
    return read_choice(out, record.raw(header), record.cell(header), msg.field_name(header), options)


def _yes_no(record: Record, out: Collector, header: str) -> bool | None:
    if not record.table.has(header):
        return None
    return read_yes_no(out, record.raw(header), record.cell(header), msg.field_name(header))



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
