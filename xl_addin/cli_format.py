"""Terminal output of the CLI: findings as a table or JSON, results as a ranking table (drawn by rich)."""

from __future__ import annotations

import io
import json
import shutil
from typing import Sequence

from typing import TYPE_CHECKING

from .domain import schema
from .domain.finding_codes import label
from .domain.findings import Finding
from .domain.results import ResultSet
from .domain.values import vn_number

if TYPE_CHECKING:
    from rich.console import Group

# rich is imported by the functions that draw: the commands that print no table (documents) start sooner.

MAX_WIDTH = 160
WIDE = 100  # below this many columns, findings are listed one under another instead of as a table


def findings_json(findings: Sequence[Finding]) -> str:
    """The findings as a JSON list of objects (severity, code, sheet, cell, message, file, row)."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def findings_table(findings: Sequence[Finding], width: int | None = None) -> str:
    """The findings as a table: severity, the code's Vietnamese label with the code, where, message.

    On a narrow console (under WIDE columns) each finding is a heading line and its message below,
    so the message keeps the whole width instead of a sliver of a table.
    """
    if not findings:
        return ""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    width = _width(width)
    if width < WIDE:
        return _render(Group(*(_stacked(f) for f in findings)), width)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=False)
    table.add_column(schema.FINDINGS_SEVERITY, no_wrap=True)
    table.add_column(f"{schema.FINDINGS_LABEL} · {schema.FINDINGS_CODE}", max_width=26, overflow="fold")
    table.add_column(schema.FINDINGS_SHEET, max_width=24, overflow="fold")
    table.add_column(schema.FINDINGS_CELL, no_wrap=True)
    table.add_column(schema.FINDINGS_MESSAGE, ratio=1, overflow="fold")  # no min_width: rich would crop
    for f in findings:
        where = f"{f.file} › {f.sheet}" if f.file else f.sheet
        named = Text(label(f.code))
        named.append(f"\n{f.code}", style="dim")
        table.add_row(schema.SEVERITY_LABELS[f.severity], named, where, f.cell, f.message)
    return _render(table, width)


def results_table(rs: ResultSet, limit: int | None = None, width: int | None = None) -> str:
    """Rank, code, name, criterion means, total, passed and the proposals: what `results` prints.

    On a narrow console (under WIDE columns) the criterion means are left out (they are in Kết quả)
    so that the name, the total and the proposals stay readable.
    """
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    width = _width(width)
    criteria = list(rs.results[0].criterion_means) if rs.results and width >= WIDE else []
    rows = [[str(r.rank), r.code, r.name, *(vn_number(r.criterion_means[c]) for c in criteria), vn_number(r.total),
             _yn(r.passed), _yn(r.council_proposal), _yn(r.forward_proposal)]
            for r in rs.results[: limit or len(rs.results)]]
    heads = ["Hạng", "Mã SP", "Tên sản phẩm", *criteria, "Tổng", "Đạt", "HĐ đề xuất", "Cấp trên"]
    widths = [max([len(h), *(cell_len(row[i]) for row in rows)]) for i, h in enumerate(heads)]
    # The name takes what the other columns leave (each column is followed by a 2-space gap).
    name_width = max(10, min(40, width - sum(w + 2 for i, w in enumerate(widths) if i != 2)))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))
    for i, head in enumerate(heads):
        numeric = i in (0, *range(3, 3 + len(criteria) + 1))
        table.add_column(head, justify="right" if numeric else "left", no_wrap=True, overflow="ellipsis",
                         width=name_width if i == 2 else widths[i])
    for row in rows:
        table.add_row(*row)
    return _render(table, width)


def _stacked(f: Finding) -> Group:
    """One finding as "Cảnh báo · label (code) · where cell", then its message indented."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    where = f"{f.file} › {f.sheet}" if f.file else f.sheet
    head = " · ".join(part for part in (schema.SEVERITY_LABELS[f.severity], f"{label(f.code)} ({f.code})",
                                        f"{where} {f.cell}".strip()) if part)
    return Group(Text(head), Padding(Text(f.message), (0, 0, 0, 2)))


def _width(width: int | None) -> int:
    return width or min(shutil.get_terminal_size((120, 20)).columns, MAX_WIDTH)


def _render(renderable, width: int | None) -> str:
    """Plain text of the terminal's width (no colours: the text is also logged and piped)."""
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=_width(width), color_system=None, force_terminal=False,
            legacy_windows=False).print(renderable)
    return "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").splitlines())


def _yn(flag: bool) -> str:
    return schema.YES if flag else "-"
