"""Findings shown on the cells of a live book: a fill colour and a note, and taking them off again.

Desktop Excel lets the tool read a note's text, so a note a person wrote is kept and only the
tool's lines ("[code] message") are added or removed. Office.js (xlwings' remote engine) only
says which cells have a note: the tool adds a note where there is none, leaves other notes
alone, and on the next run removes the note of each cell the previous Kiểm tra listed.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..domain.cell_rules import ERROR_FILL_RGB, WARNING_FILL_RGB, hex_colour, stronger
from ..ports import Mark

ERROR_FILL = hex_colour(ERROR_FILL_RGB)
WARNING_FILL = hex_colour(WARNING_FILL_RGB)
_FILL_OF = {"error": ERROR_FILL, "warning": WARNING_FILL}
_OUR_FILLS = {ERROR_FILL, WARNING_FILL}
_OUR_LINE = re.compile(r"^\[[a-z0-9-]+\] ")


def cell_marks(marks: Sequence[Mark]) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, cell) -> (fill colour, note text): one entry per cell, an error's colour winning."""
    joined: dict[tuple[str, str], tuple[str, str]] = {}
    for m in marks:
        if not m.cell:
            continue
        key = (m.sheet, m.cell.replace("$", "").upper())
        severity = "error" if m.severity == "error" else "warning"
        if key in joined:
            old_severity, old_note = joined[key]
            joined[key] = (stronger(severity, old_severity), old_note + "\n" + m.note)
        else:
            joined[key] = (severity, m.note)
    return {key: (_FILL_OF[severity], note) for key, (severity, note) in joined.items()}


def mark(book, marks: Sequence[Mark], *, remote: bool) -> None:
    """Colour each marked cell and give it the findings' note."""
    names = {s.name: s for s in book.sheets}
    notes_ok = True
    for (sheet, cell), (fill, text) in cell_marks(marks).items():
        if sheet not in names:
            continue
        rng = names[sheet].range(cell)
        rng.color = fill
        if notes_ok:
            notes_ok = _add_note(rng, text, remote)


def unmark(book, cells: Sequence[tuple[str, str]], *, remote: bool) -> None:
    """Clear the tool's colour and note from each (sheet, cell)."""
    names = {s.name: s for s in book.sheets}
    seen: set[tuple[str, str]] = set()
    for sheet, cell in cells:
        key = (sheet, (cell or "").replace("$", "").upper())
        if sheet not in names or not key[1] or key in seen:
            continue
        seen.add(key)
        rng = names[sheet].range(key[1])
        if remote or _colour_hex(rng) in _OUR_FILLS:
            rng.color = None
        _remove_note(rng, remote)


def _add_note(rng, text: str, remote: bool) -> bool:
    """Attach the text as a note; False when this engine or client has no notes (stop trying)."""
    try:
        note = rng.note
        if note is None:
            rng.add_note(text)
        elif not remote:
            own = _without_our_lines(note.text)
            note.text = (own + "\n" + text) if own else text
    except NotImplementedError:
        return False
    return True


def _remove_note(rng, remote: bool) -> None:
    """Delete the tool's note (desktop: only the tool's lines, keeping what a person wrote)."""
    try:
        note = rng.note
        if note is None:
            return
        if remote:
            note.delete()
            return
        own = _without_our_lines(note.text)
        if own:
            note.text = own
        else:
            note.delete()
    except NotImplementedError:
        return


def _without_our_lines(text: str | None) -> str:
    """A note's text without the lines the tool wrote."""
    lines = (text or "").splitlines()
    return "\n".join(line for line in lines if not _OUR_LINE.match(line)).strip()


def _colour_hex(rng) -> str | None:
    """The cell's fill as '#RRGGBB' where the engine can read it synchronously, else None."""
    try:
        rgb = rng.color
    except NotImplementedError:
        return None
    if rgb is None:
        return None
    if isinstance(rgb, str):
        return rgb.upper()
    return "#{:02X}{:02X}{:02X}".format(*rgb)
