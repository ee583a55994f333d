"""How a tool-written sheet is laid out, whichever adapter draws it (openpyxl, xlwings, memory)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence


@dataclass(frozen=True)
class SheetLayout:
    """How a tool-written sheet is laid out: where its header row is and what to hide or widen."""

    header_row: int = 1  # 1-based
    hidden_columns: Sequence[int] = field(default_factory=tuple)  # 1-based
    widths: Mapping[int, float] = field(default_factory=dict)  # 1-based column -> width
    number_formats: Mapping[int, str] = field(default_factory=dict)  # 1-based column -> format
    # A dropdown per column (1-based column -> the allowed values), on the data rows below the header.
    choices: Mapping[int, Sequence[str]] = field(default_factory=dict)
    # Print setup: A4, the written rows and columns as print area, the header row on every page.
    landscape: bool = False
    fit_to_width: bool = True  # as many pages down as needed, one page across
    repeat_header: bool = True
    wrap_header: bool = True  # long headers wrap inside their column instead of being cut
    date_format: str = "dd/mm/yyyy"  # how date cells show, as Vietnamese offices write dates
    wrap_columns: Sequence[int] = field(default_factory=tuple)  # 1-based: data cells wrap (long names)
    center_columns: Sequence[int] = field(default_factory=tuple)  # 1-based: short values centred (Có/Không)
    banner_rows: Sequence[int] = field(default_factory=tuple)  # 1-based rows above the header spanning the table
    pages_wide: int = 1  # with fit_to_width: how many pages across (a very wide sheet prints on two)
    title_columns: str = ""  # e.g. "A:B": columns repeated on every page across
