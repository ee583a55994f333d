"""What makes the documents print: rows that never split, repeated headers, page numbers, signer lines,
each level's issuing authority where it belongs, the two certificate layouts and OCOP stars."""

from __future__ import annotations

import dataclasses

import pytest
from doc_samples import make_contest, make_info
from docx import Document
from docx.oxml.ns import qn
from docx_reading import paragraphs, table_rows

from xl_addin.documents import write_documents
from xl_addin.domain import rules
from xl_addin.domain.authorities import LAYOUT_PREPRINTED
from xl_addin.errors import BlockedError

ANNEX, SUMMARY = "danh_sach_kem_theo_quyet_dinh.docx", "bang_tong_hop_diem.docx"


@pytest.fixture
def out(tmp_path, contest, rows, result_set):
    write_documents(contest, rows, result_set, tmp_path)
    return tmp_path


def _data_table(path):
    """The table of products (the one with a repeated header row)."""
    return next(t for t in Document(path).tables if t._tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}")
                is not None)


@pytest.mark.parametrize("name", [ANNEX, SUMMARY])
def test_no_table_row_splits_and_the_header_repeats(out, name):
    doc = Document(out / name)
    rows = [tr for t in doc.tables for tr in t._tbl.iter(qn("w:tr"))]
    assert rows and all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
    header = _data_table(out / name)._tbl.findall(qn("w:tr"))
    assert header[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for tr in header[1:])


@pytest.mark.parametrize("name", [ANNEX, SUMMARY])
def test_group_headings_keep_with_their_first_row(out, name):
    table = _data_table(out / name)
    headings = [row for row in table.rows if row.cells[-1].text.startswith(("Thủ công", "I. Thủ công"))
                or row.cells[0].text.startswith("I. ")]
    assert headings
    assert all(p.paragraph_format.keep_with_next for row in headings for c in row.cells for p in c.paragraphs)


@pytest.mark.parametrize("name", [ANNEX, SUMMARY])
def test_page_numbers_from_page_two(out, name):
    section = Document(out / name).sections[0]
    assert section.different_first_page_header_footer
    fields = [f.get(qn("w:instr")).strip() for f in section.header._element.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE"]
    assert section.header.paragraphs[0].alignment == 1  # centred
    assert not list(section.first_page_header._element.iter(qn("w:fldSimple")))


def test_summary_has_rank_two_decimals_and_a_signature_across_the_page(tmp_path, rows, result_set):
    contest = make_contest(make_info(council_chair="Trần Quang Tấn"))
    write_documents(contest, rows, result_set, tmp_path)
    rows_text = table_rows(tmp_path / SUMMARY, 1)
    sp01 = next(r for r in rows_text if r[2:3] == ["SP01"])
    # Rank 1; judges gave 92.5 + 1 and 92.5 - 1: printed with two decimals like every other score.
    assert sp01[:2] == ["1", "1"] and sp01[4:6] == ["93,50", "91,50"]
    assert "Số sao" not in rows_text[0]  # stars only under a preset with star bands
    doc = Document(tmp_path / SUMMARY)
    sign = doc.tables[-1]
    cells = [c.text.split("\n") for c in sign.rows[0].cells]
    assert cells[0][0] == "THƯ KÝ HỘI ĐỒNG" and cells[1][0] == "CHỦ TỊCH HỘI ĐỒNG"
    assert cells[1][-1] == "Trần Quang Tấn"
    assert cells[0][-1].startswith("……")  # no secretary named: a line to write the name on
    assert cells[0].count("") >= 4  # room to sign
    width = sum(int(c.get(qn("w:w"))) for c in sign._tbl.find(qn("w:tblGrid")))
    section = doc.sections[0]
    assert width >= 0.95 * (section.page_width - section.left_margin - section.right_margin) / 635
    assert "Cơ quan thường trực Hội đồng: Sở Công Thương tỉnh Bắc Giang." in paragraphs(tmp_path / SUMMARY)


def test_a_three_line_signer_title_prints_three_paragraphs(tmp_path, rows):
    title = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    for layout in ("", LAYOUT_PREPRINTED):
        out = tmp_path / (layout or "trang-trong")
        write_documents(make_contest(make_info(signer_title=title, cert_layout=layout)), rows, None, out)
        text = paragraphs(out / "SP01.docx")
        assert text[-4:] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Ánh Dương"]
        merged = paragraphs(out / "giay_chung_nhan_tat_ca.docx")
        assert merged.count("KT. CHỦ TỊCH") == 4 and merged.count("PHÓ CHỦ TỊCH") == 4


def test_any_number_of_title_lines(tmp_path, rows):
    title = "A\nB\n\nC\nD\nE"
    write_documents(make_contest(make_info(signer_title=title)), rows, None, tmp_path)
    assert paragraphs(tmp_path / "SP02.docx")[-6:] == ["A", "B", "C", "D", "E", "Lê Ánh Dương"]


LEVELS = [
    # level, changes, heading lines, the issuer named in the sentences, the default signer's title
    ("tinh", {}, ["Ủy ban nhân dân", "tỉnh Bắc Giang"], "Ủy ban nhân dân tỉnh Bắc Giang",
     ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("xa", {"issuer": "Ủy ban nhân dân xã Tân Dĩnh", "standing_body": "Phòng Kinh tế xã Tân Dĩnh"},
     ["Ủy ban nhân dân", "xã Tân Dĩnh"], "Ủy ban nhân dân xã Tân Dĩnh", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("khu-vuc", {"region": "Phía Bắc"}, ["Bộ Công Thương", "Cục Công Thương địa phương"],
     "Cục Công Thương địa phương", ["CỤC TRƯỞNG"]),
    ("quoc-gia", {}, ["Bộ Công Thương"], "Bộ Công Thương", ["BỘ TRƯỞNG"]),
]


@pytest.mark.parametrize("level, changes, heading, issuer, title", LEVELS)
def test_each_level_names_its_issuing_authority_where_it_belongs(tmp_path, rows, result_set, level, changes,
                                                                 heading, issuer, title):
    info = make_info(level=level, signer_title="", organiser="", **changes)
    write_documents(make_contest(info), rows, result_set, tmp_path)
    cert = paragraphs(tmp_path / "SP01.docx")
    assert cert[:len(heading) + 1] == heading + ["Số: 006/GCN-CNNT"]
    assert any(p.endswith(f"ngày 15/11/2019 của {issuer}.") for p in cert)
    assert cert[-len(title) - 1:-1] == title
    annex = paragraphs(tmp_path / ANNEX)
    assert annex[:len(heading)] == heading
    assert f"(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/11/2019 của {issuer})" in annex
    # The council's summary: the issuer (who set the council up) above the council's own name.
    summary = paragraphs(tmp_path / SUMMARY)
    own = heading[1:] if level == "khu-vuc" else heading  # the Cục, without the Ministry above it
    assert summary[:len(own) + 2] == own + ["Hội đồng bình chọn", "sản phẩm CNNT tiêu biểu"]


def test_commune_level_refuses_the_unnamed_default(tmp_path, rows):
    with pytest.raises(BlockedError) as caught:
        write_documents(make_contest(make_info(level="xa")), rows, None, tmp_path / "out")
    assert "Cơ quan ban hành quyết định, cấp giấy chứng nhận" in caught.value.message
    assert "Ủy ban nhân dân xã …" in caught.value.message
    assert not (tmp_path / "out").exists()


def test_the_two_certificate_layouts(tmp_path, rows):
    write_documents(make_contest(make_info()), rows, None, tmp_path / "a")
    write_documents(make_contest(make_info(cert_layout=LAYOUT_PREPRINTED)), rows, None, tmp_path / "b")
    ceremonial, blank = Document(tmp_path / "a" / "SP01.docx"), Document(tmp_path / "b" / "SP01.docx")
    for doc in (ceremonial, blank):
        assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape
    assert "GIẤY CHỨNG NHẬN" in paragraphs(tmp_path / "a" / "SP01.docx")
    printed = paragraphs(tmp_path / "b" / "SP01.docx")
    # Only the variable text: no title, motto or label that the blank already carries.
    assert "GIẤY CHỨNG NHẬN" not in printed and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in printed
    assert printed[:3] == ["006/GCN-CNNT", "Gốm Thổ Hà men rạn", "Thủ công mỹ nghệ"]
    # Each value sits in a row of fixed height that staff can change in Word to move it.
    rows_xml = blank.tables[0]._tbl.findall(qn("w:tr"))
    rules_ = [tr.find(f"{qn('w:trPr')}/{qn('w:trHeight')}").get(qn("w:hRule")) for tr in rows_xml]
    assert rules_ and set(rules_) == {"exact"}


def test_ocop_stars_on_the_summary_and_the_certificate(tmp_path, rows, result_set):
    contest = dataclasses.replace(make_contest(), rules=rules.preset("ocop-2023"))
    write_documents(contest, rows, result_set, tmp_path)
    summary = table_rows(tmp_path / SUMMARY, 1)
    stars_at = summary[0].index("Số sao")
    assert summary[0][stars_at - 1] == "Tổng điểm"
    # 92.50 is in the 5-star band (from 90), 88.25 and 72.00 in the 4-star one (70-89), 65.50 in 3 (50-69).
    stars = {r[2]: r[stars_at] for r in summary if len(r) > stars_at and r[2].startswith("SP")}
    assert stars == {"SP01": "5", "SP02": "4", "SP/03": "4", "SP04": "4", "SP05": "4", "SP06": "3"}
    assert any(p.startswith("Hạng sao: 1 sao: dưới 30 điểm; 2 sao: từ 30 điểm") for p in paragraphs(tmp_path / SUMMARY))
    cert = paragraphs(tmp_path / "SP01.docx")
    assert "SẢN PHẨM ĐẠT 5 SAO" in cert
    assert any(p.startswith("Được đánh giá, phân hạng đạt 5 sao cấp tỉnh năm 2019 theo Quyết định số") for p in cert)


def test_criterion_means_give_way_to_a_wide_panel(tmp_path):
    from long_contest import long_contest

    contest, rows, result_set = long_contest(6, judges=7)
    write_documents(contest, rows, result_set, tmp_path)
    header = table_rows(tmp_path / SUMMARY, 1)[0]
    assert header[4:11] == [f"GK{j:02}" for j in range(1, 8)] and "TC1" not in header
    assert any(p.endswith("không in điểm bình quân từng tiêu chí vì không đủ chỗ; xem sheet Kết quả")
               for p in paragraphs(tmp_path / SUMMARY))
    contest, rows, result_set = long_contest(6, judges=5)
    write_documents(contest, rows, result_set, tmp_path / "five")
    assert table_rows(tmp_path / "five" / SUMMARY, 1)[0][9:13] == ["TC1", "TC2", "TC3", "TC4"]
