"""The summary report written as Word (read back with python-docx) and PDF (LibreOffice, pdftotext)."""

from __future__ import annotations

import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from report_reading import body_paragraphs, image_parts, picture_count, tables_by_caption
from report_samples import small_period

from xl_addin.documents.report import report_file_name, write_report
from xl_addin.domain import report_text as txt
from xl_addin.domain.report_figures import report_figures


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return write_report(report_figures(small_period()), out, issue_year=2016)


def test_file_names():
    assert report_file_name(2010, 2019) == "bao_cao_tong_ket_2010_2019.docx"
    assert report_file_name(2019, 2019) == "bao_cao_tong_ket_2019.docx"


def test_frame_follows_decree_30(written):
    doc = Document(written.docx)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert doc.styles["Normal"].font.name == "Times New Roman"
    heading = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs + doc.tables[0].rows[0].cells[1].paragraphs]
    assert "UBND TỈNH BẮC GIANG".lower() == heading[0].lower() and "Sở Công Thương" == heading[1]
    assert "Số: ……/BC-SCT" in heading and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading
    assert "Bắc Giang, ngày …… tháng …… năm 2016" in heading
    texts = body_paragraphs(written.docx)
    for title in ("BÁO CÁO", "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ", "III. TỒN TẠI, HẠN CHẾ",
                  "IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ", "PHỤ LỤC"):
        assert title in texts
    # page numbers from page 2: a PAGE field in the header, none on the first page
    assert section.different_first_page_header_footer
    assert section.header._element.findall(f".//{qn('w:fldSimple')}")[0].get(qn("w:instr")) == "PAGE"
    assert not section.first_page_header.paragraphs[0].text


def test_each_sentence_is_its_own_paragraph(written):
    texts = body_paragraphs(written.docx)
    f = report_figures(small_period())
    for sentence in (txt.contests_sentence(f), txt.registered_sentence(f), txt.participation_sentence(f),
                     txt.activities_sentence(f), txt.dossier_sentence(f), txt.certificates_sentence(f),
                     txt.idle_sentence(f)):
        assert sentence in texts
    assert "Qua 03 cuộc bình chọn, có 03 cơ sở CNNT đăng ký tham gia với 04 sản phẩm" in txt.registered_sentence(f)


def test_tables_hold_the_figures(written):
    tables = tables_by_caption(written.docx)
    contests = tables["Các cuộc bình chọn sản phẩm CNNT tiêu biểu đã tổ chức"]
    assert contests[1:] == [["1", "2011", "Cấp tỉnh", "Bắc Giang", "2", "3", "2"],
                            ["2", "2013", "Cấp huyện", "Lục Ngạn", "1", "1", "0"],
                            ["3", "2013", "Cấp tỉnh", "Bắc Giang", "2", "2", "2"],
                            ["Cộng (mỗi cơ sở, sản phẩm tính một lần)", "3", "4", "3"]]
    districts = tables["Cơ sở, sản phẩm đăng ký và được công nhận cấp tỉnh theo huyện, thị xã, thành phố"]
    assert districts[1:] == [["1", "Lục Ngạn", "40", "1", "2,5", "1", "1"], ["2", "Sơn Động", "20", "0", "0", "0", "0"],
                             ["3", "Việt Yên", "100", "1", "1,0", "2", "1"], ["4", "Yên Dũng", "50", "1", "2,0", "1", "1"],
                             ["Cộng", "210", "3", "1,4", "4", "3"]]
    groups = tables["Sản phẩm đăng ký và được công nhận theo nhóm sản phẩm"]
    assert groups[2][1:] == ["Chế biến nông, lâm, thủy sản và thực phẩm", "3", "2", "66,7", "1", "1"]
    assert groups[-1] == ["Cộng", "4", "3", "75,0", "1", "1"]
    assert tables["Các hoạt động hỗ trợ, quảng bá sản phẩm CNNT"][-1] == ["3", "Bản tin khuyến công", "1.800"]
    assert tables["Hồ sơ đăng ký còn thiếu giấy tờ"][1:] == [["1", "Giấy đăng ký kinh doanh", "2"],
                                                            ["2", "Bản thuyết minh", "1"]]
    expiring = tables["Sản phẩm có giấy chứng nhận hết hiệu lực trong năm 2015 hoặc 2016"]
    assert [r[1] for r in expiring[1:]] == ["Rượu làng Vân", "Máy tuốt lúa", "Rượu làng Vân"]
    assert [r[-1] for r in expiring[1:]] == ["31/12/2015", "31/12/2016", "31/12/2016"]


def test_table_rows_do_not_split_and_headers_repeat(written):
    doc = Document(written.docx)
    data = [t for t in doc.tables[1:] if len(t.columns) > 2 and t.rows[0].cells[0].text in ("STT", "Năm")]
    assert len(data) >= 8
    for t in data:
        assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in t.rows)


def test_three_charts_are_print_resolution_images(written):
    assert written.charts == 3 and picture_count(written.docx) == 3
    for blob in image_parts(written.docx):
        assert blob[:8] == b"\x89PNG\r\n\x1a\n"
        from PIL import Image
        import io
        with Image.open(io.BytesIO(blob)) as img:
            assert img.width >= 1500  # 16 cm at 300 dpi is about 1,890 px
    captions = [p for p in body_paragraphs(written.docx) if p.startswith("Biểu đồ ")]
    assert captions == ["Biểu đồ 1. Sản phẩm đăng ký và được công nhận qua các cuộc bình chọn",
                        "Biểu đồ 2. Sản phẩm và cơ sở đăng ký theo huyện, thị xã, thành phố",
                        "Biểu đồ 3. Sản phẩm được công nhận theo nhóm sản phẩm"]


def test_appendix_lists_per_level_and_year(written):
    texts = body_paragraphs(written.docx)
    assert "1. Sản phẩm CNNT tiêu biểu cấp tỉnh năm 2011 (02 sản phẩm)" in texts
    assert "3. Sản phẩm CNNT tiêu biểu cấp khu vực năm 2012 (01 sản phẩm)" in texts
    last = Document(written.docx).tables[-1]
    assert [c.text for c in last.rows[0].cells] == ["STT", "Tên sản phẩm", "Tên cơ sở", "Huyện, thị xã, thành phố",
                                                     "Số giấy chứng nhận"]
    assert last.rows[1].cells[0].text == "II. Chế biến nông, lâm, thủy sản và thực phẩm"  # the group's own row
    assert [c.text for c in last.rows[2].cells] == ["1", "Rượu làng Vân", "Hợp tác xã rượu làng Vân", "Việt Yên",
                                                     "001/2012"]
    assert last.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_names_with_ampersands_and_long_text_print_intact(tmp_path):
    import dataclasses
    data = small_period()
    long_name = "Công ty TNHH A & B " + "sản xuất hàng thủ công mỹ nghệ xuất khẩu " * 3
    recs = tuple(dataclasses.replace(r, establishment_name=long_name) for r in data.recognitions)
    files = write_report(report_figures(dataclasses.replace(data, recognitions=recs)), tmp_path)
    cells = [c.text for t in Document(files.docx).tables for row in t.rows for c in row.cells]
    assert long_name in cells


def test_the_pdf_renders(tmp_path, soffice):
    files = write_report(report_figures(small_period()), tmp_path, pdf=True, issue_year=2016)
    assert files.pdf is not None and files.pdf_message is None
    text = subprocess.run(["pdftotext", "-layout", str(files.pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "BÁO CÁO" in flat and "III. TỒN TẠI, HẠN CHẾ" in flat
    assert "tôn vinh 03 sản phẩm CNNT tiêu biểu cấp tỉnh, 01 sản phẩm cấp khu vực và 01 sản phẩm cấp quốc gia" in flat
    assert "Biểu đồ 3. Sản phẩm được công nhận theo nhóm sản phẩm" in flat
