"""Notes on desktop Excel, where a note's text can be read: a person's own lines are kept."""

from __future__ import annotations

from xl_addin.excel import notes
from xl_addin.ports import Mark


class FakeNote:
    def __init__(self, cell: "FakeRange", text: str):
        self.cell, self.text = cell, text

    def delete(self) -> None:
        self.cell.note = None


class FakeRange:
    """The part of a desktop xlwings Range that notes.py uses."""

    def __init__(self, color=None, note: str | None = None):
        self.color = color
        self.note = FakeNote(self, note) if note is not None else None

    def add_note(self, text: str) -> None:
        self.note = FakeNote(self, text)


class FakeSheet:
    def __init__(self, name: str, cells: dict[str, FakeRange]):
        self.name, self.cells = name, cells

    def range(self, address: str) -> FakeRange:
        return self.cells.setdefault(address, FakeRange())


class FakeBook:
    def __init__(self, *sheets: FakeSheet):
        self.sheets = list(sheets)


def test_desktop_notes_keep_a_persons_text_and_lose_only_the_tools_lines():
    cells = {"B2": FakeRange(note="Đã gọi điện cho cơ sở"), "C3": FakeRange(color=(255, 255, 0))}
    book = FakeBook(FakeSheet("Đăng ký", cells))
    notes.mark(book, [Mark("Đăng ký", "B2", "error", "[invalid-phone] số điện thoại sai")], remote=False)
    assert cells["B2"].note.text == "Đã gọi điện cho cơ sở\n[invalid-phone] số điện thoại sai"
    assert cells["B2"].color == notes.ERROR_FILL
    notes.mark(book, [Mark("Đăng ký", "B2", "warning", "[judge-spread] lệch")], remote=False)
    assert cells["B2"].note.text == "Đã gọi điện cho cơ sở\n[judge-spread] lệch"
    notes.unmark(book, [("Đăng ký", "B2"), ("Đăng ký", "C3")], remote=False)
    assert cells["B2"].note.text == "Đã gọi điện cho cơ sở" and cells["B2"].color is None
    assert cells["C3"].color == (255, 255, 0)  # a colour the tool did not put there stays


def test_desktop_unmark_deletes_a_note_holding_only_the_tools_lines():
    cells = {"A5": FakeRange(color=(0xFF, 0xEB, 0x9C), note="[incomplete-dossier] thiếu ảnh")}
    notes.unmark(FakeBook(FakeSheet("Đăng ký", cells)), [("Đăng ký", "A5")], remote=False)
    assert cells["A5"].note is None and cells["A5"].color is None
