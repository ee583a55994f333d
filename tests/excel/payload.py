"""The JSON request xlwings' Office.js client sends, built from an .xlsx with openpyxl, and helpers on the answer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

import xlwings as xw

from xl_addin.domain import schema

_VISIBILITY = {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}


def _json_value(value: object) -> object:
    """A cell value as Office.js sends it: '' for empty, dates as ISO strings ending in Z."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%dT00:00:00.000Z")
    return value


def _sheet(ws) -> dict:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    last_row = max((i + 1 for i, r in enumerate(rows) if any(v is not None for v in r)), default=0)
    last_col = max((j + 1 for r in rows for j, v in enumerate(r) if v is not None), default=0)
    if last_row == 0:
        values, used = [[""]], None
    else:
        values = [[_json_value(v) for v in (r + [None] * last_col)[:last_col]] for r in rows[:last_row]]
        used = f"$A$1:${get_column_letter(last_col)}${last_row}"
    notes = [{"address": f"${c.column_letter}${c.row}"} for row in ws.iter_rows() for c in row if c.comment]
    return {
        "name": ws.title, "visibility": _VISIBILITY.get(ws.sheet_state, "Visible"), "print_area": None,
        "notes": notes, "used_range_address": used, "values": values,
        "pictures": [], "shapes": [], "charts": [], "tables": [],
    }


def payload_from_xlsx(path: Path, active_sheet: int = 0) -> dict:
    """The request body the Office.js client would send for this workbook (JSON round-tripped)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    payload = {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": Path(path).name, "active_sheet_index": active_sheet, "selection": "A1"},
        "names": [],
        "sheets": [_sheet(ws) for ws in wb.worksheets],
    }
    return json.loads(json.dumps(payload))


def contest_payload(folder: Path) -> dict:
    """The Office.js request for the contest workbook of a folder."""
    return payload_from_xlsx(Path(folder) / schema.CONTEST_FILE)


def sheet_of(payload: dict, name: str) -> dict:
    """The payload entry of a sheet."""
    return next(s for s in payload["sheets"] if s["name"] == name)


def set_cell(payload: dict, sheet: str, cell: str, value: object) -> None:
    """Change one cell's value in the payload, as if the user had typed it."""
    letters, row = coordinate_from_string(cell)
    sheet_of(payload, sheet)["values"][row - 1][column_index_from_string(letters) - 1] = value


def header_column(payload: dict, sheet: str, header: str, header_row: int = 1) -> str:
    """The column letter of a header in a sheet of the payload."""
    return get_column_letter(sheet_of(payload, sheet)["values"][header_row - 1].index(header) + 1)


def sheet_position(payload: dict, name: str) -> int:
    """The 0-based position of a sheet, as actions address it."""
    return [s["name"] for s in payload["sheets"]].index(name)


def actions(book: xw.Book, func: str | None = None) -> list[dict]:
    """The actions the book will send back to Excel, optionally only those of one kind."""
    return [a for a in book.json()["actions"] if func is None or a["func"] == func]


def address(action: dict) -> str:
    """The A1 address of an action's top-left cell."""
    return f"{get_column_letter(action['start_column'] + 1)}{action['start_row'] + 1}"


def alert_text(book: xw.Book) -> str:
    """The text of the single message box the action shows."""
    alerts = actions(book, "alert")
    assert len(alerts) == 1, alerts
    return alerts[0]["args"][0]
