"""--only-new (skip unchanged certificates) and PDF output, with and without LibreOffice."""

from __future__ import annotations

import dataclasses
import re
import subprocess

import pytest
from docx_reading import paragraphs
from pypdf import PdfReader

from xl_addin.documents import write_documents
from xl_addin.documents import pdf as pdf_mod
from xl_addin.domain import document_messages as msg

FILES = ["SP01.docx", "SP02.docx", "SP_03.docx", "SP04.docx"]


def test_only_new_skips_unchanged_and_rerenders_changed(tmp_path, contest, rows):
    write_documents(contest, rows, None, tmp_path)
    before = {f: (tmp_path / f).stat().st_mtime_ns for f in FILES}
    again = write_documents(contest, rows, None, tmp_path, only_new=True)
    assert again.skipped == ["SP01", "SP/03", "SP02", "SP04"]  # the annex's order
    assert not any(p.name in FILES for p in again.files)
    assert {f: (tmp_path / f).stat().st_mtime_ns for f in FILES} == before

    renamed = dataclasses.replace(contest.registrations[0], name="Gốm Thổ Hà men lam")
    changed = dataclasses.replace(contest, registrations=(renamed,) + contest.registrations[1:])
    third = write_documents(changed, rows, None, tmp_path, only_new=True)
    assert third.skipped == ["SP/03", "SP02", "SP04"]
    assert [p.name for p in third.files][:1] == ["SP01.docx"]
    assert "Gốm Thổ Hà men lam" in paragraphs(tmp_path / "SP01.docx")
    # The merged print file always holds every certificate.
    merged = paragraphs(tmp_path / "giay_chung_nhan_tat_ca.docx")
    assert merged.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 4


def test_only_new_rerenders_a_deleted_file(tmp_path, contest, rows):
    write_documents(contest, rows, None, tmp_path)
    (tmp_path / "SP02.docx").unlink()
    again = write_documents(contest, rows, None, tmp_path, only_new=True)
    assert again.skipped == ["SP01", "SP/03", "SP04"]
    assert (tmp_path / "SP02.docx").is_file()


def test_certificate_left_from_an_earlier_run_is_reported(tmp_path, contest, rows):
    write_documents(contest, rows, None, tmp_path)
    rows = [dataclasses.replace(r, council=False) if r.code == "SP02" else r for r in rows]
    outcome = write_documents(contest, rows, None, tmp_path)
    assert msg.stale_certificate("SP02") in outcome.messages


def test_without_libreoffice_the_docx_still_come_out(tmp_path, contest, rows, monkeypatch):
    monkeypatch.setattr(pdf_mod, "find_office", lambda: None)
    outcome = write_documents(contest, rows, None, tmp_path, pdf=True)
    assert outcome.pdf_message == msg.LIBREOFFICE_MISSING
    assert "sudo apt-get install libreoffice-writer fonts-liberation2" in outcome.pdf_message
    assert outcome.pdf_files == []
    assert all((tmp_path / f).is_file() for f in FILES)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_pdf_has_a_page_per_certificate(tmp_path, contest, rows, result_set, libreoffice):
    outcome = write_documents(contest, rows, result_set, tmp_path, pdf=True)
    assert outcome.pdf_message is None
    merged = tmp_path / "giay_chung_nhan_tat_ca.pdf"
    assert len(PdfReader(merged).pages) == 4
    info = subprocess.run(["pdfinfo", str(merged)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+4$", info, re.M)
    assert {p.name for p in outcome.pdf_files} == {
        "giay_chung_nhan_tat_ca.pdf", "danh_sach_kem_theo_quyet_dinh.pdf", "bang_tong_hop_diem.pdf",
        "SP01.pdf", "SP02.pdf", "SP_03.pdf", "SP04.pdf"}
    merged_text = _words(_pdftotext(merged))
    for code, file in zip(["SP01", "SP02", "SP/03", "SP04"], FILES):
        name = next(r.name for r in contest.registrations if r.code == code)
        assert _words(name) in merged_text
        own = _words(_pdftotext(tmp_path / file.replace(".docx", ".pdf")))
        assert _words(name) in own and len(PdfReader(tmp_path / file.replace(".docx", ".pdf")).pages) == 1
    assert "Công ty TNHH A & B <Việt Nam>" in merged_text
    assert "Bắc Giang, ngày 15 tháng 11 năm 2019" in merged_text
    # One font family, embedded, for every Vietnamese diacritic (Times New Roman, or its metric twin
    # Liberation Serif from fonts-liberation2): no glyph fell back to another font.
    fonts = subprocess.run(["pdffonts", str(merged)], capture_output=True, text=True, check=True).stdout
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts.splitlines()[2:] if line.strip()}
    assert len(families) == 1 and families <= {"LiberationSerif", "TimesNewRomanPSMT", "TimesNewRoman"}, fonts


def _pdftotext(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("pages, targets", [(3, 4)])
def test_split_refuses_a_page_count_mismatch(tmp_path, pages, targets):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    source = tmp_path / "all.pdf"
    with open(source, "wb") as out:
        writer.write(out)
    problem = pdf_mod.split_pages(source, [tmp_path / f"{i}.pdf" for i in range(targets)])
    assert problem == msg.pdf_pages_mismatch(3, 4)


def test_a_file_open_in_word_gives_a_clear_error(tmp_path, contest, rows, monkeypatch):
    from xl_addin import safe_files
    from xl_addin.errors import BinhchonError

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(safe_files.os, "replace", locked)
    with pytest.raises(BinhchonError) as caught:
        write_documents(contest, rows, None, tmp_path)
    assert caught.value.message == msg.file_locked(str(tmp_path / "SP01.docx"))
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_file_open_in_word_among_others_is_the_one_named(tmp_path, contest, rows, monkeypatch):
    """The certificates are written by a few threads: the failure reported is still the locked file's."""
    from xl_addin import safe_files
    from xl_addin.errors import BinhchonError

    first = write_documents(contest, rows, None, tmp_path / "first")
    names = [p.name for p in first.files if p.name.startswith("SP")]
    assert len(names) >= 3
    held = tmp_path / "again" / names[1]
    real = safe_files.os.replace

    def locked(src, dst):
        if str(dst) == str(held):
            raise PermissionError(13, "The process cannot access the file", str(dst))
        return real(src, dst)

    monkeypatch.setattr(safe_files.os, "replace", locked)
    with pytest.raises(BinhchonError) as caught:
        write_documents(contest, rows, None, tmp_path / "again")
    assert caught.value.message == msg.file_locked(str(held))
    # the file before the locked one was written whole (its text; the zip's times may differ by a second)
    assert _document_xml(tmp_path / "again" / names[0]) == _document_xml(tmp_path / "first" / names[0])
    assert not list((tmp_path / "again").glob(".*.tmp"))


def _document_xml(path):
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")
