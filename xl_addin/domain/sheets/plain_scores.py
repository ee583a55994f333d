"""A judge's row of plain scores (a number in range in every item's cell) read at once (issue 11)."""

from __future__ import annotations

from decimal import Decimal


class PlainScores:
    """A product row whose every score is a number within its item's range, read at once."""

    def __init__(self, items: list[tuple[str, int, Decimal]]):
        self.items = items  # (item code, 0-based column, maximum points)
        self._floats: dict[float, Decimal] = {}  # a sheet's halves and quarters, made Decimal once

    def of(self, values: list) -> dict[str, Decimal] | None:
        """Item code -> points as scoresheet._product_row reads them; None when a cell needs it."""
        scores: dict[str, Decimal] = {}
        width = len(values)
        floats = self._floats
        for code, col, cap in self.items:
            raw = values[col] if col < width else None
            kind = raw.__class__
            if kind is int:
                points = Decimal(raw)
            elif kind is float and raw:  # 0.0 and -0.0 hash alike but read apart: not kept
                points = floats.get(raw)
                if points is None:
                    if raw - raw != 0:  # infinite or not a number
                        return None
                    points = floats[raw] = Decimal(repr(raw))  # as values.number reads it
            else:
                return None
            if not 0 <= points <= cap:
                return None
            scores[code] = points
        return scores
