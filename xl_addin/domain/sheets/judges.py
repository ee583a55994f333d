"""The Giám khảo sheet: its rows read into the judging panel (with every finding) and written from it.

A row becomes a Judge when its code and name are filled, the code is usable as a file name and
does not repeat an earlier row's. Unknown product codes in "Không chấm" are reported and left
out of the judge's conflicts; the known ones are stored as spelled in the Đăng ký sheet
(the row checks are in `checks/judges.py`).
"""

from __future__ import annotations

from typing import Iterable

from .. import messages as msg
from .. import schema
from ..checks import Collector, in_sheet_order, locate_table, require
from ..checks.judges import check_code, known_conflicts, repeats, warn_if_few
from ..findings import Finding
from ..models import Judge
from ..tables import Record, Rows

WIDTHS = {
    schema.COL_JUDGE_CODE: 14, schema.COL_JUDGE_NAME: 26, schema.COL_JUDGE_TITLE: 24,
    schema.COL_JUDGE_UNIT: 32, schema.COL_JUDGE_CONFLICTS: 30,
}
# Text cells: code lists such as "1,2" would otherwise become the number 1.2 under a Vietnamese locale.
TEXT_COLUMNS = (schema.COL_JUDGE_CODE, schema.COL_JUDGE_CONFLICTS)


def judges_from_rows(
    rows: Rows, product_codes: set[str], sheet: str = schema.SHEET_JUDGES,
) -> tuple[list[Judge], list[Finding]]:
    """The usable judges of the Giám khảo sheet's rows and all findings, in sheet order."""
    out = Collector(sheet)
    table = locate_table(out, rows, schema.COL_JUDGE_CODE, schema.JUDGE_HEADERS)
    if table is None:
        return [], in_sheet_order(out.findings)
    known = {code.casefold(): code for code in product_codes}
    seen: dict[str, int] = {}
    judges: list[Judge] = []
    last_row = table.header_row
    for record in table.records():
        last_row = record.row_index
        judge = _read_row(record, known, out)
        code = record.text(schema.COL_JUDGE_CODE)
        repeated = bool(code) and repeats(record, code, seen, out)
        if judge is not None and not repeated:
            judges.append(judge)
    warn_if_few(out, table, last_row + 1, len(seen))  # codes typed, usable or not
    return judges, in_sheet_order(out.findings)


def _read_row(record: Record, known: dict[str, str], out: Collector) -> Judge | None:
    """The row's Judge when its code and name are usable; records field-level findings."""
    for header in schema.JUDGE_REQUIRED:
        if record.table.has(header):
            require(out, record.raw(header), record.cell(header), msg.field_name(header))
    code, name = record.text(schema.COL_JUDGE_CODE), record.text(schema.COL_JUDGE_NAME)
    code_ok = bool(code) and check_code(record, code, out)
    conflicts = known_conflicts(record, known, out)
    if not (code_ok and name):
        return None
    return Judge(
        code=code, name=name, title=record.text(schema.COL_JUDGE_TITLE),
        unit=record.text(schema.COL_JUDGE_UNIT), conflicts=frozenset(conflicts), row=record.row_number,
    )



def rows_from_judges(items: Iterable[Judge], header: bool = True) -> list[list[object]]:
    """The Giám khảo sheet's rows (header first unless header=False)."""
    rows = [list(schema.JUDGE_HEADERS)] if header else []
    for j in items:
        rows.append([j.code, j.name, j.title, j.unit, ", ".join(sorted(j.conflicts)) or None])
    return rows
