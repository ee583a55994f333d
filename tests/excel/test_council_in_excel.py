"""In Excel (xlwings' remote engine): a council's "Có" below the pass mark is refused and highlighted."""

from __future__ import annotations

from payload import actions, address, alert_text, contest_payload, header_column, set_cell, sheet_of, sheet_position
from xl_addin.domain import schema
from xl_addin.excel import actions as entry
from xl_addin.excel.notes import ERROR_FILL
from xl_addin.usecases.results import compute
from xl_addin.domain.sheets.results import HEADER_ROW as RESULTS_HEADER_ROW
from xl_addin.workbooks.contest_book import FileContestBook

RES = schema.SHEET_RESULTS


def test_a_product_below_the_pass_mark_marked_có_is_refused_at_its_cell(judged, open_book):
    file_book = FileContestBook(judged / schema.CONTEST_FILE)
    compute(file_book)
    file_book.save()
    payload = contest_payload(judged)
    values = sheet_of(payload, RES)["values"]
    header = values[RESULTS_HEADER_ROW - 1]
    low = next(i for i, r in enumerate(values) if i >= RESULTS_HEADER_ROW
               and r[header.index(schema.RES_TOTAL)] is not None and r[header.index(schema.RES_TOTAL)] < 70)
    cell = header_column(payload, RES, schema.RES_COUNCIL, RESULTS_HEADER_ROW) + str(low + 1)
    set_cell(payload, RES, cell, "có")
    book = open_book(payload)
    entry.make_documents(book, judged)
    assert alert_text(book).startswith("Chưa in văn bản") and cell in alert_text(book)
    colours = {address(a): a["args"][0] for a in actions(book, "setRangeColor")
               if a["sheet_position"] == sheet_position(payload, RES)}
    assert colours[cell] == ERROR_FILL
    notes = {a["args"][0]: a["args"][1] for a in actions(book, "addNote")}
    assert notes[f"${cell[0]}${cell[1:]}"].startswith("[recognised-below-pass-mark] ")
    assert not list((judged / schema.DOCUMENTS_DIR).rglob("*.docx"))
