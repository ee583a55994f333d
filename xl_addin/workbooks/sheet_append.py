"""Rows appended below the last row holding a value of one of the tool's sheets (Nhật ký), in its XML."""

from __future__ import annotations

import re

from lxml import etree

from ..domain.tables import Rows
from . import styles
from .cells import safe_value
from .sheet_writer import cell_xml
from .sheet_xml import MAIN, Q, column_letter, column_number, insert_child, new_worksheet, parse_cols

_REF = re.compile(r"([A-Z]+)(\d+)")


def _has_value(cell: etree._Element) -> bool:
    return cell.find(Q + "v") is not None or cell.find(Q + "is") is not None or cell.find(Q + "f") is not None


def last_used_row(data: etree._Element) -> int:
    """The last row holding a value (styled but empty rows below it, e.g. from the template, don't count)."""
    last = 0
    for row in data.iterfind(Q + "row"):
        if any(_has_value(c) for c in row.iterfind(Q + "c")):
            last = max(last, int(row.get("r")))
    return last


def append_rows_xml(old: bytes | None, rows: Rows, book) -> bytes:
    """The worksheet part with rows added below its last row holding a value."""
    root = etree.fromstring(old) if old else new_worksheet()
    data = root.find(Q + "sheetData")
    start = last_used_row(data) + 1
    cols = parse_cols(root)
    widths = {c: cols.width(c) or styles.DEFAULT_WIDTH for c in range(1, max((len(r) for r in rows), default=0) + 1)}
    _unmerge(root, start, start + len(rows))  # empty cells merged below the data take values again
    existing = {int(r.get("r")): r for r in data.iterfind(Q + "row")}
    for i, row in enumerate(rows):
        r = start + i
        el = existing.get(r)
        if el is None:
            el = etree.Element(Q + "row", r=str(r))
            later = next((x for x in data.iterfind(Q + "row") if int(x.get("r")) > r), None)
            data.insert(data.index(later), el) if later is not None else data.append(el)
        for j, value in enumerate(row, start=1):
            value = safe_value(value)
            if value is not None:
                _put_cell(el, j, etree.fromstring(_wrapped(cell_xml(f"{column_letter(j)}{r}", value,
                                                                    book.for_value(value))))[0])
        # Long names and addresses wrap inside their columns, on screen and on paper.
        el.set("ht", str(styles.row_height(dict(enumerate(row, start=1)), widths)))
        el.set("customHeight", "1")
        el.attrib.pop("spans", None)
    _dimension(root, data)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _wrapped(fragment: str) -> bytes:
    return f'<x xmlns="{MAIN}">{fragment}</x>'.encode("utf-8")


def _put_cell(row: etree._Element, col: int, cell: etree._Element) -> None:
    for old in row.iterfind(Q + "c"):
        found = _REF.fullmatch(old.get("r", ""))
        at = column_number(found.group(1)) if found else 0
        if at == col:
            if old.get("s") and cell.get("s") is None:
                cell.set("s", old.get("s"))
            row.replace(old, cell)
            return
        if at > col:
            old.addprevious(cell)
            return
    row.append(cell)


def _unmerge(root: etree._Element, first: int, last: int) -> None:
    holder = root.find(Q + "mergeCells")
    if holder is None:
        return
    for span in holder.findall(Q + "mergeCell"):
        rows = [int(n) for n in re.findall(r"\d+", span.get("ref", ""))]
        if rows and max(rows) >= first and min(rows) <= last:
            holder.remove(span)
    if len(holder):
        holder.set("count", str(len(holder)))
    else:
        root.remove(holder)


def _dimension(root: etree._Element, data: etree._Element) -> None:
    last_row, last_col = 1, 1
    for row in data.iterfind(Q + "row"):
        last_row = max(last_row, int(row.get("r")))
        for c in row.iterfind(Q + "c"):
            found = _REF.fullmatch(c.get("r", ""))
            if found:
                last_col = max(last_col, column_number(found.group(1)))
    insert_child(root, etree.Element(Q + "dimension", ref=f"A1:{column_letter(last_col)}{last_row}"))
