"""Terminal output of the CLI: findings as a table or JSON, results as a short ranking table."""

from __future__ import annotations

import json
import shutil
import textwrap
from typing import Sequence

from .domain import schema
from .domain.findings import Finding
from .domain.results import ResultSet
from .domain.values import vn_number


def findings_json(findings: Sequence[Finding]) -> str:
    """The findings as a JSON list of objects (severity, code, sheet, cell, message, file)."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def findings_table(findings: Sequence[Finding], width: int | None = None) -> str:
    """The findings as a plain-text table with wrapped messages."""
    if not findings:
        return ""
    width = width or min(shutil.get_terminal_size((120, 20)).columns, 160)
    rows = []
    for f in findings:
        where = f"{f.file} › {f.sheet}" if f.file else f.sheet
        rows.append((schema.SEVERITY_LABELS[f.severity], f.code, where, f.cell, f.message))
    heads = schema.FINDINGS_HEADERS
    widths = [max(len(heads[i]), *(len(r[i]) for r in rows)) for i in range(4)]
    widths = [min(w, 34) for w in widths]
    msg_width = max(30, width - sum(widths) - 4 * 3)
    lines = [_line(heads, widths), _line(["─" * w for w in widths] + ["─" * min(msg_width, 40)], widths)]
    for r in rows:
        wrapped = textwrap.wrap(r[4], msg_width) or [""]
        lines.append(_line(list(r[:4]) + [wrapped[0]], widths))
        lines.extend(_line(["", "", "", "", more], widths) for more in wrapped[1:])
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    fixed = [str(c)[:w].ljust(w) for c, w in zip(cells[:4], widths)]
    return " │ ".join(fixed + [str(cells[4])]).rstrip()


def results_table(rs: ResultSet, limit: int | None = None) -> str:
    """Rank, code, total, judges, passed and proposals: the summary printed after `results`."""
    criteria = list(rs.results[0].criterion_means) if rs.results else []
    head = ["Hạng", "Mã SP", "Tên sản phẩm", *criteria, "Tổng", "Đạt", "HĐ đề xuất", "Cấp trên"]
    rows = []
    for r in rs.results[: limit or len(rs.results)]:
        means = [vn_number(m) for m in r.criterion_means.values()]
        rows.append([str(r.rank), r.code, _clip(r.name, 34), *means, vn_number(r.total),
                     _yn(r.passed), _yn(r.council_proposal), _yn(r.forward_proposal)])
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(head)]
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths))]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(line.rstrip() for line in out)


def _yn(flag: bool) -> str:
    return schema.YES if flag else "-"


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
