"""The Đăng ký sheet: its rows read into registrations (with every finding) and written from them.

A row becomes a Registration when its code, product name, group and establishment are usable
and its code is not a repeat of an earlier row's. Such a row may still carry other errors
(bad tax code, unknown establishment type, unreadable Có/Không…): those fields are kept as typed
(contacts) or left blank ("" or None) in the object, and the errors are reported; they block the
next steps anyway. Dossier gaps are warned about for every row with a product code
(the row checks are in `checks/registrations.py`).
"""

from __future__ import annotations

import dataclasses
from typing import Iterable

from .. import messages as msg
from .. import rules, schema
from ..checks import Collector, in_sheet_order, locate_table, read_choice, read_int, read_yes_no, require
from ..checks.registrations import Seen, check_contacts, check_dossier, check_duplicates
from ..findings import Finding
from ..models import Registration
from ..tables import Rows, RowCells, Table, find_table
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
        layout = _Layout(table)
        for record in table.records():
            row = RowCells(record, _READ)
            draft = _read_row(row, layout, out)
            repeated = check_duplicates(row, seen, out)
            if draft.code:
                check_dossier(row, draft, out)
            if _usable(draft) and not repeated:
                registrations.append(draft)
    return registrations, in_sheet_order(out.findings)


def product_codes_from_rows(rows: Rows, sheet: str = schema.SHEET_REGISTRATIONS) -> set[str]:
    """Every product code typed in the Đăng ký sheet, usable row or not (for cross-sheet checks)."""
    table = find_table(sheet, rows, schema.COL_CODE)
    if table is None:
        return set()
    codes = {r.text(schema.COL_CODE) for r in table.records()}
    codes.discard("")
    return codes


def _usable(draft: Registration) -> bool:
    return bool(draft.code and draft.name and draft.group and draft.establishment)


_READ = schema.REGISTRATION_HEADERS + schema.REGISTRATION_TOOL_HEADERS
_TEXT_FIELDS = (  # Registration field -> header, kept as typed (NFC, trimmed)
    ("code", schema.COL_CODE), ("name", schema.COL_NAME), ("establishment", schema.COL_ESTABLISHMENT),
    ("representative", schema.COL_REPRESENTATIVE), ("address", schema.COL_ADDRESS),
    ("commune", schema.COL_COMMUNE), ("district", schema.COL_DISTRICT), ("province", schema.COL_PROVINCE),
    ("tax_code", schema.COL_TAX_CODE), ("phone", schema.COL_PHONE), ("email", schema.COL_EMAIL),
    ("note", schema.COL_NOTE), ("source", schema.COL_SOURCE),
)
_FLAG_FIELDS = (  # Registration field -> Có/Không header
    ("has_form", schema.COL_FORM), ("has_business_reg", schema.COL_BUSINESS_REG),
    ("has_description", schema.COL_DESCRIPTION), ("has_quality_cert", schema.COL_QUALITY_CERT),
    ("has_food_safety", schema.COL_FOOD_SAFETY),
)


class _Layout:
    """What a Đăng ký table holds, worked out once for all its rows: the columns present, their names in messages."""

    def __init__(self, table: Table):
        present = [h for h in _READ if table.has(h)]
        self.required = [(h, msg.field_name(h)) for h in schema.REGISTRATION_REQUIRED if h in present]
        self.choices = [(h, msg.field_name(h), options) for h, options in (
            (schema.COL_GROUP, rules.GROUPS), (schema.COL_EST_TYPE, rules.ESTABLISHMENT_TYPES)) if h in present]
        self.flags = [(attr, h, msg.field_name(h)) for attr, h in _FLAG_FIELDS if h in present]
        self.photos = msg.field_name(schema.COL_PHOTOS) if schema.COL_PHOTOS in present else None


def _read_row(row: RowCells, layout: _Layout, out: Collector) -> Registration:
    """The row as a Registration, unusable fields left blank; records field-level findings."""
    raws, texts, record = row.raws, row.texts, row.record
    for header, what in layout.required:
        if not texts[header]:  # is_blank: the same test, its text already made
            require(out, raws[header], record.cell(header), what)
    chosen = {h: _choice(row, out, h, what, options) for h, what, options in layout.choices}
    fields: dict[str, object] = {attr: _yes_no(row, out, h, what) for attr, h, what in layout.flags}
    if layout.photos is not None:
        fields["photos"] = read_int(out, raws[schema.COL_PHOTOS], record.cell(schema.COL_PHOTOS),
                                    layout.photos, low=0, example="3")
    check_contacts(row, out)
    fields.update({attr: texts[header] for attr, header in _TEXT_FIELDS})
    fields.update(group=chosen.get(schema.COL_GROUP) or "", establishment_type=chosen.get(schema.COL_EST_TYPE) or "",
                  row=record.row_number)
    return registration(fields)


_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Registration) if f.default is not dataclasses.MISSING}


def registration(fields: dict[str, object]) -> Registration:
    """Registration(**fields) made without the frozen dataclass's __init__ (one setattr per field, some
    2 µs a row): every field given or defaulted, no check skipped (the class has no __post_init__)."""
    made = object.__new__(Registration)
    made.__dict__.update(_DEFAULTS, **fields)
    return made


def _choice(row: RowCells, out: Collector, header: str, what: str, options) -> str | None:
    typed = row.texts[header]
    if not typed:
        return None
    if typed in options:  # read_choice's first match, without its finding machinery
        return typed
    return read_choice(out, row.raws[header], row.record.cell(header), what, options)


def _yes_no(row: RowCells, out: Collector, header: str, what: str) -> bool | None:
    typed, raw = row.texts[header], row.raws[header]
    if not typed:
        return None
    if raw.__class__ is str and typed in _YES_NO:  # read_yes_no's first match
        return _YES_NO[typed]
    return read_yes_no(out, raw, row.record.cell(header), what)


_YES_NO = {schema.YES: True, schema.NO: False}


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
