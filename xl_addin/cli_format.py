"""Terminal output of the CLI: findings as a table or JSON, results as a ranking table (drawn by rich)."""

from __future__ import annotations

import io
import json
import shutil
from typing import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .domain import schema
from .domain.finding_codes import label
from .domain.findings import Finding
from .domain.results import ResultSet
from .domain.values import vn_number

MAX_WIDTH = 160


def findings_json(findings: Sequence[Finding]) -> str:
    """The findings as a JSON list of objects (severity, code, sheet, cell, message, file, row)."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def findings_table(findings: Sequence[Finding], width: int | None = None) -> str:
    """The findings as a table: severity, the code's Vietnamese label with the code, where, message."""
    if not findings:
        return ""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=False)
    table.add_column(schema.FINDINGS_SEVERITY, no_wrap=True)
    table.add_column(f"{schema.FINDINGS_LABEL} · {schema.FINDINGS_CODE}", max_width=26, overflow="fold")
    table.add_column(schema.FINDINGS_SHEET, max_width=24, overflow="fold")
    table.add_column(schema.FINDINGS_CELL, no_wrap=True)
    table.add_column(schema.FINDINGS_MESSAGE, ratio=1, min_width=24, overflow="fold")
    for f in findings:
        where = f"{f.file} › {f.sheet}" if f.file else f.sheet
        named = Text(label(f.code))
        named.append(f"\n{f.code}", style="dim")
        table.add_row(schema.SEVERITY_LABELS[f.severity], named, where, f.cell, f.message)
    return _render(table, width)


def results_table(rs: ResultSet, limit: int | None = None, width: int | None = None) -> str:
    """Rank, code, name, criterion means, total, passed and the proposals: what `results` prints."""
    criteria = list(rs.results[0].criterion_means) if rs.results else []
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Hạng", justify="right", no_wrap=True)
    table.add_column("Mã SP", no_wrap=True)
    table.add_column("Tên sản phẩm", ratio=1, min_width=16, max_width=40, no_wrap=True, overflow="ellipsis")
    for name in [*criteria, "Tổng"]:
        table.add_column(name, justify="right", no_wrap=True)
    for name in ("Đạt", "HĐ đề xuất", "Cấp trên"):
        table.add_column(name, no_wrap=True)
    for r in rs.results[: limit or len(rs.results)]:
        means = [vn_number(m) for m in r.criterion_means.values()]
        table.add_row(str(r.rank), r.code, r.name, *means, vn_number(r.total),
                      _yn(r.passed), _yn(r.council_proposal), _yn(r.forward_proposal))
    return _render(table, width)


def _render(table: Table, width: int | None) -> str:
    """The table as plain text of the terminal's width (no colours: the text is also logged and piped)."""
    width = width or min(shutil.get_terminal_size((120, 20)).columns, MAX_WIDTH)
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False, legacy_windows=False).print(table)
    return "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").splitlines())


def _yn(flag: bool) -> str:
    return schema.YES if flag else "-"
