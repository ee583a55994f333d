"""The Quy định sheet: a contest's rules as label/value rows and a criteria table, written and read back.

Reading is lenient where it can be: a value that cannot be used is reported and replaced by the
preset's default (the preset named in the sheet, else cnnt-2014) so that the other checks still
run; the rules returned are None only when there is no usable criterion. A blank tie-break row
means "the main criteria in table order".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .. import messages as msg
from .. import rules, schema
from ..checks import Collector, first_blank_row, in_sheet_order, position, read_decimal, read_int, require
from ..findings import Finding, a1
from ..rules import Criterion, Rules, StarBand
from ..tables import Record, Rows, Table, header_key, label_values
from ..values import dedupe, split_codes, text

MAX_TOTAL = Decimal(100)
MAX_STARS = 10
MAX_VALIDITY_YEARS = 10
_CODE, _NAME, _MAX, _PARENT = schema.CRITERIA_HEADER
_REQUIRED_CRITERIA_HEADERS = (_CODE, _NAME, _MAX)  # "Thuộc tiêu chí" may be left out


def pass_mark_label(level: str) -> str:
    """The label of a level key's pass-mark row: 'Điểm sàn cấp Tỉnh'."""
    return schema.RULE_PASS_MARK_LEVEL.format(level=rules.LEVELS[level])


def star_band_label(stars: int) -> str:
    """The label of a star band's row: 'Điểm tối thiểu 3 sao'."""
    return schema.RULE_STAR_BAND.format(stars=stars)


def _cell(value: Decimal | int | None) -> int | float | None:
    """A number as a cell value: int when whole, else float (exact for the 2-decimal points used)."""
    if value is None or isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def rows_from_rules(r: Rules) -> Rows:
    """The Quy định sheet's rows: the rules as label/value/note rows, a blank row, the criteria table."""
    notes = msg.RULE_NOTES
    rows: Rows = [list(schema.RULES_HEADER), [schema.RULE_PRESET, r.preset, notes["preset"]]]
    for level in rules.LEVEL_ORDER:
        note = notes["pass_mark"].format(level=rules.LEVELS[level].lower())
        rows.append([pass_mark_label(level), _cell(r.pass_marks.get(level)), note])
    for band in r.star_bands:
        rows.append([star_band_label(band.stars), _cell(band.low), notes["star_band"].format(stars=band.stars)])
    rows += [
        [schema.RULE_QUOTA, r.quota, notes["quota"]],
        [schema.RULE_FORWARD, r.forward_count, notes["forward"]],
        [schema.RULE_VALIDITY_YEARS, r.validity_years, notes["validity"]],
        [schema.RULE_TIE_BREAK, ", ".join(r.tie_break), notes["tie_break"]],
        [schema.RULE_SPREAD_ALERT, _cell(r.spread_alert), notes["spread"]],
        [schema.RULE_OUTLIER_ALERT, _cell(r.outlier_alert), notes["outlier"]],
        [],
        list(schema.CRITERIA_HEADER),
    ]
    rows += [[c.code, c.name, _cell(c.max_points), c.parent] for c in r.criteria]
    return rows


def _labels() -> list[str]:
    return [
        schema.RULE_PRESET, *(pass_mark_label(level) for level in rules.LEVEL_ORDER),
        *(star_band_label(n) for n in range(1, MAX_STARS + 1)), schema.RULE_QUOTA, schema.RULE_FORWARD,
        schema.RULE_VALIDITY_YEARS, schema.RULE_TIE_BREAK, schema.RULE_SPREAD_ALERT, schema.RULE_OUTLIER_ALERT,
    ]


def rules_from_rows(rows: Rows, sheet: str = schema.SHEET_RULES) -> tuple[Rules | None, list[Finding]]:
    """The contest's rules and all findings; None when the sheet has no usable criterion."""
    out = Collector(sheet)
    table = _criteria_table(sheet, rows)
    found = label_values(rows[: table.header_row] if table else rows, _labels())
    name = text(found.get(schema.RULE_PRESET, (None, ""))[0])
    defaults = rules.preset(name if name in rules.PRESETS else rules.DEFAULT_PRESET)
    settings = _read_settings(rows, found, defaults, out)
    criteria: tuple[Criterion, ...] = ()
    typed_main: tuple[str, ...] = ()
    if table is None:
        cell = a1(_last_filled(rows) + 2, 0)
        out.error("missing-column", cell, msg.MISSING_CRITERIA_TABLE.format(
            sheet=sheet, cell=cell, headers=msg.quoted_list(schema.CRITERIA_HEADER)))
    else:
        criteria, typed_main = _read_criteria(table, out)
    tops = tuple(c.code for c in criteria if c.parent is None)
    # Checked against every main code typed (a bad maximum is reported once, on its own cell).
    tie_break = tuple(c for c in _read_tie_break(found, typed_main, out) if c in tops) or tops
    if not criteria:
        return None, in_sheet_order(out.findings)
    result = Rules(preset=name, criteria=criteria, tie_break=tie_break, **settings)
    return result, in_sheet_order(out.findings)


def _last_filled(rows: Rows) -> int:
    return max((i for i, row in enumerate(rows) if any(text(v) for v in row)), default=-1)


def _criteria_table(sheet: str, rows: Rows) -> Table | None:
    """The criteria table: the first row holding "Mã tiêu chí" that is not a rule's label row."""
    anchor, labels = header_key(_CODE), {header_key(label) for label in _labels()}
    for i, row in enumerate(rows):
        keys = [header_key(v) for v in row]
        if anchor in keys and (not keys or keys[0] not in labels):
            columns: dict[str, int] = {}
            for col, key in enumerate(keys):
                if key:
                    columns.setdefault(key, col)
            return Table(sheet, rows, i, columns)
    return None


class _LabelReader:
    """Reads label/value rows, remembering the required rows that are absent altogether."""

    def __init__(self, found: dict, out: Collector):
        self.found, self.out, self.absent = found, out, []

    def read(self, label: str, read, default, required: bool = True):
        """The parsed value; `default` when absent, blank-but-required or unusable (reported)."""
        if label not in self.found:
            self.absent.extend([label] if required else [])
            return default
        raw, cell = self.found[label]
        what = msg.field_name(label)
        if required and not require(self.out, raw, cell, what):
            return default
        parsed = read(raw, cell, what)
        return default if parsed is None and text(raw) else parsed

    def points(self, label: str, default: Decimal | None, *, above: bool = False, example: Decimal | None = None):
        """Points between 0 (or above it) and 100."""
        shown = rules.fmt_points(example if example is not None else default)
        return self.read(label, lambda raw, cell, what: read_decimal(
            self.out, raw, cell, what, 0, MAX_TOTAL, above=above, example=shown), default)

    def whole(self, label: str, default: int | None, low: int, high: int | None = None, required: bool = True):
        """A whole number within [low, high]."""
        shown = str(default or low)
        return self.read(label, lambda raw, cell, what: read_int(
            self.out, raw, cell, what, low, high, example=shown), default, required)


def _read_settings(rows: Rows, found: dict, defaults: Rules, out: Collector) -> dict:
    """The label/value rules as Rules keyword arguments; defaults stand in for unusable values."""
    labels = _LabelReader(found, out)
    settings = {
        "pass_marks": {lv: labels.points(pass_mark_label(lv), defaults.pass_marks[lv]) for lv in rules.LEVEL_ORDER},
        "quota": labels.whole(schema.RULE_QUOTA, None, 1, required=False),
        "forward_count": labels.whole(schema.RULE_FORWARD, None, 1, required=False),
        "validity_years": labels.whole(schema.RULE_VALIDITY_YEARS, defaults.validity_years, 1, MAX_VALIDITY_YEARS),
        "spread_alert": labels.points(schema.RULE_SPREAD_ALERT, defaults.spread_alert, above=True),
        "outlier_alert": labels.points(schema.RULE_OUTLIER_ALERT, defaults.outlier_alert, above=True),
    }
    stars = sorted((n for n in range(1, MAX_STARS + 1) if star_band_label(n) in found),
                   key=lambda n: position(found[star_band_label(n)][1]))  # keep the sheet's order
    bands = [(n, labels.points(star_band_label(n), None, example=Decimal(10 * n))) for n in stars]
    settings["star_bands"] = tuple(StarBand(n, low) for n, low in bands if low is not None)
    cell = first_blank_row(rows, _header_row(rows) + 1)
    for label in labels.absent:
        out.error("missing-value", cell, msg.MISSING_LABEL_ROW.format(sheet=out.sheet, label=label, cell=cell))
    return settings


def _header_row(rows: Rows) -> int:
    key = header_key(schema.RULES_HEADER[0])
    return next((i for i, row in enumerate(rows) if row and header_key(row[0]) == key), -1)


@dataclass(frozen=True)
class _Entry:
    """A criteria-table row read so far: its cells and whether they are usable."""

    record: Record
    code: str
    name: str
    max_points: Decimal | None
    parent: str  # as typed; "" for a main criterion


def _read_criteria(table: Table, out: Collector) -> tuple[tuple[Criterion, ...], tuple[str, ...]]:
    """The usable criteria in table order and every main code typed; reports bad values."""
    for header in _REQUIRED_CRITERIA_HEADERS:
        if not table.has(header):
            cell = table.next_header_cell()
            out.error("missing-column", cell, msg.MISSING_COLUMN.format(
                sheet=out.sheet, header=header, row=table.header_row + 1, cell=cell))
    entries = [e for e in (_read_entry(r, out) for r in table.records()) if e is not None]
    entries = _without_duplicates(entries, out)
    tops = {e.code.casefold(): e.code for e in entries if not e.parent}
    criteria = []
    for e in entries:
        parent = _resolve_parent(e, tops, out)
        if e.max_points is not None and parent is not False:
            criteria.append(Criterion(e.code, e.name, e.max_points, parent))
    _check_sums(entries, criteria, out)
    return tuple(criteria), tuple(tops.values())


def _read_entry(record: Record, out: Collector) -> _Entry | None:
    table = record.table
    for header in _REQUIRED_CRITERIA_HEADERS:
        if table.has(header):
            require(out, record.raw(header), record.cell(header), msg.field_name(header))
    maximum = None
    if table.has(_MAX):
        what = msg.field_name(_MAX)
        maximum = read_decimal(out, record.raw(_MAX), record.cell(_MAX), what, 0, above=True, example="40")
    code = record.text(_CODE)
    return _Entry(record, code, record.text(_NAME), maximum, record.text(_PARENT)) if code else None


def _without_duplicates(entries: list[_Entry], out: Collector) -> list[_Entry]:
    first: dict[str, int] = {}
    kept = []
    for e in entries:
        key = e.code.casefold()
        if key in first:
            cell = e.record.cell(_CODE)
            message = msg.DUPLICATE_CRITERION.format(cell=cell, code=e.code, first_row=first[key])
            out.error("duplicate-code", cell, message)
            continue
        first[key] = e.record.row_number
        kept.append(e)
    return kept


def _resolve_parent(e: _Entry, tops: dict[str, str], out: Collector) -> str | None | bool:
    """The canonical parent code, None for a main criterion, False when the parent is unknown."""
    if not e.parent:
        return None
    if e.parent.casefold() in tops:
        return tops[e.parent.casefold()]
    cell = e.record.cell(_PARENT)
    out.error("invalid-choice", cell, msg.UNKNOWN_PARENT.format(
        cell=cell, code=e.code, parent=e.parent, options=msg.quoted_list(tops.values())))
    return False


def _check_sums(entries: list[_Entry], criteria: list[Criterion], out: Collector) -> None:
    """Main criteria must add up to 100; sub-items adding up to more than their criterion get a warning (capped)."""
    main = [e for e in entries if not e.parent]
    if main and all(e.max_points is not None for e in main):
        total = sum((e.max_points for e in main), Decimal(0))
        if total != MAX_TOTAL:
            cell = main[0].record.cell(_MAX)
            out.error("invalid-number", cell, msg.CRITERIA_SUM.format(
                cell=cell, total=rules.fmt_points(total), expected=rules.fmt_points(MAX_TOTAL)))
    by_code = {e.code: e for e in entries}
    for top in (c for c in criteria if c.parent is None):
        subs = [c for c in criteria if c.parent == top.code]
        total = sum((c.max_points for c in subs), Decimal(0))
        if subs and total > top.max_points:
            cell = by_code[subs[0].code].record.cell(_MAX)
            out.warning("invalid-number", cell, msg.SUB_ITEMS_SUM.format(
                cell=cell, parent=top.code, total=rules.fmt_points(total), maximum=rules.fmt_points(top.max_points)))


def _read_tie_break(found: dict, tops: tuple[str, ...], out: Collector) -> tuple[str, ...]:
    """The tie-break codes, canonical; each must be a main criterion (invalid-choice otherwise)."""
    raw, cell = found.get(schema.RULE_TIE_BREAK, (None, ""))
    by_key = {code.casefold(): code for code in tops}
    codes = []
    for code in split_codes(raw):
        if code.casefold() in by_key:
            codes.append(by_key[code.casefold()])
        elif tops:
            message = msg.UNKNOWN_TIE_BREAK.format(cell=cell, code=code, example=", ".join(tops))
            out.error("invalid-choice", cell, message)
    return tuple(dedupe(codes)) or tops
