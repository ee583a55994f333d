"""Widths, row heights and the page footer of the generated sheets: what the XML writers need, without openpyxl."""

from __future__ import annotations

from typing import Mapping

DEFAULT_WIDTH = 14.0
PAGE_FOOTER = "Trang &P/&N"
LINE_HEIGHT = 15.0  # points per line of 11-12 pt text


def row_height(texts: Mapping[int, object], widths: Mapping[int, float], *, bold: bool = False) -> float:
    """The height a row of wrapped cells needs: its longest cell's line count (words never split)."""
    lines = 1
    for col, value in texts.items():
        if value is None:
            continue
        lines = max(lines, wrapped_lines(str(value), widths.get(col, DEFAULT_WIDTH) * (0.9 if bold else 1.0)))
    return lines * LINE_HEIGHT


def wrapped_lines(text: str, width: float) -> int:
    """How many lines a text takes in a column of `width` characters, wrapping at spaces."""
    room = max(int(width) - 1, 1)
    if len(text) <= room and "\n" not in text:  # its words with their spaces fit: one line (most cells)
        return 1
    total = 0
    for paragraph in text.split("\n"):
        line, count = 0, 1
        for word in paragraph.split():
            size = len(word)
            if line and line + 1 + size > room:
                count, line = count + 1, size
            else:
                line += size + (1 if line else 0)
        total += count
    return total
