"""The reading of cell values and of the Đăng ký sheet as it was before it was made fast (issue 11).

Kept only to prove that the fast reading gives the same values, findings, messages and cells: these
read every cell through `Record.raw/text/cell` one header lookup at a time, as the tool used to.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from xl_addin.domain import messages as msg
from xl_addin.domain import rules, schema
from xl_addin.domain.checks import (Collector, in_sheet_order, locate_table, read_choice, read_int, read_yes_no,
                                    require)
from xl_addin.domain.checks.contacts import check_email, check_phone, check_tax_code
from xl_addin.domain.checks.registrations import MIN_PHOTOS, Seen
from xl_addin.domain.models import Registration
from xl_addin.domain.values import format_date


def text(value: object) -> str:
    """values.text before issue 11."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return format_date(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def is_blank(value: object) -> bool:
    """values.is_blank before issue 11."""
    return text(value) == ""


def fold(value: object) -> str:
    """values.fold before issue 11: NFD of the whole text, combining marks left out."""
    s = text(value).casefold().replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", s)


def loose_key(value: object) -> str:
    """values.loose_key before issue 11."""
    return re.sub(r"[^0-9a-z]+", " ", fold(value)).strip()


def registrations_from_rows(rows, sheet=schema.SHEET_REGISTRATIONS):
    """sheets.registrations.registrations_from_rows before issue 11."""
    out = Collector(sheet)
    table = locate_table(out, rows, schema.COL_CODE, schema.REGISTRATION_HEADERS)
    registrations = []
    if table is not None:
        seen = Seen()
        for record in table.records():
            draft = _read_row(record, out)
            repeated = _check_duplicates(record, seen, out)
            if draft.code:
                _check_dossier(record, draft, out)
            if draft.code and draft.name and draft.group and draft.establishment and not repeated:
                registrations.append(draft)
    return registrations, in_sheet_order(out.findings)


def _read_row(record, out):
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
        establishment=record.text(schema.COL_ESTABLISHMENT), establishment_type=est_type or "",
        representative=record.text(schema.COL_REPRESENTATIVE), address=record.text(schema.COL_ADDRESS),
        commune=record.text(schema.COL_COMMUNE), district=record.text(schema.COL_DISTRICT),
        province=record.text(schema.COL_PROVINCE), tax_code=record.text(schema.COL_TAX_CODE),
        phone=record.text(schema.COL_PHONE), email=record.text(schema.COL_EMAIL),
        has_form=flags[schema.COL_FORM], has_business_reg=flags[schema.COL_BUSINESS_REG],
        has_description=flags[schema.COL_DESCRIPTION], photos=photos,
        has_quality_cert=flags[schema.COL_QUALITY_CERT], has_food_safety=flags[schema.COL_FOOD_SAFETY],
        note=record.text(schema.COL_NOTE), source=record.text(schema.COL_SOURCE), row=record.row_number,
    )


def _choice(record, out, header, options):
    if not record.table.has(header):
        return None
    return read_choice(out, record.raw(header), record.cell(header), msg.field_name(header), options)


def _yes_no(record, out, header):
    if not record.table.has(header):
        return None
    return read_yes_no(out, record.raw(header), record.cell(header), msg.field_name(header))


_CONTACT_CHECKS = (
    (schema.COL_TAX_CODE, check_tax_code, "invalid-tax-code", msg.INVALID_TAX_CODE),
    (schema.COL_PHONE, check_phone, "invalid-phone", msg.INVALID_PHONE),
    (schema.COL_EMAIL, check_email, "invalid-email", msg.INVALID_EMAIL),
)
_DOSSIER_FLAGS = (
    (schema.COL_FORM, "form", "has_form"),
    (schema.COL_BUSINESS_REG, "business_reg", "has_business_reg"),
    (schema.COL_DESCRIPTION, "description", "has_description"),
)


def _check_contacts(record, out):
    for header, check, code, template in _CONTACT_CHECKS:
        value = record.text(header)
        if record.table.has(header) and value and not check(value):
            cell = record.cell(header)
            out.error(code, cell, template.format(cell=cell, value=value))


def _check_duplicates(record, seen, out):
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


def _check_dossier(record, registration, out):
    table, code = record.table, registration.code
    for header, document, attr in _DOSSIER_FLAGS:
        if _lacks(record, header, getattr(registration, attr)):
            _warn(out, record.cell(header), code, msg.DOSSIER_DOCUMENTS[document])
    if registration.group == rules.FOOD_GROUP and _lacks(record, schema.COL_FOOD_SAFETY, registration.has_food_safety):
        _warn(out, record.cell(schema.COL_FOOD_SAFETY), code,
              msg.DOSSIER_DOCUMENTS["food_safety"].format(group=rules.FOOD_GROUP))
    readable = registration.photos is not None or is_blank(record.raw(schema.COL_PHOTOS))
    if table.has(schema.COL_PHOTOS) and readable and (registration.photos or 0) < MIN_PHOTOS:
        cell = record.cell(schema.COL_PHOTOS)
        out.warning("incomplete-dossier", cell, msg.DOSSIER_PHOTOS.format(
            cell=cell, code=code, count=registration.photos or 0, minimum=MIN_PHOTOS))


def _lacks(record, header, flag):
    if not record.table.has(header) or flag is True:
        return False
    return flag is False or is_blank(record.raw(header))


def _warn(out, cell, code, document):
    out.warning("incomplete-dossier", cell, msg.DOSSIER_MISSING.format(cell=cell, code=code, document=document))


def file_stem(code: str) -> str:
    """checks.file_names.file_stem before issue 11."""
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in unicodedata.normalize("NFC", code))
    return stem[:100] or "_"
