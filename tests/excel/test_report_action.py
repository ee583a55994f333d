"""The "Báo cáo tổng kết" button through xlwings' remote engine: the report from the register beside the contests."""

from __future__ import annotations

import shutil

import pytest
from docx import Document
from payload import actions, alert_text, contest_payload

from xl_addin.domain import schema
from xl_addin.domain.sample import names
from xl_addin.excel import actions as entry


@pytest.fixture
def finished(judged, monkeypatch):
    """The sample 2019 contest with results and certificate numbers, added to a register beside it."""
    from xl_addin.register import open_register
    from xl_addin.usecases.documents import make_documents_for
    from xl_addin.usecases.register import add_contests
    from xl_addin.usecases.results import compute
    from xl_addin.workbooks.contest_book import FileContestBook

    monkeypatch.delenv("BINHCHON_REGISTER", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no PDF: the Word report is what is checked here
    book = FileContestBook(judged / schema.CONTEST_FILE)
    compute(book)
    book.save()
    book = FileContestBook(judged / schema.CONTEST_FILE)
    make_documents_for(book, pdf=False)
    book.save()
    with open_register(None, judged.parent) as register:
        assert add_contests(register, [judged]).exit_code == 0
    return judged


def test_the_button_writes_the_report_beside_the_contest_folders(finished, open_book):
    book = open_book(contest_payload(finished))
    text = entry.make_report(book, finished)
    report = finished.parent / "bao_cao" / "bao_cao_tong_ket_2019.docx"
    assert text == alert_text(book) and [a["func"] for a in actions(book)] == ["alert"]
    # the sample: one product per row of names.PRODUCTS, 29 recognised (the council's quota)
    establishments = len({p.establishment for p in names.PRODUCTS})
    assert text.startswith(f"Đã viết báo cáo tổng kết 2019: 1 cuộc bình chọn, {establishments} cơ sở, "
                           f"{len(names.PRODUCTS)} sản phẩm đăng ký, 29 sản phẩm được công nhận cấp tỉnh.")
    assert str(report) in text and report.is_file()
    texts = [p.text for p in Document(report).paragraphs]
    assert ("Năm 2019, tổ chức 01 cuộc bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh (năm 2019); chưa tham gia cuộc "
            "bình chọn cấp khu vực, cấp quốc gia nào.") in texts


def test_a_register_kept_in_the_contest_folder_is_found_too(finished, open_book):
    (finished.parent / "so_theo_doi.sqlite").rename(finished / "so_theo_doi.sqlite")
    book = open_book(contest_payload(finished))
    assert entry.make_report(book, finished).startswith("Đã viết báo cáo tổng kết 2019")
    assert (finished / "bao_cao" / "bao_cao_tong_ket_2019.docx").is_file()
    assert not (finished.parent / "so_theo_doi.sqlite").exists()


def test_an_empty_register_says_how_to_fill_it(filled, open_book, monkeypatch):
    from xl_addin.register import open_register

    monkeypatch.delenv("BINHCHON_REGISTER", raising=False)
    with open_register(None, filled.parent):
        pass  # a new, empty register beside the contest folder
    book = open_book(contest_payload(filled))
    text = entry.make_report(book, filled)
    assert "chưa có cuộc bình chọn nào" in text and "binhchon register add" in text
    assert not (filled.parent / "bao_cao").exists()
