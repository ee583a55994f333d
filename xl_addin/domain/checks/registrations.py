"""The Đăng ký sheet: registrations as objects, and every problem of its rows as findings.

A row becomes a Registration when its code, product name, group and establishment are usable
and its code is not a repeat of an earlier row's. Such a row may still carry other errors
(bad tax code, unknown establishment type, unreadable Có/Không…): those fields are kept as typed
(contacts) or left blank ("" or None) in the object, and the errors are reported; they block the
next steps anyway. Dossier gaps are warned about for every row with a product code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import messages as msg
from .. import rules, schema
from ..findings import Finding
from ..models import Registration
from ..tables import Record, Rows, find_table
from ..values import is_blank, loose_key
from . import Collector, in_sheet_order, locate_table, read_choice, read_int, read_yes_no, require
from .contacts import check_email, check_phone, check_tax_code

MIN_PHOTOS = 3

_CONTACT_CHECKS = (
    (schema.COL_TAX_CODE, check_tax_code, "invalid-tax-code", msg.INVALID_TAX_CODE),
    (schema.COL_PHONE, check_phone, "invalid-phone", msg.INVALID_PHONE),
    (schema.COL_EMAIL, check_email, "invalid-email", msg.INVALID_EMAIL),
)
_DOSSIER_FLAGS = (  # column, document key in messages, Registration field
    (schema.COL_FORM, "form", "has_form"),
    (schema.COL_BUSINESS_REG, "business_reg", "has_business_reg"),
    (schema.COL_DESCRIPTION, "description", "has_description"),
)


@dataclass
class _Seen:
    """What earlier rows held, for the duplicate checks."""

    codes: dict[str, int] = field(default_factory=dict)  # casefolded code -> row number
    products: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)


def registrations_from_rows(
    rows: Rows, sheet: str = schema.SHEET_REGISTRATIONS,
) -> tuple[list[Registration], list[Finding]]:
    """The usable registrations of the Đăng ký sheet's rows and all findings, in sheet order."""
    out = Collector(sheet)
    table = locate_table(out, rows, schema.COL_CODE, schema.REGISTRATION_HEADERS)
    registrations: list[Registration] = []
    if table is not None:
        seen = _Seen()
        for record in table.records():
            draft = _read_row(record, out)
            repeated = _check_duplicates(record, seen, out)
            if draft.code:
                _check_dossier(record, draft, out)
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
    _check_contacts(record, out)
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


def _check_contacts(record: Record, out: Collector) -> None:
    for header, check, code, template in _CONTACT_CHECKS:
        value = record.text(header)
        if record.table.has(header) and value and not check(value):
            cell = record.cell(header)
            out.error(code, cell, template.format(cell=cell, value=value))


def _check_duplicates(record: Record, seen: _Seen, out: Collector) -> bool:
    """Records duplicate-code / duplicate-product; True when the row's code repeats an earlier one."""
    code = record.text(schema.COL_CODE)
    if not code:
        return False
    key = code.casefold()
    if key in seen.codes:
        cell = record.cell(schema.COL_CODE)
        out.error("duplicate-code", cell, msg.DUPLICATE_CODE.format(cell=cell, code=code, first_row=seen.codes[key]))
        return True
    seen.codes[key] = record.row_number
    name, establishment = record.text(schema.COL_NAME), record.text(schema.COL_ESTABLISHMENT)
    product = (loose_key(name), loose_key(establishment))
    if not (product[0] and product[1]):
        return False
    if product in seen.products:
        first_row, first_code = seen.products[product]
        cell = record.cell(schema.COL_NAME)
        out.error("duplicate-product", cell, msg.DUPLICATE_PRODUCT.format(
            cell=cell, name=name, establishment=establishment, first_row=first_row, first_code=first_code))
    else:
        seen.products[product] = (record.row_number, code)
    return False


def _check_dossier(record: Record, registration: Registration, out: Collector) -> None:
    """One incomplete-dossier warning per missing document (blank counts as Không)."""
    table, code = record.table, registration.code
    for header, document, attr in _DOSSIER_FLAGS:
        if _lacks(record, header, getattr(registration, attr)):
            _dossier_warning(out, record.cell(header), code, msg.DOSSIER_DOCUMENTS[document])
    if registration.group == rules.FOOD_GROUP and _lacks(record, schema.COL_FOOD_SAFETY, registration.has_food_safety):
        document = msg.DOSSIER_DOCUMENTS["food_safety"].format(group=rules.FOOD_GROUP)
        _dossier_warning(out, record.cell(schema.COL_FOOD_SAFETY), code, document)
    raw_photos = record.raw(schema.COL_PHOTOS)
    readable = registration.photos is not None or is_blank(raw_photos)
    if table.has(schema.COL_PHOTOS) and readable and (registration.photos or 0) < MIN_PHOTOS:
        cell = record.cell(schema.COL_PHOTOS)
        out.warning("incomplete-dossier", cell, msg.DOSSIER_PHOTOS.format(
            cell=cell, code=code, count=registration.photos or 0, minimum=MIN_PHOTOS))


def _lacks(record: Record, header: str, flag: bool | None) -> bool:
    """True when the column is there and says Không or is blank (not when it is unreadable)."""
    if not record.table.has(header) or flag is True:
        return False
    return flag is False or is_blank(record.raw(header))


def _dossier_warning(out: Collector, cell: str, code: str, document: str) -> None:
    out.warning("incomplete-dossier", cell, msg.DOSSIER_MISSING.format(cell=cell, code=code, document=document))
