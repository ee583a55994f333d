"""Codes that the tool turns into file and folder names, checked at validation so that every name
is safe on Windows: no reserved device name (CON, NUL, COM1…), no trailing dot, a bounded
length, and no two codes that end up as the same file (Windows ignores case; documents replace
special characters by "_").

Judges' codes name `phieu_cham/<code>.xlsx`; product codes name the certificates in `van_ban/`
and the dossier folders `ho_so/<code>/`.
"""

from __future__ import annotations

import re
import unicodedata

from .. import file_messages as msg
from .. import schema
from ..findings import Finding
from ..tables import Rows, find_table
from . import Collector, in_sheet_order

MAX_CODE_LENGTH = 50  # leaves room for the contest folder's own path within Windows' 260 characters
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
                      *(f"{p}{i}" for p in ("COM", "LPT") for i in (*range(10), "¹", "²", "³"))})
_DEVICE_END = re.compile(r"[.\s]")
_STEM_LIMIT = 100  # documents.safety.safe_filename keeps at most this many characters


_PLAIN_STEM = re.compile(r"[A-Za-z0-9_-]*")  # most codes: kept as they are


def file_stem(code: str) -> str:
    """The file name stem documents make of a code: letters, digits, '-' and '_' kept, others '_'."""
    if _PLAIN_STEM.fullmatch(code):
        return code[:_STEM_LIMIT] or "_"
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in unicodedata.normalize("NFC", code))
    return stem[:_STEM_LIMIT] or "_"


def name_problem(name: str) -> str | None:
    """'reserved', 'too-long' or 'trailing-dot' when a name cannot be a Windows file name as is; else None."""
    device = _DEVICE_END.split(name, maxsplit=1)[0].upper()  # "CON.txt" and "nul " are devices too
    if device in RESERVED:
        return "reserved"
    if len(name) > MAX_CODE_LENGTH:
        return "too-long"
    if name.endswith((".", " ")):
        return "trailing-dot"
    return None


def check_file_names(registration_rows: Rows, judge_rows: Rows) -> list[Finding]:
    """Findings for product and judge codes that would make unsafe or clashing file names."""
    products = Collector(schema.SHEET_REGISTRATIONS)
    _check_column(products, registration_rows, schema.COL_CODE, "mã sản phẩm", collisions=True)
    judges = Collector(schema.SHEET_JUDGES)
    _check_column(judges, judge_rows, schema.COL_JUDGE_CODE, "mã giám khảo", collisions=False)
    return in_sheet_order(products.findings) + in_sheet_order(judges.findings)


def _check_column(out: Collector, rows: Rows, header: str, what: str, *, collisions: bool) -> None:
    table = find_table(out.sheet, rows, header)
    if table is None:
        return  # the sheet's own check reports the missing column
    stems: dict[str, tuple[str, str]] = {}  # casefolded stem -> (code, cell) of its first row
    codes_seen: set[str] = set()
    for record in table.records():
        code = record.text(header)
        if not code:
            continue
        cell = record.cell(header)
        _check_one(out, code, cell, what)
        if not collisions or code.casefold() in codes_seen:
            continue  # the same code twice is the duplicate-code check's finding
        codes_seen.add(code.casefold())
        stem = file_stem(code).casefold()
        if stem in stems:
            other, other_cell = stems[stem]
            out.error("file-name-collision", cell, msg.NAME_COLLISION.format(
                cell=cell, what=what, code=code, other=other, other_cell=other_cell, file=file_stem(code)))
        else:
            stems[stem] = (code, cell)


def _check_one(out: Collector, code: str, cell: str, what: str) -> None:
    problem = name_problem(code)
    if problem == "reserved":
        device = _DEVICE_END.split(code, maxsplit=1)[0]
        out.error("file-name-reserved", cell, msg.NAME_RESERVED.format(
            cell=cell, what=what, code=code, reserved=device.upper(), example=f"{code}-01"))
    elif problem == "too-long":
        out.error("file-name-too-long", cell, msg.NAME_TOO_LONG.format(
            cell=cell, what=what, length=len(code), limit=MAX_CODE_LENGTH, example=code[:12]))
    elif problem == "trailing-dot":
        out.error("file-name-trailing-dot", cell, msg.NAME_BAD_END.format(cell=cell, what=what, code=code))
