"""calamine's workbook wrapped to note the sheets it is asked for (tests of what read_sheets reads)."""

from __future__ import annotations

from xl_addin.workbooks import calamine_values


def spy_on_calamine(monkeypatch) -> list[str]:
    """Patch calamine_values' CalamineWorkbook; the names of the sheets asked for, in order, as they come."""
    asked: list[str] = []
    real = calamine_values.CalamineWorkbook

    class Spy:
        def __init__(self, book):
            self.book = book

        @classmethod
        def from_path(cls, p):
            return cls(real.from_path(p))

        @classmethod
        def from_filelike(cls, f):  # read_sheets opens calamine on the bytes it checked
            return cls(real.from_filelike(f))

        def __getattr__(self, name):
            return getattr(self.book, name)

        def get_sheet_by_name(self, name):
            asked.append(name)
            return self.book.get_sheet_by_name(name)

    monkeypatch.setattr(calamine_values, "CalamineWorkbook", Spy)
    return asked
