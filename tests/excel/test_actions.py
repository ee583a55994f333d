"""The Excel entry points on real contest workbooks, through xlwings' remote engine."""

from __future__ import annotations

import xlwings as xw

from payload import actions, address, alert_text, contest_payload, header_column, set_cell, sheet_of, sheet_position
from xl_addin.domain import schema
from xl_addin.excel import actions as entry
from xl_addin.excel import messages as msg
from xl_addin.excel.notes import ERROR_FILL, WARNING_FILL
from xl_addin.usecases import results as results_usecase

REG = schema.SHEET_REGISTRATIONS


def bad_payload(folder) -> tuple[dict, str, str]:
    """The contest's request with an unknown group in row 3 and a short tax code in row 4; the two cells."""
    payload = contest_payload(folder)
    group = header_column(payload, REG, schema.COL_GROUP) + "3"
    tax = header_column(payload, REG, schema.COL_TAX_CODE) + "4"
    set_cell(payload, REG, group, "Đồ chơi trẻ em")
    set_cell(payload, REG, tax, "12345")
    return payload, group, tax


def written(book: xw.Book, payload: dict, sheet: str) -> list[list[object]]:
    """The values of the one block written to a sheet."""
    blocks = [a for a in actions(book, "setValues") if a["sheet_position"] == sheet_position(payload, sheet)]
    assert len(blocks) == 1, blocks
    return blocks[0]["values"]


def test_check_on_a_book_with_errors_lists_colours_and_notes_them(filled, open_book):
    payload, group, tax = bad_payload(filled)
    book = open_book(payload)
    text = entry.check_registrations(book, filled)
    rows = written(book, payload, schema.SHEET_FINDINGS)
    assert rows[0] == list(schema.FINDINGS_HEADERS)
    col = {h: rows[0].index(h) for h in rows[0]}
    found = {(r[col[schema.FINDINGS_CODE]], r[col[schema.FINDINGS_SHEET]], r[col[schema.FINDINGS_CELL]])
             for r in rows[1:] if r[0] == "Lỗi"}
    assert found == {("invalid-choice", REG, group), ("invalid-tax-code", REG, tax)}
    reg = sheet_position(payload, REG)
    colours = {address(a): a["args"][0] for a in actions(book, "setRangeColor") if a["sheet_position"] == reg}
    assert colours[group] == colours[tax] == ERROR_FILL
    notes = {a["args"][0]: a["args"][1] for a in actions(book, "addNote")}
    assert notes[f"${group[0]}${group[1:]}"].startswith("[invalid-choice] ")
    assert "12345" in notes[f"${tax[0]}${tax[1:]}"]
    assert text == alert_text(book)
    assert text.startswith("Kiểm tra hồ sơ đăng ký: 2 lỗi") and schema.SHEET_FINDINGS in text


def test_check_on_a_book_in_good_order_reports_no_error(filled, open_book):
    payload = contest_payload(filled)
    book = open_book(payload)
    text = entry.check_registrations(book, filled)
    rows = written(book, payload, schema.SHEET_FINDINGS)
    assert rows[1:] and all(r[0] == "Cảnh báo" for r in rows[1:])
    assert alert_text(book).startswith("Kiểm tra hồ sơ đăng ký: 0 lỗi") and text == alert_text(book)
    reg = sheet_position(payload, REG)
    fills = {a["args"][0] for a in actions(book, "setRangeColor") if a["sheet_position"] == reg}
    assert fills == {WARNING_FILL}


def test_mock_caller_is_used_when_called_from_excel_without_arguments(filled, open_book, monkeypatch):
    monkeypatch.setenv("BINHCHON_FOLDER", str(filled))
    book = open_book(contest_payload(filled))
    book.set_mock_caller()
    entry.check_registrations()
    assert alert_text(book).startswith("Kiểm tra hồ sơ đăng ký")


def test_judge_sheets_are_written_to_the_folder(filled, open_book):
    book = open_book(contest_payload(filled))
    entry.make_judge_sheets(book, filled)
    made = sorted(p.name for p in (filled / schema.JUDGES_DIR).glob("*.xlsx"))
    assert len(made) == 5
    assert alert_text(book).startswith("Đã tạo 5 phiếu chấm") and str(filled / schema.JUDGES_DIR) in alert_text(book)


def test_judge_sheets_refused_while_the_registrations_have_errors(filled, open_book):
    payload, _, _ = bad_payload(filled)
    book = open_book(payload)
    entry.make_judge_sheets(book, filled)
    assert not list((filled / schema.JUDGES_DIR).glob("*.xlsx"))
    assert alert_text(book).startswith("Chưa tạo phiếu chấm") and "Traceback" not in alert_text(book)


def test_results_are_written_to_ket_qua(judged, open_book):
    payload = contest_payload(judged)
    book = open_book(payload)
    entry.compute_results(book, judged)
    rows = written(book, payload, schema.SHEET_RESULTS)
    header = rows[results_usecase.RESULTS_HEADER_ROW - 1]
    assert header[:5] == list(schema.RES_LEAD_HEADERS)
    body = rows[results_usecase.RESULTS_HEADER_ROW:]
    codes = {r[header.index(schema.COL_CODE)] for r in body}
    registered = {r[0] for r in sheet_of(payload, REG)["values"][1:] if r[0]}
    assert codes == registered
    totals = [r[header.index(schema.RES_TOTAL)] for r in body]
    assert totals == sorted(totals, reverse=True) and body[0][0] == 1
    assert alert_text(book).startswith("Đã tính kết quả:") and schema.SHEET_RESULTS in alert_text(book)
    assert actions(book, "activateSheet")[-1]["args"] == [sheet_position(payload, schema.SHEET_RESULTS)]


def test_provisional_results_are_marked(judged, open_book):
    payload = contest_payload(judged)
    book = open_book(payload)
    entry.compute_provisional(book, judged)
    assert schema.RES_PROVISIONAL_MARK in written(book, payload, schema.SHEET_RESULTS)[0][0]
    assert schema.RES_PROVISIONAL_MARK in alert_text(book)


def test_results_blocked_while_scores_are_missing(filled, open_book):
    entry.make_judge_sheets(open_book(contest_payload(filled)), filled)
    payload = contest_payload(filled)
    book = open_book(payload)
    entry.compute_results(book, filled)
    rows = written(book, payload, schema.SHEET_FINDINGS)
    assert "missing-score" in {r[1] for r in rows[1:]}
    assert alert_text(book).startswith("Chưa tính kết quả") and schema.SHEET_FINDINGS in alert_text(book)


def test_documents_are_made_from_the_results(judged, open_book):
    from xl_addin.usecases.results import compute
    from xl_addin.workbooks.contest_book import FileContestBook

    file_book = FileContestBook(judged / schema.CONTEST_FILE)
    compute(file_book)
    file_book.save()
    book = open_book(contest_payload(judged))
    entry.make_documents(book, judged)
    assert alert_text(book).startswith("Đã in ")
    assert list((judged / schema.DOCUMENTS_DIR).rglob("*.docx"))


def test_report_without_a_register_says_how_to_make_one(filled, open_book, monkeypatch):
    monkeypatch.delenv("BINHCHON_REGISTER", raising=False)
    book = open_book(contest_payload(filled))
    entry.make_report(book, filled)
    assert alert_text(book).startswith("Chưa có sổ theo dõi ") and "binhchon register add" in alert_text(book)
    assert str(filled.parent / "so_theo_doi.sqlite") in alert_text(book)
    assert [a["func"] for a in actions(book)] == ["alert"]
    assert not (filled.parent / "so_theo_doi.sqlite").exists() and not (filled.parent / "bao_cao").exists()


def test_an_unexpected_failure_shows_a_message_and_leaves_the_book_untouched(filled, open_book, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(results_usecase, "read_score_sheets", broken)
    book = open_book(contest_payload(filled))
    entry.compute_results(book, filled)
    assert [a["func"] for a in actions(book)] == ["alert"]
    assert alert_text(book) == msg.UNEXPECTED.format(kind="RuntimeError")
    assert "boom" not in alert_text(book) and "Traceback" not in alert_text(book)


def test_every_alert_has_the_add_in_title(filled, open_book):
    book = open_book(contest_payload(filled))
    entry.make_report(book, filled)
    assert actions(book, "alert")[0]["args"][1] == msg.TITLE
