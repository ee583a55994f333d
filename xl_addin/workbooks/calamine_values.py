"""Sheet values read with python-calamine: the same cells openpyxl's reader gives, about ten times faster.

calamine (Rust) returns each sheet as a dense grid of values. What it cannot say is fixed from the
sheet's XML, and only when a quick look at the bytes says it is needed: a formula saved without
its value (Uncomputed, as sheet_values reads it), an error value ("#DIV/0!" as openpyxl gives it),
and a cell holding an empty string ("" rather than nothing). Numbers, dates and times are given
the types openpyxl gives them (an integral number as int, a date as datetime).

A sheet calamine could not read exactly or safely returns None, and the caller reads it with
openpyxl as before: cells without coordinates or with a namespace prefix, ISO dates (t="d"),
escaped characters (_x000D_), rows out of order, or cells spread over a grid so big that its dense
copy would not fit in memory (calamine allocates the whole rectangle, and a failed allocation in
Rust ends the process).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import threading
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook

from ..domain.values import Uncomputed
from ..ooxml_guard import PackageStats
from .sheet_values import MAX_MERGE_FILL, trimmed
from .xlsx_guard import sheet_names_by_part

DENSE_SLOTS = 2_000_000  # calamine's grid of a sheet (32 bytes a slot in Rust) read dense up to this size

_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})\d')  # a column past Z
_ROW = re.compile(rb'<row r="(\d+)"')
_CONTENT_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*(?<!/)>\s*<[vfi]')  # holding <v>, <f> or <is>
_UNCOMPUTED = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*>\s*<f(?:\s[^>]*?)?(?:/>|>([^<]*)</f>)\s*(?:<v/>|<v></v>)?\s*</c>')
_ERROR = re.compile(rb'<c r="[A-Z]+\d+"[^>]*?\st="e"')
_CELL_HEAD = re.compile(rb'<c r="([A-Z]+)(\d+)"([^>]*?)(/?)>')
_VALUE = re.compile(rb"<v>([^<]*)</v>|<v/>")
_EMPTY_FORMS = (b"></t>", b"<t/>", b'preserve"/>', b"<is/>", b"<is></is>", b"<si/>", b"<si></si>")
_EMPTY_INLINE = _EMPTY_FORMS[:5]  # a sheet's inline strings: no <si> there (the shared strings' items)
_FORMULA = re.compile(rb"<f[\s/>]")
_LONG_INTEGER = re.compile(rb"<v>-?\d{16}")  # 2**53 has 16 digits: a shorter integer is exact as a float
# a <t> without xml:space, edged by space (the text taken whole, possessively: no backtracking through it)
_UNMARKED = re.compile(rb"<t>(?:[ \t\n\r]|[^<]*+(?<=[ \t\n\r])</t>)")
_STRING_ITEM = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
_TEXT_RUN = re.compile(rb"<t(?:\s[^>]*)?>([^<]+)</t>")
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_INLINE = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?\st="inlineStr"[^>]*>\s*<is>(.*?)</is>', re.S)
_ESCAPED = re.compile(rb"_x[0-9A-Fa-f]{4}_")
_ISO_DATE = re.compile(rb'<c r="[A-Z]+\d+"[^>]*?\st="d"')
_POINTED = re.compile(rb"<v>(-?\d+\.0*|-?\d+(?:\.\d*)?[eE][+-]?\d+)</v>")  # integral, written as a float
_EXACT = 2.0 ** 53  # integral floats below this are exact: the int openpyxl reads
_MIDNIGHT = dt.time()
_TEXT = {str}
# Sheets read already in this process (of 64 KB to 1 MB): (size, CRC-32) -> (its XML, the parts its
# values depend on, its rows). The products' snapshot sheet every judge's file holds is read once.
_SEEN: dict[tuple[int, int], tuple[bytes, tuple[bytes, ...], list[list[object]]]] = {}
_SEEING = threading.Lock()  # the judges' files are read by several threads
SEEN_MIN, SEEN_MAX = 64 * 1024, 1024 * 1024  # a contest's own big sheets are read once: not kept
SEEN_SHEETS = 2
_NO_TEXT = {"": None}  # calamine's "" (an empty cell) as None; every other value as it is


class CalamineBook:
    """One workbook opened with calamine and its zip (for the fixes), for reading sheets by name:
    from its path, or from its bytes (then no file stays open)."""

    def __init__(self, source: Path | bytes, stats: PackageStats):
        self._zip = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
        self._stats = stats
        self._parts = {name: part for part, name in sheet_names_by_part(self._zip).items()}
        try:
            if isinstance(source, bytes):
                self.book = CalamineWorkbook.from_filelike(io.BytesIO(source))
            else:
                self.book = CalamineWorkbook.from_path(str(source))
        except BaseException:
            self._zip.close()
            raise
        self._shared: tuple[bool, set[int]] | None = None  # (escapes in the shared strings, empty ones)
        self._setting: tuple[bytes, ...] | None = None

    def __enter__(self) -> CalamineBook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the zip and calamine's file."""
        self._zip.close()
        self.book.close()

    @property
    def sheet_names(self) -> list[str]:
        """The names of the sheets, in workbook order (hidden ones too)."""
        return list(self.book.sheet_names)

    def has_part(self, name: str) -> bool:
        """True when the sheet's part is in the package (else openpyxl says whether the sheet is read)."""
        part = self._parts.get(name)
        return part is not None and part in self._zip.NameToInfo

    def rows(self, name: str) -> list[list[object]] | None:
        """The sheet's plain rows (as sheet_values.rows_of gives them), None when openpyxl must read it."""
        part = self._parts.get(name)
        if part is None or part not in self._zip.NameToInfo:
            return None
        xml = self._part(part)
        if not SEEN_MIN <= len(xml) <= SEEN_MAX:
            return self._read(name, part, xml)
        key, context = (len(xml), self._zip.getinfo(part).CRC), self._context()
        seen = _SEEN.get(key)
        if seen is not None and seen[0] == xml and seen[1] == context:  # the same sheet in the same setting
            with _SEEING:
                _SEEN[key] = _SEEN.pop(key, seen)  # the most recently used, forgotten last
            return [list(row) for row in seen[2]]
        rows = self._read(name, part, xml)
        if rows is not None:
            with _SEEING:
                _SEEN[key] = (xml, context, [list(row) for row in rows])
                while len(_SEEN) > SEEN_SHEETS:
                    del _SEEN[next(iter(_SEEN))]
        return rows

    def _context(self) -> tuple[bytes, ...]:
        """The parts besides a sheet's own that its values depend on: the workbook's (1904 dates), the
        styles (which numbers are dates) and the shared strings."""
        if self._setting is None:
            names = self._zip.NameToInfo
            wanted = [n for n in names if n.lower().endswith(("sharedstrings.xml", "styles.xml"))]
            self._setting = tuple(self._zip.read(n) for n in ["xl/workbook.xml", *sorted(wanted)] if n in names)
        return self._setting

    def _read(self, name: str, part: str, xml: bytes) -> list[list[object]] | None:
        if not self._readable(xml, part):
            return None
        try:
            sheet = self.book.get_sheet_by_name(name)
            grid = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
            cells = _Grid(grid, _LONG_INTEGER.search(xml) is not None)
            self._fix(xml, cells, complete=cells.values == self._stats.cells[part])
            _fix_numbers(xml, cells)
        except BaseException as exc:  # a CalamineError, or a Rust panic (PanicException is a BaseException)
            if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
                raise
            return None
        for (r0, c0), (r1, c1) in merged:
            cells.fill(r0 + 1, c0 + 1, r1 + 1, c1 + 1)
        return trimmed(cells.rows)

    def _readable(self, xml: bytes, part: str) -> bool:
        """True when calamine reads this sheet exactly and within memory (see the module's docstring)."""
        if xml.count(b'<c r="') != self._stats.cells.get(part, -1):
            return False  # cells without coordinates, a prefix, attributes in another order
        rows = [int(r) for r in _ROW.findall(xml)]
        if any(a >= b for a, b in zip(rows, rows[1:])):
            return False
        # an upper bound of the columns (Z when none is wider): when it passes, so would the exact count
        columns = max((_column_number(c) for c in set(_WIDE_COLUMN.findall(xml))), default=26)
        if max(rows, default=0) * columns > DENSE_SLOTS and _content_span(xml) > DENSE_SLOTS:
            return False
        if _escaped(xml) or (b' t="d"' in xml and _ISO_DATE.search(xml)) or _unmarked_space(xml):
            return False
        return not self._shared_strings()[0]

    def _shared_strings(self) -> tuple[bool, set[int]]:
        """(True when a shared string holds an escape such as _x000D_ or unmarked edge spaces, the empty ones)."""
        if self._shared is None:
            part = next((n for n in self._zip.NameToInfo if n.lower().endswith("sharedstrings.xml")), None)
            sst = self._part(part) if part else b""
            self._shared = _escaped(sst) or _unmarked_space(sst), _empty_items(sst) if _has_empty(sst) else set()
        return self._shared

    def _part(self, part: str) -> bytes:
        """The part's bytes as the package scan inflated them (handed over once), else read from the zip."""
        data = self._stats.parts.pop(part, None)
        return self._zip.read(part) if data is None else data

    def _fix(self, xml: bytes, cells: _Grid, complete: bool) -> None:
        """Set what calamine cannot tell: errors, formulas without a value, empty strings.

        complete: every <c> of the sheet gave calamine a value that is not "" (so none is a formula
        without its value or an empty string, which calamine gives as ""): only errors can be left.
        """
        if b' t="e"' in xml:
            for m in _ERROR.finditer(xml):
                _set_error(xml, m.start(), cells)
        if complete:
            return
        if _FORMULA.search(xml) is not None:
            for at in _FORMULA.finditer(xml):
                m = _UNCOMPUTED.match(xml, xml.rfind(b'<c r="', 0, at.start()))
                if m is not None and m.end() > at.start():  # no value, or an empty one: "not computed"
                    formula = (m.group(3) or b"").decode()
                    formula = html.unescape(formula) if "&" in formula else formula
                    cells[(int(m.group(2)), _column_number(m.group(1)))] = Uncomputed(formula)
        empty = self._shared_strings()[1]
        if empty:
            _set_empty_shared(xml, empty, cells)
        if b"inlineStr" in xml and _has_empty(xml, _EMPTY_INLINE):
            for m in _INLINE.finditer(xml):
                if not _text_of(m.group(3)):
                    cells[(int(m.group(2)), _column_number(m.group(1)))] = ""


class _Grid:
    """calamine's rows with openpyxl's types, addressed (row, column) 1-based like sheet_values.Cells."""

    def __init__(self, grid: list[list[object]], long_integers: bool = True):
        self.inexact: list[tuple[int, int]] = []  # integers too big for a float to be exact
        self.long = long_integers  # False when the sheet holds no integer of 16 digits or more
        width = len(grid[0]) if grid else 0
        if all(len(row) == width for row in grid):  # calamine's rectangle: typed column by column
            columns = [self._column(c, column) for c, column in enumerate(zip(*grid), 1)]
            self.rows = list(map(list, zip(*columns))) if width else [[] for _ in grid]
        else:
            self.rows = [[v or None for v in row] if set(map(type, row)) == _TEXT else self._typed(r, row)
                         for r, row in enumerate(grid, 1)]
            columns = self.rows
        self.values = sum(map(len, columns)) - sum(column.count(None) for column in columns)  # cells holding one

    def _column(self, c: int, column: tuple[object, ...]) -> list[object]:
        if set(map(type, column)) == _TEXT:  # most columns: texts, and "" for the empty cells
            return list(map(_NO_TEXT.get, column, column))
        out = self._typed(0, column)
        if self.long:
            self.inexact += [(r, c) for r, v in enumerate(out, 1) if type(v) is int and abs(v) >= _EXACT]
        return out

    def _typed(self, r: int, row: list[object] | tuple[object, ...]) -> list[object]:
        out = [(v or None) if (kind := type(v)) is str else (int(v) if v.is_integer() else v) if kind is float
               else dt.datetime.combine(v, _MIDNIGHT) if kind is dt.date else v for v in row]
        if self.long and r:
            self.inexact += [(r, c) for c, v in enumerate(out, 1) if type(v) is int and abs(v) >= _EXACT]
        return out

    def get(self, key: tuple[int, int]) -> object:
        """The value at (row, column), None when empty."""
        r, c = key
        if r <= len(self.rows) and c <= len(self.rows[r - 1]):
            return self.rows[r - 1][c - 1]
        return None

    def __setitem__(self, key: tuple[int, int], value: object) -> None:
        r, c = key
        if r <= len(self.rows) and c <= len(self.rows[r - 1]):  # inside the grid (most cells fixed)
            self.rows[r - 1][c - 1] = value
            return
        self.rows.extend([] for _ in range(r - len(self.rows)))
        row = self.rows[r - 1]
        row.extend([None] * (c - len(row)))
        row[c - 1] = value

    def fill(self, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
        """A merged range read as its top-left value in every cell (none when it is bigger than MAX_MERGE_FILL)."""
        top = self.get((min_row, min_col))
        if top is None or (max_col - min_col + 1) * (max_row - min_row + 1) > MAX_MERGE_FILL:
            return
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                if self.get((r, c)) is None:
                    self[(r, c)] = top


def _content_span(xml: bytes) -> int:
    """Rows x columns up to the last cells holding something (not formatting alone: <c s="1"/>, <c s="1"></c>)."""
    found = _CONTENT_CELL.findall(xml)
    rows = max((int(r) for _, r in found), default=0)
    return rows * max((_column_number(c) for c in {c for c, _ in found}), default=0)


def _escaped(xml: bytes) -> bool:
    return b"_x" in xml and _ESCAPED.search(xml) is not None


def _has_empty(xml: bytes, forms: tuple[bytes, ...] = _EMPTY_FORMS) -> bool:
    """True when the XML may hold an empty text (a cell or shared string reading as "")."""
    return any(form in xml for form in forms)


def _unmarked_space(xml: bytes) -> bool:
    """True when a <t> without xml:space="preserve" starts or ends with white space."""
    return b"<t>" in xml and _UNMARKED.search(xml) is not None


def _fix_numbers(xml: bytes, cells: _Grid) -> None:
    """openpyxl reads "2025.0" or "1E+20" as a float, digits alone as an exact int."""
    for m in _POINTED.finditer(xml):
        row, col, element = _element(xml, m.start())
        if type(cells.get((row, col))) is int:
            cells[(row, col)] = float(m.group(1))
    for row, col in cells.inexact:
        at = xml.find(f'<c r="{_letters(col)}{row}"'.encode())
        text = _value_text(_element(xml, at)[2]) if at >= 0 else None
        if text is not None and type(cells.get((row, col))) is int:
            cells[(row, col)] = float(text) if any(ch in text for ch in ".eE") else int(text)


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _element(xml: bytes, inside: int) -> tuple[int, int, bytes]:
    """(row, column, the <c> element's bytes) around position `inside`."""
    start = xml.rfind(b"<c r=", 0, inside + 5)  # the <c> starting at `inside`, or holding it
    end = xml.find(b"</c>", inside)
    head = _CELL_HEAD.match(xml, start)
    if head is None or (end < 0 and not head.group(4)):
        raise ValueError("malformed cell")
    return int(head.group(2)), _column_number(head.group(1)), xml[start:head.end() if head.group(4) else end]


def _value_text(element: bytes) -> str | None:
    m = _VALUE.search(element)
    return html.unescape(m.group(1).decode()) if m and m.group(1) else None


def _set_error(xml: bytes, at: int, cells: _Grid) -> None:
    row, col, element = _element(xml, at)
    text = _value_text(element)
    if text is not None:
        cells[(row, col)] = text


def _empty_items(sst: bytes) -> set[int]:
    """The indexes of the shared strings whose text is empty."""
    return {i for i, m in enumerate(_STRING_ITEM.finditer(sst)) if not _text_of(m.group(1) or b"")}


def _text_of(item: bytes) -> str:
    return "".join(t.decode() for t in _TEXT_RUN.findall(_PHONETIC.sub(b"", item)))


def _set_empty_shared(xml: bytes, indexes: set[int], cells: _Grid) -> None:
    pattern = re.compile(rb"<v>(?:" + b"|".join(str(i).encode() for i in sorted(indexes)) + rb")</v>")
    for m in pattern.finditer(xml):
        row, col, element = _element(xml, m.start())
        if b' t="s"' in element[: element.find(b">")]:
            cells[(row, col)] = ""
