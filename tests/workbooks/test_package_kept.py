"""A person's own sheet and a custom XML part come back byte for byte after `validate` and `results`."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_addin.cli import main
from xl_addin.domain import schema
from xl_addin.usecases.demo import fill_inputs, play_judges

MY_SHEET = "Ghi chú của tôi"
SHEET_PART = "xl/worksheets/sheet_nguoi_dung.xml"
CUSTOM_PART = "customXml/item1.xml"
SHEET_XML = (  # a formula with its cached value, a width, a comment-free sheet Excel would write
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<cols><col min="1" max="1" width="40" customWidth="1"/></cols><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Số sản phẩm theo dõi riêng</t></is></c><c r="B1"><v>7</v></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Gấp đôi</t></is></c><c r="B2"><f>B1*2</f><v>14</v></c></row>'
    '</sheetData></worksheet>').encode()
CUSTOM_XML = b'<?xml version="1.0" encoding="UTF-8"?><hoSo xmlns="urn:binhchon:test"><so>42</so></hoSo>'


def add_persons_parts(path: Path) -> None:
    """Add a sheet of the person's (formula with cached value) and a custom XML part, as Excel links them."""
    with zipfile.ZipFile(path) as zf:
        entries = [(i, zf.read(i)) for i in zf.infolist()]
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            if info.filename == "xl/workbook.xml":
                data = re.sub(rb"(<sheet [^>]*/>)(</sheets>)",
                              rb'\1<sheet name="' + MY_SHEET.encode() + rb'" sheetId="99" r:id="rIdNguoi"'
                              rb' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>\2',
                              data)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdNguoi" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/worksheet" Target="worksheets/sheet_nguoi_dung.xml"/>'
                    b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'))
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/' + SHEET_PART.encode() + b'" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
                if b'Extension="xml"' not in data:
                    data = data.replace(b"</Types>", b'<Default Extension="xml" ContentType="application/xml"/></Types>')
            zf.writestr(info, data)
        zf.writestr(SHEET_PART, SHEET_XML)
        zf.writestr(CUSTOM_PART, CUSTOM_XML)
    out.replace(path)


def entry(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


@pytest.fixture
def scored_with_persons_parts(tmp_path, capsys):
    folder = tmp_path / "bg2019"
    assert main(["init", str(folder), "--year", "2019", "--level", "tinh", "--province", "Bắc Giang"]) == 0
    fill_inputs(folder / schema.CONTEST_FILE)
    assert main(["judges", str(folder)]) == 0
    play_judges(folder)
    add_persons_parts(folder / schema.CONTEST_FILE)
    capsys.readouterr()
    return folder


def test_persons_sheet_and_custom_part_are_kept_byte_for_byte(scored_with_persons_parts, capsys, soffice, tmp_path):
    folder = scored_with_persons_parts
    path = folder / schema.CONTEST_FILE
    assert openpyxl.load_workbook(path, data_only=True)[MY_SHEET]["B2"].value == 14  # the fixture is read as meant
    for command in ("validate", "results"):
        main([command, str(folder)])
        out = capsys.readouterr()
        assert "not supported" not in out.err, out.err  # no openpyxl warning about dropped extensions
        assert entry(path, SHEET_PART) == SHEET_XML, command
        assert entry(path, CUSTOM_PART) == CUSTOM_XML, command
    assert b"customXml/item1.xml" in entry(path, "xl/_rels/workbook.xml.rels")
    wb = openpyxl.load_workbook(path, data_only=True)
    assert wb[MY_SHEET]["B2"].value == 14  # the cached value survives: nothing recomputed it away
    assert wb.sheetnames[-1] == MY_SHEET and wb[schema.SHEET_RESULTS].max_row > 5
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=240)
    text = subprocess.run(["pdftotext", str(tmp_path / "binhchon.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Số sản phẩm theo dõi riêng" in text and "KẾT QUẢ BÌNH CHỌN" in text
    shutil.rmtree(tmp_path / "p", ignore_errors=True)
