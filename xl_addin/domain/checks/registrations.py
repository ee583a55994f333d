"""The checks of a Đăng ký row: contacts, repeated codes or products, and dossier gaps (read in `sheets/registrations.py`).

Each check takes the row's cells as read once (`RowCells`: raw values and texts by header).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import messages as msg
from .. import rules, schema
from ..models import Registration
from ..tables import RowCells
from ..values import loose_key
from . import Collector
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
class Seen:
    """What earlier rows held, for the duplicate checks."""

    codes: dict[str, int] = field(default_factory=dict)  # casefolded code -> row number
    products: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)


def check_contacts(row: RowCells, out: Collector) -> None:
    """An error for each tax number, phone or e-mail of the row that is not well formed."""
    for header, check, code, template in _CONTACT_CHECKS:
        value = row.texts[header]  # "" when the column is absent
        if value and not check(value):
            cell = row.record.cell(header)
            out.error(code, cell, template.format(cell=cell, value=value))


def check_duplicates(row: RowCells, seen: Seen, out: Collector) -> bool:
    """Records duplicate-code / duplicate-product; True when the row's code repeats an earlier one."""
    texts, record = row.texts, row.record
    code = texts[schema.COL_CODE]
    if not code:
        return False
    key = code.casefold()
    if key in seen.codes:
        cell = record.cell(schema.COL_CODE)
        out.error("duplicate-code", cell, msg.DUPLICATE_CODE.format(cell=cell, code=code, first_row=seen.codes[key]))
        return True
    seen.codes[key] = record.row_number
    name, establishment = texts[schema.COL_NAME], texts[schema.COL_ESTABLISHMENT]
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


def check_dossier(row: RowCells, registration: Registration, out: Collector) -> None:
    """One incomplete-dossier warning per missing document (blank counts as Không)."""
    record, code = row.record, registration.code
    for header, document, attr in _DOSSIER_FLAGS:
        if _lacks(row, header, getattr(registration, attr)):
            _dossier_warning(out, record.cell(header), code, msg.DOSSIER_DOCUMENTS[document])
    if registration.group == rules.FOOD_GROUP and _lacks(row, schema.COL_FOOD_SAFETY, registration.has_food_safety):
        document = msg.DOSSIER_DOCUMENTS["food_safety"].format(group=rules.FOOD_GROUP)
        _dossier_warning(out, record.cell(schema.COL_FOOD_SAFETY), code, document)
    readable = registration.photos is not None or not row.texts[schema.COL_PHOTOS]
    if record.table.has(schema.COL_PHOTOS) and readable and (registration.photos or 0) < MIN_PHOTOS:
        cell = record.cell(schema.COL_PHOTOS)
        out.warning("incomplete-dossier", cell, msg.DOSSIER_PHOTOS.format(
            cell=cell, code=code, count=registration.photos or 0, minimum=MIN_PHOTOS))


def _lacks(row: RowCells, header: str, flag: bool | None) -> bool:
    """True when the column is there and says Không or is blank (not when it is unreadable)."""
    if flag is True or not row.record.table.has(header):
        return False
    return flag is False or not row.texts[header]


def _dossier_warning(out: Collector, cell: str, code: str, document: str) -> None:
    out.warning("incomplete-dossier", cell, msg.DOSSIER_MISSING.format(cell=cell, code=code, document=document))
