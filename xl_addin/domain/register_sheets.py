"""The sheets staff fill for the register (Kết quả cấp trên, Hoạt động, Cơ sở CNNT) read into rows and findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import messages as base_msg
from . import register_schema as rs
from . import schema
from .checks import Collector, in_sheet_order, locate_table, read_choice, read_date, read_int, read_yes_no, require
from .findings import Finding
from .tables import Record, Rows
from .values import fold

MIN_YEAR, MAX_YEAR = 1990, 2100
_LEVEL_ALIASES = {
    **{fold(key): label for label, key in rs.UPPER_LEVELS.items()},
    **{fold(f"Cấp {label}"): label for label in rs.UPPER_LEVELS},
}


@dataclass(frozen=True)
class UpperRow:
    """A product's outcome at a regional or national round (a row of Kết quả cấp trên)."""

    year: int
    level: str  # "khu-vuc" or "quoc-gia"
    code: str
    name: str
    establishment: str
    tax_code: str
    recognised: bool
    decision_no: str
    decision_date: dt.date | None
    cert_no: str
    row: int
    code_cell: str  # where a product that cannot be placed is pointed at


@dataclass(frozen=True)
class ActivityRow:
    """A row of Hoạt động."""

    year: int
    kind: str
    quantity: int
    content: str
    note: str
    row: int
    cell: str


@dataclass(frozen=True)
class ReferenceRow:
    """A row of Cơ sở CNNT: the number of rural industrial establishments of an area in a year."""

    year: int
    district: str
    commune: str
    establishments: int
    row: int
    cell: str


def _required(out: Collector, record: Record, headers) -> bool:
    ok = True
    for header in headers:
        ok = require(out, record.raw(header), record.cell(header), base_msg.field_name(header)) and ok
    return ok


def _year(out: Collector, record: Record) -> int | None:
    return read_int(out, record.raw(rs.COL_YEAR), record.cell(rs.COL_YEAR), base_msg.field_name(rs.COL_YEAR),
                    low=MIN_YEAR, high=MAX_YEAR, example="2019")


def upper_rows_from_rows(rows: Rows) -> tuple[list[UpperRow], list[Finding]]:
    """The usable outcome rows of Kết quả cấp trên and every finding."""
    out = Collector(rs.SHEET_UPPER)
    table = locate_table(out, rows, rs.COL_LEVEL, rs.UPPER_HEADERS)
    found: list[UpperRow] = []
    for record in table.records() if table is not None else ():
        ok = _required(out, record, rs.UPPER_REQUIRED)
        year = _year(out, record)
        level = read_choice(out, record.raw(rs.COL_LEVEL), record.cell(rs.COL_LEVEL), base_msg.field_name(rs.COL_LEVEL),
                            tuple(rs.UPPER_LEVELS), _LEVEL_ALIASES)
        recognised = read_yes_no(out, record.raw(rs.COL_RESULT), record.cell(rs.COL_RESULT),
                                 base_msg.field_name(rs.COL_RESULT))
        when = read_date(out, record.raw(rs.COL_DECISION_DATE), record.cell(rs.COL_DECISION_DATE),
                         base_msg.field_name(rs.COL_DECISION_DATE))
        code, name, tax = (record.text(h) for h in (schema.COL_CODE, schema.COL_NAME, schema.COL_TAX_CODE))
        if not code and not (name and tax):
            cell = record.cell(schema.COL_CODE)
            out.error("missing-value", cell, base_msg.MISSING_VALUE.format(cell=cell, what=_PRODUCT_KEY))
            ok = False
        if ok and None not in (year, level, recognised):
            found.append(UpperRow(
                year=year, level=rs.UPPER_LEVELS[level], code=code, name=name,
                establishment=record.text(schema.COL_ESTABLISHMENT), tax_code=tax, recognised=recognised,
                decision_no=record.text(rs.COL_DECISION_NO), decision_date=when,
                cert_no=record.text(rs.COL_CERT_NO), row=record.row_number, code_cell=record.cell(schema.COL_CODE),
            ))
    return found, in_sheet_order(out.findings)


_PRODUCT_KEY = (
    f"“{schema.COL_CODE}” (mã trong cuộc bình chọn cấp tỉnh đã đề xuất sản phẩm), hoặc cả "
    f"“{schema.COL_NAME}” và “{schema.COL_TAX_CODE}”"
)


def activity_rows_from_rows(rows: Rows) -> tuple[list[ActivityRow], list[Finding]]:
    """The usable rows of Hoạt động and every finding."""
    out = Collector(rs.SHEET_ACTIVITIES)
    table = locate_table(out, rows, rs.COL_ACTIVITY_KIND, rs.ACTIVITY_HEADERS)
    found: list[ActivityRow] = []
    for record in table.records() if table is not None else ():
        ok = _required(out, record, rs.ACTIVITY_REQUIRED)
        year = _year(out, record)
        kind = read_choice(out, record.raw(rs.COL_ACTIVITY_KIND), record.cell(rs.COL_ACTIVITY_KIND),
                           base_msg.field_name(rs.COL_ACTIVITY_KIND), rs.ACTIVITY_KINDS)
        quantity = read_int(out, record.raw(rs.COL_QUANTITY), record.cell(rs.COL_QUANTITY),
                            base_msg.field_name(rs.COL_QUANTITY),
                            low=0, example="12")
        if ok and None not in (year, kind, quantity):
            found.append(ActivityRow(year, kind, quantity, record.text(rs.COL_CONTENT), record.text(schema.COL_NOTE),
                                     record.row_number, record.cell(rs.COL_ACTIVITY_KIND)))
    return found, in_sheet_order(out.findings)


def reference_rows_from_rows(rows: Rows) -> tuple[list[ReferenceRow], list[Finding]]:
    """The usable rows of Cơ sở CNNT and every finding."""
    out = Collector(rs.SHEET_REFERENCE)
    table = locate_table(out, rows, rs.COL_ESTABLISHMENTS, rs.REFERENCE_HEADERS)
    found: list[ReferenceRow] = []
    for record in table.records() if table is not None else ():
        ok = _required(out, record, rs.REFERENCE_REQUIRED)
        year = _year(out, record)
        count = read_int(out, record.raw(rs.COL_ESTABLISHMENTS), record.cell(rs.COL_ESTABLISHMENTS),
                         base_msg.field_name(rs.COL_ESTABLISHMENTS), low=0, example="250")
        district, commune = record.text(schema.COL_DISTRICT), record.text(schema.COL_COMMUNE)
        if not district and not commune:
            cell = record.cell(schema.COL_DISTRICT)
            out.error("missing-value", cell, base_msg.MISSING_VALUE.format(
                cell=cell, what=f"“{schema.COL_DISTRICT}” hoặc “{schema.COL_COMMUNE}”"))
            ok = False
        if ok and None not in (year, count):
            found.append(ReferenceRow(year, district, commune, count, record.row_number,
                                      record.cell(rs.COL_ESTABLISHMENTS)))
    return found, in_sheet_order(out.findings)
