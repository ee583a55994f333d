"""The reading of cells and sheets (Đăng ký, judges' scores, Kết quả) as it was before it was made fast (issue 11).

Kept only to prove that the fast reading gives the same values, findings, messages and cells: these
read every cell through `Record.raw/text/cell` one header lookup at a time, as the tool used to.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from xl_addin.domain import file_messages as file_msg
from xl_addin.domain import messages as msg
from xl_addin.domain import rules, schema
from xl_addin.domain import score_messages as score_msg
from xl_addin.domain.checks import (Collector, in_sheet_order, locate_table, read_choice, read_int, read_yes_no,
                                    require)
from xl_addin.domain.checks.contacts import check_email, check_phone, check_tax_code
from xl_addin.domain.checks.registrations import MIN_PHOTOS, Seen
from xl_addin.domain.findings import a1
from xl_addin.domain.models import Registration
from xl_addin.domain.results import JudgeTotal, ProductResult
from xl_addin.domain.rules import fmt_points
from xl_addin.domain.sheets import scoresheet as now
from xl_addin.domain.tables import find_table, header_key
from xl_addin.domain.values import AmbiguousNumber, ValueProblem, format_date, integer, number, yes_no


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


def read_scores(reader, table, columns, judge, sheet):
    """sheets.scoresheet._read_scores before issue 11 (every cell through the record, per row)."""

    products = {header_key(r.code): r.code for r in reader.contest.registrations}
    seen = set()
    for record in table.records():
        label = header_key(schema.SCORING_FOOTER_TOTAL)
        typed = record.text(schema.COL_CODE)
        if header_key(record.raw(schema.SCORING_STT)) == label and (not typed or header_key(typed) == label):
            break
        code = products.get(header_key(record.raw(schema.COL_CODE)))
        if code is None:
            _unknown_score_row(reader, record, columns)
        elif code in seen:
            reader.error("stale-product-list", schema.SHEET_SCORING, record.cell(schema.COL_CODE),
                         score_msg.STALE_DUPLICATE_PRODUCT.format(code=code))
        else:
            seen.add(code)
            _product_row(reader, record, columns, judge, code, sheet)
    now._blank_rows(reader, judge)
    for code in products.values():
        if code not in seen:
            reader.error("stale-product-list", schema.SHEET_SCORING, now._header_cell(table, schema.COL_CODE),
                         score_msg.STALE_MISSING_PRODUCT.format(code=code))


def _cell_value(record, col):
    row = record.table.rows[record.row_index]
    return row[col] if col < len(row) else None


def _unknown_score_row(reader, record, columns):

    code = record.text(schema.COL_CODE)
    if code:
        reader.error("stale-product-list", schema.SHEET_SCORING, record.cell(schema.COL_CODE),
                     score_msg.STALE_UNKNOWN_PRODUCT.format(code=code, sheet=schema.SHEET_REGISTRATIONS))
    for _, col in columns.items():
        if not is_blank(_cell_value(record, col)):
            reader.out.error("unexpected-score", a1(record.row_index, col), score_msg.UNKNOWN_ROW_SCORE.format(code=code))


def _product_row(reader, record, columns, judge, code, sheet):

    conflicted = header_key(code) in {header_key(c) for c in judge.conflicts}
    scores, blanks = {}, []
    for item in reader.contest.rules.scoring_items:
        col = columns.get(item.code)
        if col is None:
            continue
        raw, cell = _cell_value(record, col), a1(record.row_index, col)
        if is_blank(raw):
            if not conflicted:
                blanks.append((cell, item.code))
            continue
        if conflicted:
            reader.out.error("unexpected-score", cell, score_msg.CONFLICT_SCORE.format(
                judge=judge.code, code=code, column=schema.COL_JUDGE_CONFLICTS, sheet=schema.SHEET_JUDGES))
            continue
        points = _score(reader, raw, cell, item, code)
        if points is not None:
            scores[item.code] = points
    if scores:
        sheet.scores[code] = scores
    filled = any(not is_blank(_cell_value(record, col)) for col in columns.values())
    reader.expected_rows += not conflicted
    if blanks and not filled:
        reader.blank_rows.append((blanks[0][0], code))
    else:
        for cell, item in blanks:
            reader.missing(cell, score_msg.MISSING_SCORE.format(judge=judge.code, item=item, code=code))
    comment = record.text(schema.SCORING_COMMENT) if record.table.has(schema.SCORING_COMMENT) else ""
    if comment:
        sheet.comments[code] = comment


def _score(reader, raw, cell, item, code):

    try:
        points = number(raw)
    except AmbiguousNumber as exc:
        reader.out.error("ambiguous-number", cell, file_msg.ambiguous_number(
            cell, f"điểm của sản phẩm {code}, tiêu chí {item.code}", exc))
        return None
    except ValueProblem:
        reader.out.error("invalid-number", cell, score_msg.INVALID_SCORE.format(value=text(raw), code=code,
                                                                                item=item.code))
        return None
    if points is None:
        return None
    if points < 0 or points > item.max_points:
        reader.out.error("score-out-of-range", cell, score_msg.SCORE_OUT_OF_RANGE.format(
            value=text(raw), code=code, item=item.code, max=fmt_points(item.max_points)))
        return None
    return points


def shown_products(sheets):
    """sheets.scoresheet_identity._shown before issue 11."""

    shown = {}
    for name, headers in ((schema.SHEET_SCORING, (schema.COL_NAME,)),
                          (schema.SHEET_SCORING_SNAPSHOT, (schema.COL_NAME, schema.COL_ESTABLISHMENT))):
        rows = next((r for key, r in sheets.items() if header_key(key) == header_key(name)), None)
        table = find_table(name, rows or [], schema.COL_CODE)
        if table is None:
            continue
        for record in table.records():
            code = header_key(record.raw(schema.COL_CODE))
            if code:
                shown.setdefault(code, {}).update({h: text(record.raw(h)) for h in headers if table.has(h)})
    return shown


def product_result(record, contest, judges, headers=()):
    """sheets.results_readback._result before issue 11 (each cell through Record.raw; `headers` unused)."""


    def read(parse, header):
        try:
            return parse(record.raw(header))
        except ValueProblem:
            return None

    def judge_total(code, header):
        raw = record.raw(header)
        if fold(raw) == fold(schema.RES_JUDGE_CONFLICT):
            return JudgeTotal(code, None, True)
        try:
            return JudgeTotal(code, number(raw))
        except ValueProblem:
            return JudgeTotal(code, None)

    totals = tuple(judge_total(code, header) for code, header in judges.items())
    total = read(number, schema.RES_TOTAL) or Decimal(0)
    flags = tuple(f for f in record.text(schema.RES_FLAGS).split("; ") if f)
    return ProductResult(
        code=record.text(schema.COL_CODE), name=record.text(schema.COL_NAME),
        group=record.text(schema.COL_GROUP), establishment=record.text(schema.COL_ESTABLISHMENT),
        rank=read(integer, schema.RES_RANK) or 0,
        criterion_means={c.code: read(number, c.code) or Decimal(0) for c in contest.rules.top_criteria},
        exact_total=total, total=total, judge_totals=totals,
        judge_count=read(integer, schema.RES_JUDGES) or 0,
        spread=read(number, schema.RES_SPREAD) or Decimal(0),
        passed=bool(read(yes_no, schema.RES_PASSED)),
        council_proposal=bool(read(yes_no, schema.RES_AUTO_COUNCIL)),
        forward_proposal=bool(read(yes_no, schema.RES_AUTO_FORWARD)),
        flags=flags,
    )
