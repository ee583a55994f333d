"""The Kết quả sheet as rows: written from a ResultSet, read back, never overwriting a person's edit."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping, Sequence

from .. import schema
from ..findings import a1
from .. import score_messages as msg
from .. import cutoffs
from ..ranking import forward_selection
from ..results import ProductResult, ResultRow, ResultSet
from ..rules import Rules
from ..scoring import round_half_up
from ..sheet_layout import SheetLayout
from ..tables import Rows, Table, find_table, header_key
from ..values import ValueProblem, integer, is_blank, number, text, yes_no, yes_no_text

HEADER_ROW = 4  # 1-based: title, rule statement, blank line, header
YES_NO_COLUMNS = (schema.RES_COUNCIL, schema.RES_FORWARD)
TITLE = "KẾT QUẢ BÌNH CHỌN SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU NĂM {year}"
# What the blank workbook's Kết quả says before the first results run.
TEMPLATE_TITLE = "KẾT QUẢ BÌNH CHỌN"
TEMPLATE_NOTE = "Sheet này do công cụ ghi khi tính kết quả; không cần nhập tay."
TWO_DECIMALS = "0.00"
CHOICES = (schema.YES, schema.NO)
_NOUGHT = Decimal(0)
_HUNDREDTH = Decimal("0.01")
_EXACT_YES_NO = {schema.YES: True, schema.NO: False}

_WIDTHS = {
    schema.RES_RANK: 6, schema.COL_CODE: 10, schema.COL_NAME: 28, schema.COL_GROUP: 16,
    schema.COL_ESTABLISHMENT: 24, schema.RES_TOTAL: 8, schema.RES_JUDGES: 8, schema.RES_SPREAD: 7,
    schema.RES_PASSED: 8, schema.RES_STARS: 6, schema.RES_COUNCIL: 9, schema.RES_FORWARD: 9,
    schema.RES_CERT_NO: 14, schema.RES_VALID_UNTIL: 11, schema.RES_FLAGS: 40,
}
_WRAPPED = (schema.COL_NAME, schema.COL_GROUP, schema.COL_ESTABLISHMENT, schema.RES_FLAGS)
_CENTRED = (schema.RES_RANK, schema.RES_JUDGES, schema.RES_PASSED, schema.RES_STARS, schema.RES_COUNCIL,
            schema.RES_FORWARD, schema.RES_VALID_UNTIL)

# What a person's edit is compared with: the visible value and the tool's memory of its pre-fill.
Cells = tuple[object, object]


def results_header(rules: Rules, judge_codes: Sequence[str] = ()) -> list[str]:
    """The Kết quả header: lead columns, one per top criterion, tail columns, hidden memory columns.

    A star-band preset adds Số sao after Đạt điểm sàn; with `judge_codes`, one hidden column per
    judge holds that judge's total, so that the documents read Kết quả alone.
    """
    tail = list(schema.RES_TAIL_HEADERS)
    if rules.star_bands:
        tail.insert(tail.index(schema.RES_PASSED) + 1, schema.RES_STARS)
    return [
        *schema.RES_LEAD_HEADERS,
        *(c.code for c in rules.top_criteria),
        *tail,
        *schema.RES_HIDDEN_HEADERS,
        *judge_total_headers(judge_codes),
    ]


def result_cells(rules: Rules, codes: Sequence[str], header: str = schema.RES_FLAGS) -> dict[str, str]:
    """The A1 cell of each product's `header` column in Kết quả, products given in ranking order."""
    col = results_header(rules).index(header)
    return {code: a1(HEADER_ROW + i, col) for i, code in enumerate(codes)}


def judge_total_headers(judge_codes: Sequence[str]) -> list[str]:
    """The hidden headers of the judges' totals, one per judge."""
    return [schema.RES_JUDGE_TOTAL.format(code=code) for code in judge_codes]


def hidden_headers(header: Sequence[str]) -> list[str]:
    """The headers of a Kết quả header row that the sheet keeps hidden (the tool's memory)."""
    return [h for h in header if h in schema.RES_HIDDEN_HEADERS
            or str(h).startswith(schema.RES_JUDGE_TOTAL_PREFIX)]


def results_sheet_layout(header: Sequence[object], rules: Rules) -> SheetLayout:
    """The layout of a Kết quả sheet whose header row is `header`."""
    index = {str(h): i + 1 for i, h in enumerate(header) if h is not None}
    hidden = [index[h] for h in hidden_headers([str(h) for h in header if h is not None])]
    criteria = [c.code for c in rules.top_criteria]
    widths = {index[h]: w for h, w in _WIDTHS.items() if h in index}
    widths |= {index[c]: 8 for c in criteria if c in index}
    decimals = [*criteria, schema.RES_TOTAL, schema.RES_SPREAD]
    return SheetLayout(
        header_row=HEADER_ROW,
        hidden_columns=hidden,
        widths=widths,
        number_formats={index[h]: TWO_DECIMALS for h in decimals if h in index},
        choices={index[h]: CHOICES for h in YES_NO_COLUMNS if h in index},
        landscape=True,
        fit_to_width=True,
        repeat_header=True,
        wrap_header=True,
        wrap_columns=[index[h] for h in _WRAPPED if h in index],
        center_columns=[index[h] for h in _CENTRED if h in index],
        banner_rows=(1, 2),
    )


def results_layout(rules: Rules, judge_codes: Sequence[str] = (), header: list | None = None) -> SheetLayout:
    """The Kết quả sheet's layout: header on row 4, the tool's memory columns hidden, wide text columns."""
    return results_sheet_layout(header or results_header(rules, judge_codes), rules)


def results_title(year: int) -> str:
    """The title on the Kết quả sheet's first row."""
    return TITLE.format(year=year)


def rows_from_results(rs: ResultSet, rules: Rules, previous: Rows | None = None, title: str = "",
                      judge_codes: Sequence[str] = ()) -> Rows:
    """The Kết quả sheet's rows for a result set, keeping what a person changed in `previous`."""
    header = results_header(rules, judge_codes)
    width = len(header)
    before = _previous_rows(previous)
    council = [_keep_or_fill(before.get(r.code), schema.RES_COUNCIL, yes_no_text(r.council_proposal))
               for r in rs.results]
    effective = [_yes(visible) for visible, _ in council]
    forward_auto = forward_selection(effective, rs.forward_count)
    forward = [_keep_or_fill(before.get(r.code), schema.RES_FORWARD, yes_no_text(auto))
               for r, auto in zip(rs.results, forward_auto)]
    flags = _flags(rs, effective, forward_auto)
    statement = msg.rules_statement(rs.pass_mark, rs.quota, rs.forward_count, rs.tie_break_text)
    extra_headers, extras = _extra_columns(previous, header)
    width += len(extra_headers)
    rows: Rows = [
        _padded([msg.title(title, rs.provisional)], width),
        _padded([statement], width),
        [None] * width,
        list(header) + extra_headers,
    ]
    place = _Places(header, rules)
    no_extras = [None] * len(extra_headers)
    for i, r in enumerate(rs.results):
        prev = before.get(r.code)
        cells = {column: _keep_or_fill(prev, column, _auto(prev, column))
                 for column in (schema.RES_CERT_NO, schema.RES_VALID_UNTIL)}
        cells |= {schema.RES_COUNCIL: council[i], schema.RES_FORWARD: forward[i]}
        rows.append(place.row(r, cells, flags[r.code]) + extras.get(r.code, no_extras))
    return rows


def _extra_columns(previous: Rows | None, header: list[str]) -> tuple[list[str], dict[str, list[object]]]:
    """Columns a person added to Kết quả (e.g. the council's notes), carried over by product code."""
    table = find_table(schema.SHEET_RESULTS, previous or [], schema.COL_CODE)
    if table is None:
        return [], {}
    known = {header_key(h) for h in header}
    head_row = table.rows[table.header_row]
    added = [text(h) for h in head_row if not is_blank(h) and header_key(h) not in known
             and not text(h).startswith(schema.RES_JUDGE_TOTAL_PREFIX)]  # a judge no longer in the contest
    if not added:
        return [], {}
    code_col, cols = table.column(schema.COL_CODE), [table.column(h) for h in added]
    values: dict[str, list[object]] = {}
    for record in table.records():
        row = table.rows[record.row_index]
        code = text(_cell(row, code_col))
        if code and code not in values:
            values[code] = [_cell(row, col) for col in cols]
    return added, values


def _cell(row: list[object], col: int | None) -> object:
    """What Record.raw gives: the value in a column, None when the column is absent or the row short."""
    return row[col] if col is not None and col < len(row) else None


def _flags(rs: ResultSet, council: list[bool], forward: list[bool]) -> dict[str, tuple[str, ...]]:
    """Each product's flags; the forwarding notes follow the council's column as it stands."""
    if council == [r.council_proposal for r in rs.results]:
        return {r.code: r.flags for r in rs.results}
    notes = cutoffs.forward_notes_for(rs.results, council, forward, rs.forward_count, rs.tie_break)
    return {r.code: tuple(f for f in r.flags if not cutoffs.is_forward_note(f, rs.forward_count))
            + ((notes[r.code],) if r.code in notes else ()) for r in rs.results}


class _Places:
    """Where each value of a product's row goes in the header (worked out once for all the rows)."""

    def __init__(self, header: list[str], rules: Rules) -> None:
        at: dict[str, list[int]] = {}
        for i, h in enumerate(header):
            at.setdefault(h, []).append(i)
        self.width, self.rules, self.stars = len(header), rules, bool(rules.star_bands)
        self.at = at
        self.means = [(c.code, at[c.code]) for c in rules.top_criteria if c.code in at]
        self.kept = {column: (at.get(column, []), at.get(schema.RES_PREFILLED[column], []))
                     for column in schema.RES_PREFILLED}
        self.judge_at: dict[str, list[int]] = {}  # judge code -> columns of the judge's total
        self.fixed = [at.get(h, []) for h in (
            schema.RES_RANK, schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP, schema.COL_ESTABLISHMENT,
            schema.RES_TOTAL, schema.RES_JUDGES, schema.RES_SPREAD, schema.RES_PASSED, schema.RES_STARS,
            schema.RES_FLAGS)]

    def _judge(self, code: str) -> list[int]:
        if code not in self.judge_at:
            self.judge_at[code] = self.at.get(schema.RES_JUDGE_TOTAL.format(code=code), [])
        return self.judge_at[code]

    def row(self, r: ProductResult, kept: dict[str, Cells], flags: tuple[str, ...]) -> list:
        """One product's row, in header order; `kept` holds the (visible, memory) pairs of the pre-filled columns."""
        row: list = [None] * self.width
        stars = self.rules.stars(r.total) if r.judge_count and self.stars else None
        fixed = (r.rank, r.code, r.name, r.group, r.establishment, float(r.total), r.judge_count, _display(r.spread),
                 yes_no_text(r.passed), stars, "; ".join(flags) or None)
        for cols, value in zip(self.fixed, fixed):
            for i in cols:
                row[i] = value
        for code, cols in self.means:
            value = _display(r.criterion_means.get(code, _NOUGHT))
            for i in cols:
                row[i] = value
        for column, (visible, memory) in kept.items():
            shown, remembered = self.kept[column]
            for i in shown:
                row[i] = visible
            for i in remembered:
                row[i] = memory
        for t in r.judge_totals:
            value = schema.RES_JUDGE_CONFLICT if t.conflicted else None if t.total is None else _number(t.total)
            for i in self._judge(t.judge_code):
                row[i] = value
        return row


def _number(value: Decimal) -> int | float:
    """A judge's total as Excel stores it: exact for the decimals judges type."""
    return int(value) if value == value.to_integral_value() else float(value)


def _display(value: Decimal) -> float:
    """A mean or spread as Kết quả shows it: rounded half-up to 2 places."""
    if value >= 0 and value.adjusted() < 20:  # quantize is exact here: round_half_up's value, sooner
        return float(value.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP))
    return float(round_half_up(value))


def _padded(cells: list, width: int) -> list:
    return cells + [None] * (width - len(cells))


def _previous_rows(previous: Rows | None) -> dict[str, dict[str, object]]:
    """Product code -> {pre-filled or memory header -> value} of the sheet as it stood."""
    table = find_table(schema.SHEET_RESULTS, previous or [], schema.COL_CODE)
    if table is None:
        return {}
    wanted = [(h, table.column(h)) for h in (*schema.RES_PREFILLED, *schema.RES_PREFILLED.values())]
    code_col = table.column(schema.COL_CODE)
    found: dict[str, dict[str, object]] = {}
    for record in table.records():
        row = table.rows[record.row_index]
        code = text(_cell(row, code_col))
        if code and code not in found:
            found[code] = {h: _cell(row, col) for h, col in wanted}
    return found


def _auto(prev: dict[str, object] | None, column: str) -> object:
    """What the tool last pre-filled in a column (carried over: certificates outlive a re-run)."""
    return prev.get(schema.RES_PREFILLED[column]) if prev else None


def _keep_or_fill(prev: dict[str, object] | None, column: str, new: object) -> Cells:
    """(visible, memory): the person's value and old memory when they changed it, else the new pre-fill."""
    if prev is None:
        return new, new
    visible, memory = prev.get(column), prev.get(schema.RES_PREFILLED[column])
    if _same(visible, memory, column):
        return new, new
    return visible, memory


def _same(visible: object, memory: object, column: str) -> bool:
    """True when the visible cell still holds what the tool wrote (so no person changed it)."""
    if type(visible) is type(memory) and visible == memory:
        return True  # what the comparisons below would say, without reading the values
    if column in YES_NO_COLUMNS:
        try:
            return yes_no(visible) == yes_no(memory)
        except ValueProblem:
            pass
    return text(visible) == text(memory)


def _yes(value: object) -> bool:
    """A Có/Không cell as a flag; anything else (blank, unreadable) is not a proposal."""
    if value.__class__ is str and value in _EXACT_YES_NO:
        return _EXACT_YES_NO[value]  # what yes_no reads "Có" and "Không" as, without normalising them
    try:
        return bool(yes_no(value))
    except ValueProblem:
        return False


def result_rows_from_rows(rows: Rows) -> list[ResultRow]:
    """The Kết quả sheet as it stands (a person's edits included), for documents."""
    table = find_table(schema.SHEET_RESULTS, rows, schema.COL_CODE)
    if table is None:
        return []
    (code, name, group, establishment, rank, total, council, forward, cert_no, valid_until) = (
        table.column(h) for h in (schema.COL_CODE, schema.COL_NAME, schema.COL_GROUP, schema.COL_ESTABLISHMENT,
                                  schema.RES_RANK, schema.RES_TOTAL, schema.RES_COUNCIL, schema.RES_FORWARD,
                                  schema.RES_CERT_NO, schema.RES_VALID_UNTIL))
    out: list[ResultRow] = []
    for record in table.records():
        row = table.rows[record.row_index]
        product = text(_cell(row, code))
        if not product:
            continue
        out.append(ResultRow(
            code=product, name=text(_cell(row, name)), group=text(_cell(row, group)),
            establishment=text(_cell(row, establishment)),
            rank=_read(integer, _cell(row, rank)), total=_read(number, _cell(row, total)),
            council=_read(yes_no, _cell(row, council)), forward=_read(yes_no, _cell(row, forward)),
            cert_no=text(_cell(row, cert_no)), valid_until=text(_cell(row, valid_until)),
            row=record.row_number,
        ))
    return out


def proposed_count(rows: Rows) -> int:
    """How many products Kết quả's rows propose (Hội đồng đề xuất = Có), as result_rows_from_rows reads them."""
    table = find_table(schema.SHEET_RESULTS, rows, schema.COL_CODE)
    if table is None:
        return 0
    code, council = table.column(schema.COL_CODE), table.column(schema.RES_COUNCIL)
    return sum(1 for record in table.records()
               if text(_cell(row := table.rows[record.row_index], code)) and _yes(_cell(row, council)))


def _read(parse, value: object):
    """A parsed cell, or None when blank or unreadable."""
    try:
        return parse(value)
    except ValueProblem:
        return None


def with_certificates(rows: Rows, certs: Mapping[str, tuple[str, str]]) -> Rows:
    """A copy of the Kết quả rows with certificate numbers and validity filled, a person's edits kept."""
    out = [list(row) for row in rows]
    table = find_table(schema.SHEET_RESULTS, out, schema.COL_CODE)
    if table is None:
        return out
    table = _ensure_columns(table, (schema.RES_CERT_NO, schema.RES_VALID_UNTIL,
                                    schema.RES_AUTO_CERT_NO, schema.RES_AUTO_VALID_UNTIL))
    wanted = {header_key(code): value for code, value in certs.items()}
    for record in table.records():
        value = wanted.get(header_key(record.raw(schema.COL_CODE)))
        if value is None:
            continue
        for column, new in zip((schema.RES_CERT_NO, schema.RES_VALID_UNTIL), value):
            prev = {column: record.raw(column), schema.RES_PREFILLED[column]: record.raw(schema.RES_PREFILLED[column])}
            visible, memory = _keep_or_fill(prev, column, new)
            _put(table, record.row_index, column, visible)
            _put(table, record.row_index, schema.RES_PREFILLED[column], memory)
    return out


def _ensure_columns(table: Table, headers: tuple[str, ...]) -> Table:
    """The table with any missing header appended to its header row (an older sheet)."""
    header_row = table.rows[table.header_row]
    for header in headers:
        if not table.has(header):
            header_row.append(header)
    return find_table(table.sheet, table.rows, schema.COL_CODE) or table


def _put(table: Table, row_index: int, header: str, value: object) -> None:
    col = table.column(header)
    row = table.rows[row_index]
    if col is None or (is_blank(value) and col >= len(row)):
        return
    row.extend([None] * (col + 1 - len(row)))
    row[col] = value
