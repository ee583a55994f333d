"""Every way a contest workbook can be unusable: a Vietnamese message naming the file (and the part
or sheet), exit 2, the file untouched, nothing written beside it."""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from xl_addin.domain import schema

from .bad_files import patch_part, rewrite_parts, sheet_part
from .conftest import hashes

ROOT = Path(__file__).resolve().parents[2]


def _encrypted(book: Path) -> None:
    plain = book.with_name("plain.xlsx")
    book.rename(plain)
    with open(plain, "rb") as src, open(book, "wb") as dst:
        OOXMLFile(src).encrypt("matkhau2019", dst)
    plain.unlink()


def _ods(book: Path) -> None:
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>")


def _malformed_sheet(book: Path) -> None:
    patch_part(book, sheet_part(book, schema.SHEET_REGISTRATIONS), lambda data: data[: len(data) // 2])


def _entity_deep(book: Path) -> None:
    # The declaration stands after 20 KB of comment: a check of the first bytes would miss it.
    bomb = (b'<?xml version="1.0"?>\n<!--' + b"x" * 20_000 + b'-->\n<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Properties xmlns="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/extended-properties"><Company>&b;</Company></Properties>')
    patch_part(book, "docProps/app.xml", lambda _data: bomb)  # a part openpyxl itself never parses


def _bomb(book: Path) -> None:
    rewrite_parts(book, lambda name, data: data, extra={"xl/media/image9.bin": b"\0" * (300 * 1024 * 1024)})


def _lying_header(book: Path) -> None:
    """A part whose zip headers declare 1,000 bytes but which inflates to 50 MB."""
    part = sheet_part(book, schema.SHEET_JUDGES)
    patch_part(book, part, lambda xml: xml + b" " * (50 * 1024 * 1024))
    raw = bytearray(book.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = -1
        while (at := raw.find(signature, at + 1)) >= 0:
            name_len = struct.unpack_from("<H", raw, at + (26 if offset == 22 else 28))[0]
            start = at + (30 if offset == 22 else 46)
            if bytes(raw[start:start + name_len]) == part.encode():
                struct.pack_into("<I", raw, at + offset, 1000)
    book.write_bytes(bytes(raw))


def _too_many_cells(book: Path) -> None:
    """A sheet of 510,000 styled empty cells: the load openpyxl would need is refused up front."""
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" s="0"/>' for c in "ABCDEFGHIJ") + "</row>"
                    for r in range(1, 51_001))
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           f"{cells}</sheetData></worksheet>").encode()
    patch_part(book, sheet_part(book, schema.SHEET_LOG), lambda _data: xml)


# id, how the file is spoilt, message fragments (besides the file name)
CASES = [
    ("folder", lambda p: (p.unlink(), p.mkdir()), ["là một thư mục"]),
    ("empty", lambda p: p.write_bytes(b""), ["rỗng (0 byte)"]),
    ("csv-renamed", lambda p: p.write_text("Mã sản phẩm;Tên sản phẩm\nBG-001;Rượu\n", encoding="utf-8"),
     ["không phải là sổ Excel", "CSV"]),
    ("pdf-renamed", lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"), ["không phải là sổ Excel", "PDF"]),
    ("xls-renamed", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096), [".xls", "Save As"]),
    ("encrypted", _encrypted, ["mật khẩu"]),
    ("ods-renamed", _ods, ["OpenDocument", "LibreOffice"]),
    ("docx-renamed", lambda p: shutil.copy(ROOT / "document_templates" / "certificate.docx", p), ["văn bản Word"]),
    ("truncated", lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), ["cắt cụt"]),
    ("foreign-zip", lambda p: (p.unlink(), zipfile.ZipFile(p, "w").writestr("readme.txt", "xin chào")),
     ["tệp nén (.zip)"]),
    ("malformed-sheet-xml", _malformed_sheet, ["bị hỏng bên trong", "sheet “Đăng ký”", "không phải XML hợp lệ"]),
    ("malformed-styles-xml", lambda p: patch_part(p, "xl/styles.xml", lambda d: d.replace(b"</", b"<", 3)),
     ["bị hỏng bên trong", "xl/styles.xml", "dòng"]),
    ("entity-declaration-deep-in-a-part", _entity_deep, ["docProps/app.xml", "DOCTYPE/ENTITY"]),
    ("zip-bomb", _bomb, ["bung ra quá lớn", "xl/media/image9.bin"]),
    ("zip-header-lying-about-size", _lying_header, ["bị hỏng bên trong", "sheet “Giám khảo”", "không giải nén được"]),
    ("too-many-formatted-cells", _too_many_cells, ["sheet “Nhật ký”", "510.000 ô", "Delete"]),
]


@pytest.mark.parametrize("spoil, fragments", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_unusable_contest_workbook_is_named_and_left_alone(contest, cli, spoil, fragments):
    book = contest / schema.CONTEST_FILE
    spoil(book)
    before = hashes(contest)
    run = cli("validate", contest)
    assert run.code == 2, run
    assert "binhchon.xlsx" in run.err, run
    for fragment in fragments:
        assert fragment in run.err, (fragment, run)
    assert hashes(contest) == before  # no byte changed, no backup, no temporary file left


def test_a_missing_contest_workbook_says_how_to_make_one(contest, cli):
    (contest / schema.CONTEST_FILE).unlink()
    run = cli("validate", contest)
    assert run.code == 2 and "Không tìm thấy sổ bình chọn" in run.err and "binhchon init" in run.err, run


def test_json_callers_get_one_unreadable_file_finding(contest, cli):
    import json

    _malformed_sheet(contest / schema.CONTEST_FILE)
    run = cli("validate", contest, "--json")
    findings = json.loads(run.out)
    assert run.code == 2 and [f["code"] for f in findings] == ["unreadable-file"], run
    assert "Đăng ký" in findings[0]["message"]
