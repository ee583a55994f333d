"""A judge's scoring workbook, as plain rows, read into a ScoreSheet with findings (SPEC §3, §4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping

from .. import file_messages as file_msg
from .. import schema
from .. import score_messages as msg
from ..checks import Collector
from ..findings import Finding, a1, error, warning
from ..models import Contest, Judge, ScoreSheet
from ..rules import LEVELS, Criterion, fmt_points
from .plain_scores import PlainScores
from .scoresheet_identity import META_LABELS, IssuedProducts
from ..tables import Record, Rows, Table, find_table, header_key, label_values
from ..values import AmbiguousNumber, ValueProblem, fold, integer, is_blank, number, text


FATAL = frozenset({"wrong-contest", "stale-product-list", "missing-sheet", "missing-column"})  # stop reading


@dataclass
class _Reader:
    """The state of reading one judge's workbook: its findings (one Collector for the file) and whether to go on."""

    contest: Contest
    provisional: bool
    out: Collector
    products: IssuedProducts
    fatal: bool = False
    blank_rows: list[tuple[str, str]] = field(default_factory=list)  # (first score cell, product) of unscored rows
    expected_rows: int = 0  # product rows the judge is to score (no conflict)

    @property
    def findings(self) -> list[Finding]:
        """What was found so far."""
        return self.out.findings

    def error(self, code: str, sheet: str, cell: str, message: str) -> None:
        """An error at a cell of one of the judge's sheets; some mean the rest cannot be read."""
        self.out.error(code, cell, message, sheet=sheet)
        self.fatal = self.fatal or code in FATAL

    def missing(self, cell: str, message: str) -> None:
        """A score left blank: an error, or a warning for provisional results."""
        (self.out.warning if self.provisional else self.out.error)("missing-score", cell, message,
                                                                   sheet=schema.SHEET_SCORING)


def score_sheet_from_rows(
    file: str,
    sheets: Mapping[str, Rows],
    contest: Contest,
    fingerprint: str,
    *,
    provisional: bool = False,
    products: IssuedProducts | None = None,
) -> tuple[ScoreSheet | None, list[Finding]]:
    """One judge's scores and the findings on their workbook; None when the sheet is unusable.

    `products`: IssuedProducts(contest.registrations), made once when many judges' sheets are read.
    """
    if products is None or tuple(contest.registrations) != products.registrations:
        products = IssuedProducts(contest.registrations)
    reader = _Reader(contest, provisional, Collector(schema.SHEET_SCORING, file=file), products)
    judge = _check_identity(reader, _sheet(sheets, schema.SHEET_SCORING_META), fingerprint)
    if reader.fatal or judge is None:
        # Scores on a sheet of another contest or an old product list mean nothing: stop here.
        return None, reader.findings
    rows = _sheet(sheets, schema.SHEET_SCORING)
    if rows is None:
        reader.error("missing-sheet", schema.SHEET_SCORING, "A1",
                     msg.NO_SCORING_SHEET.format(sheet=schema.SHEET_SCORING))
        return None, reader.findings
    table = find_table(schema.SHEET_SCORING, rows, schema.COL_CODE)
    if table is None:
        reader.error("missing-column", schema.SHEET_SCORING, "A1",
                     msg.NO_SCORING_TABLE.format(column=schema.COL_CODE, sheet=schema.SHEET_SCORING))
        return None, reader.findings
    columns = _item_columns(reader, table)
    sheet = ScoreSheet(judge.code, file)
    _read_scores(reader, table, columns, judge, sheet)
    if reader.fatal:
        return None, reader.findings
    return sheet, reader.findings + products.renamed(sheets)


def _sheet(sheets: Mapping[str, Rows], name: str) -> Rows | None:
    """A sheet's rows by name, tolerating case and Unicode form (NFD names from some tools)."""
    if name in sheets:
        return sheets[name]
    return next((rows for key, rows in sheets.items() if header_key(key) == header_key(name)), None)


def _check_identity(reader: _Reader, rows: Rows | None, fingerprint: str) -> Judge | None:
    """The judge the meta sheet names, after checking it belongs to this contest and list."""
    meta_sheet = schema.SHEET_SCORING_META
    if rows is None:
        reader.error("wrong-contest", meta_sheet, "A1", msg.NO_META_SHEET.format(sheet=meta_sheet))
        return None
    meta = label_values(rows, META_LABELS)
    info = reader.contest.info

    def value(label: str) -> tuple[object, str]:
        return meta.get(label, (None, "A1"))

    found_id, cell = value(schema.META_CONTEST_ID)
    if text(found_id) and info.contest_id and text(found_id) != info.contest_id:
        _mismatch(reader, cell, schema.META_CONTEST_ID, found_id, info.contest_id)
    found_year, cell = value(schema.META_YEAR)
    if _year(found_year) != info.year:
        _mismatch(reader, cell, schema.META_YEAR, found_year, info.year)
    found_level, cell = value(schema.META_LEVEL)
    if fold(found_level) not in {fold(info.level), fold(LEVELS.get(info.level, info.level))}:
        _mismatch(reader, cell, schema.META_LEVEL, found_level, LEVELS.get(info.level, info.level))
    found_province, cell = value(schema.META_PROVINCE)
    if fold(found_province) != fold(info.province):
        _mismatch(reader, cell, schema.META_PROVINCE, found_province, info.province)
    found_format, cell = value(schema.META_FORMAT)
    if text(found_format) and text(found_format) != schema.SCORING_FORMAT_VERSION:
        reader.error("wrong-contest", meta_sheet, cell, msg.META_FORMAT.format(
            found=text(found_format), expected=schema.SCORING_FORMAT_VERSION))
    judge = _judge(reader, *value(schema.META_JUDGE_CODE))
    found_print, cell = value(schema.META_FINGERPRINT)
    # Sheets made before names left the fingerprint carry the older one (codes, names, groups).
    accepted = {fingerprint} | ({reader.products.fingerprint(judge.conflicts)} if judge else set())
    if text(found_print) not in accepted:
        reader.error("stale-product-list", meta_sheet, cell, msg.STALE_FINGERPRINT)
    return judge


def _year(value: object) -> int | None:
    try:
        return integer(value)
    except ValueProblem:
        return None


def _mismatch(reader: _Reader, cell: str, label: str, found: object, expected: object) -> None:
    reader.error("wrong-contest", schema.SHEET_SCORING_META, cell,
                 msg.META_MISMATCH.format(label=label, found=text(found), expected=text(expected)))


def _judge(reader: _Reader, code: object, cell: str) -> Judge | None:
    """The contest's judge with this code; a wrong-contest finding when there is none."""
    key = header_key(code)
    judge = next((j for j in reader.contest.judges if header_key(j.code) == key and key), None)
    if judge is None:
        reader.error("wrong-contest", schema.SHEET_SCORING_META, cell,
                     msg.UNKNOWN_JUDGE.format(code=text(code), sheet=schema.SHEET_JUDGES))
    return judge


def _item_columns(reader: _Reader, table: Table) -> dict[str, int]:
    """Scoring item code -> 0-based column, by headers 'TC1. …' or 'TC1'; missing ones reported."""
    items = reader.contest.rules.scoring_items
    columns: dict[str, int] = {}
    for key, col in sorted(table.columns.items(), key=lambda kv: kv[1]):
        item = _item_of_header(key, items)
        if item is not None and item.code not in columns:
            columns[item.code] = col
    for item in items:
        if item.code not in columns:
            reader.error("missing-column", schema.SHEET_SCORING, table.next_header_cell(),
                         msg.NO_CRITERION_COLUMN.format(heading=item.heading))
    return columns


def _item_of_header(key: str, items: tuple[Criterion, ...]) -> Criterion | None:
    """The item a header key names; the longest code wins ('TC1.1. …' is TC1.1, not TC1)."""
    hits = [c for c in items if key == header_key(c.code) or key.startswith(header_key(c.code) + ".")]
    return max(hits, key=lambda c: len(c.code), default=None)


def _read_scores(reader: _Reader, table: Table, columns: dict[str, int],
                 judge: Judge, sheet: ScoreSheet) -> None:
    """Every product row's scores into `sheet`, reporting bad, missing and unexpected ones."""
    conflicts = {header_key(c) for c in judge.conflicts}
    items = [(item, columns[item.code]) for item in reader.contest.rules.scoring_items if item.code in columns]
    plain = PlainScores([(item.code, col, item.max_points) for item, col in items])
    code_col, stt_col = table.column(schema.COL_CODE), table.column(schema.SCORING_STT)
    comment_col = table.column(schema.SCORING_COMMENT)
    seen: set[str] = set()
    rows, find = table.rows, reader.products.find
    for i in range(table.header_row + 1, len(rows)):  # a blank row has no code and no score: it adds nothing
        values = rows[i]
        raw_code = _at(values, code_col)
        stt = _at(values, stt_col)
        if stt.__class__ is str and _is_footer(stt, raw_code):
            break  # Tổng cộng and the signature block end the table
        key, code = find(raw_code)
        if code is None or code in seen:
            _not_a_product_row(reader, Record(table, i), columns, code)
            continue
        seen.add(code)
        conflicted = key in conflicts
        scores = None if conflicted else plain.of(values)
        if scores is None:  # a blank, a conflict, text or a score out of range: read cell by cell
            _product_row(reader, Record(table, i), items, judge, code, conflicted, sheet)
        else:
            if scores:
                sheet.scores[code] = scores
            reader.expected_rows += 1
        comment = _at(values, comment_col)
        if comment is not None and (comment := text(comment)):
            sheet.comments[code] = comment
    _blank_rows(reader, judge)
    for code in reader.products.by_key.values():
        if code not in seen:
            reader.error("stale-product-list", schema.SHEET_SCORING, _header_cell(table, schema.COL_CODE),
                         msg.STALE_MISSING_PRODUCT.format(code=code))


def _not_a_product_row(reader: _Reader, record: Record, columns: dict[str, int], code: str | None) -> None:
    """A row whose code is no product (None) or a product's already read: reported, its scores not used."""
    if code is None:
        _unknown_row(reader, record, columns)
    else:
        reader.error("stale-product-list", schema.SHEET_SCORING, record.cell(schema.COL_CODE),
                     msg.STALE_DUPLICATE_PRODUCT.format(code=code))


_FOOTER = header_key(schema.SCORING_FOOTER_TOTAL)


def _at(values: list, col: int | None) -> object:
    """The value in a column of a row (None when the column is absent or the row short)."""
    return values[col] if col is not None and col < len(values) else None


def _is_footer(stt: object, code: object) -> bool:
    """True for the Tổng cộng row under the products: the label in the STT column, no code of its own.

    The label is merged across the first columns, and merged cells read as their value in every
    cell of the range, so the code column may hold the label too.
    """
    if not isinstance(stt, str) or header_key(stt) != _FOOTER:  # a number, date or blank is no label
        return False
    return not text(code) or header_key(code) == _FOOTER


def _header_cell(table: Table, header: str) -> str:
    """The A1 address of a column's header cell (where a missing row's problem is reported)."""
    return a1(table.header_row, table.column(header) or 0)


def _unknown_row(reader: _Reader, record: Record, columns: dict[str, int]) -> None:
    """A row whose code is not a contest product: stale list when it has a code, scores unexpected."""
    code = record.text(schema.COL_CODE)
    if code:
        reader.error("stale-product-list", schema.SHEET_SCORING, record.cell(schema.COL_CODE),
                     msg.STALE_UNKNOWN_PRODUCT.format(code=code, sheet=schema.SHEET_REGISTRATIONS))
    for item_code, col in columns.items():
        if not is_blank(_at(record.values, col)):
            reader.out.error("unexpected-score", a1(record.row_index, col), msg.UNKNOWN_ROW_SCORE.format(code=code))


def _product_row(reader: _Reader, record: Record, items: list[tuple[Criterion, int]],
                 judge: Judge, code: str, conflicted: bool, sheet: ScoreSheet) -> None:
    """One product's scores: parsed and range-checked; conflicts must stay blank."""
    values, row_index = record.values, record.row_index
    scores: dict[str, Decimal] = {}
    blanks: list[tuple[int, str]] = []  # (column, item) left blank
    filled = False
    width = len(values)
    for item, col in items:
        raw = values[col] if col < width else None
        kind = raw.__class__
        if (kind is int or kind is float and raw - raw == 0) and not conflicted:  # the usual cell: a finite number
            points = Decimal(raw) if kind is int else Decimal(repr(raw))  # as values.number reads it
            if 0 <= points <= item.max_points:
                filled = True
                scores[item.code] = points
                continue
        if raw.__class__ is not float and is_blank(raw):  # scores are floats: never blank
            if not conflicted:
                blanks.append((col, item.code))
            continue
        filled = True
        if conflicted:
            reader.out.error("unexpected-score", a1(row_index, col), msg.CONFLICT_SCORE.format(
                judge=judge.code, code=code, column=schema.COL_JUDGE_CONFLICTS, sheet=schema.SHEET_JUDGES))
            continue
        points = _score(reader, raw, (row_index, col), item, code)
        if points is not None:
            scores[item.code] = points
    if scores:
        sheet.scores[code] = scores
    reader.expected_rows += not conflicted
    if blanks and not filled:
        reader.blank_rows.append((a1(row_index, blanks[0][0]), code))  # one finding for the row, or for the sheet
    else:
        for col, item in blanks:
            reader.missing(a1(row_index, col), msg.MISSING_SCORE.format(judge=judge.code, item=item, code=code))


def _blank_rows(reader: _Reader, judge: Judge) -> None:
    """One finding per product row left blank, or one for the sheet when it holds no score at all."""
    rows = reader.blank_rows
    if not rows:
        return
    if len(rows) == reader.expected_rows and len(rows) > 1:  # not one score typed: a blank sheet
        reader.missing(rows[0][0], msg.BLANK_SHEET.format(judge=judge.code, name=judge.name, count=len(rows)))
        return
    for cell, code in rows:
        reader.missing(cell, msg.BLANK_ROW.format(judge=judge.code, code=code))


def _score(reader: _Reader, raw: object, at: tuple[int, int], item: Criterion, code: str) -> Decimal | None:
    """The score in a cell (0-based row and column), or None after reporting an invalid or out-of-range value."""
    try:
        points = number(raw)
        if points is None or 0 <= points <= item.max_points:
            return points
    except ValueProblem:
        pass
    return _bad_score(reader, raw, a1(*at), item, code)


def _bad_score(reader: _Reader, raw: object, cell: str, item: Criterion, code: str) -> None:
    """Report why a filled score cell cannot be used."""
    try:
        points = number(raw)
    except AmbiguousNumber as exc:
        reader.out.error("ambiguous-number", cell, file_msg.ambiguous_number(
            cell, f"điểm của sản phẩm {code}, tiêu chí {item.code}", exc))
        return None
    except ValueProblem:
        reader.out.error("invalid-number", cell, msg.INVALID_SCORE.format(value=text(raw), code=code, item=item.code))
        return None
    if points is not None and (points < 0 or points > item.max_points):
        reader.out.error("score-out-of-range", cell, msg.SCORE_OUT_OF_RANGE.format(
            value=text(raw), code=code, item=item.code, max=fmt_points(item.max_points)))
    return None


def check_sheet_set(
    contest: Contest,
    sheets: list[ScoreSheet],
    files_by_judge: Mapping[str, list[str]],
    provisional: bool = False,
) -> list[Finding]:
    """Findings on the whole set of judges' files: a judge with two files, a judge with none."""
    findings: list[Finding] = []
    present = {s.judge_code for s in sheets} | {code for code, files in files_by_judge.items() if files}
    for judge in contest.judges:
        cell = f"A{judge.row}" if judge.row else "A1"
        files = list(files_by_judge.get(judge.code, []))
        if len(files) > 1:
            findings.append(error("duplicate-judge", schema.SHEET_JUDGES, cell, msg.DUPLICATE_JUDGE.format(
                count=len(files), judge=judge.code, files=", ".join(files))))
        if judge.code not in present:
            make = warning if provisional else error
            findings.append(make("missing-score", schema.SHEET_JUDGES, cell, msg.MISSING_SHEET.format(
                judge=judge.code, name=judge.name, folder=schema.JUDGES_DIR)))
    return findings
