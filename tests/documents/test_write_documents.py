"""write_documents: certificates, the merged print file, the annex and the score summary, read back."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from doc_samples import LONG_NAME, ODD_ESTABLISHMENT, make_contest, make_info
from docx_reading import document_xml, page_breaks, paragraphs, table_rows

from xl_addin.documents import write_documents
from xl_addin.documents.contexts import CERTIFICATE_FIELDS
from xl_addin.documents.render import render_docx
from xl_addin.documents.safety import sandbox_env
from xl_addin.documents.templates import CERTIFICATE, default_templates_dir
from xl_addin.domain import document_messages as msg
from xl_addin.errors import BlockedError

# Council "Có", in the annex's order (by group, then rank; issue 9); SP05 "Không", SP06 blank.
RECOGNISED = ["SP01", "SP/03", "SP02", "SP04"]
FILES = ["SP01.docx", "SP_03.docx", "SP02.docx", "SP04.docx"]


@pytest.fixture
def made(tmp_path, contest, rows, result_set):
    out = tmp_path / "van_ban"
    return out, write_documents(contest, rows, result_set, out)


def test_one_certificate_per_recognised_product(made):
    out, outcome = made
    assert sorted(p.name for p in out.glob("SP*.docx")) == sorted(FILES)
    assert list(outcome.certificates) == RECOGNISED
    assert [p.name for p in outcome.files] == FILES + [
        "giay_chung_nhan_tat_ca.docx", "danh_sach_kem_theo_quyet_dinh.docx", "bang_tong_hop_diem.docx"]
    assert outcome.skipped == [] and outcome.pdf_files == [] and outcome.pdf_message is None


def test_numbers_follow_pattern_after_the_kept_one(made):
    _, outcome = made
    # SP04 already holds 005 in the Kết quả sheet; the others follow it in the annex's order:
    # group I (SP01 rank 1, SP/03 rank 3), then group II (SP02 rank 2).
    assert outcome.certificates == {
        "SP01": ("006/GCN-CNNT", "31/12/2022"),
        "SP/03": ("007/GCN-CNNT", "31/12/2022"),
        "SP02": ("008/GCN-CNNT", "31/12/2022"),
        "SP04": ("005/GCN-CNNT", "31/12/2022"),
    }


@pytest.mark.parametrize("file, name, establishment, number, address", [
    ("SP01.docx", "Gốm Thổ Hà men rạn", "Hợp tác xã gốm Thổ Hà", "006/GCN-CNNT",
     "Thôn Thổ Hà, Xã Vân Hà, Huyện Việt Yên, tỉnh Bắc Giang"),
    ("SP02.docx", 'Nước mắm "Cá Cơm" & muối ớt', ODD_ESTABLISHMENT, "008/GCN-CNNT",
     "Số 5, đường Lê Lợi, Phường Hoàng Văn Thụ, tỉnh Bắc Giang"),
    ("SP_03.docx", LONG_NAME, "Hộ kinh doanh Nguyễn Thị Hằng", "007/GCN-CNNT",
     "Thôn Tăng Tiến, Xã Tăng Tiến, Huyện Việt Yên, tỉnh Bắc Giang"),
])
def test_certificate_fields(made, file, name, establishment, number, address):
    out, _ = made
    text = paragraphs(out / file)
    # The issuer by default for a provincial contest, on Decree 30's two lines (printed in capitals).
    assert text[:5] == ["Ủy ban nhân dân", "tỉnh Bắc Giang", f"Số: {number}",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert text[text.index("Chứng nhận sản phẩm:") + 1] == name
    assert f"Của cơ sở: {establishment}" in text
    assert f"Địa chỉ: {address}" in text
    assert "CẤP tỉnh NĂM 2019" in text  # shown in capitals through the run's caps formatting
    assert ("Đạt danh hiệu sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2019 theo Quyết định số "
            "1234/QĐ-UBND ngày 15/11/2019 của Ủy ban nhân dân tỉnh Bắc Giang.") in text
    assert "Giấy chứng nhận có giá trị đến hết ngày 31/12/2022." in text
    assert text[-3:] == ["Bắc Giang, ngày 15 tháng 11 năm 2019", "Chủ tịch", "Lê Ánh Dương"]


def test_certificate_is_exactly_what_docxtpl_renders(made, contest, rows):
    out, outcome = made
    from xl_addin.documents.contexts import certificate_context

    path = default_templates_dir() / CERTIFICATE
    by_code = {r.code: r for r in rows}
    for row, file in zip([by_code[code] for code in RECOGNISED], FILES):
        context = certificate_context(contest, row, *outcome.certificates[row.code])
        assert set(context) == set(CERTIFICATE_FIELDS)
        expected = render_docx(path, context, sandbox_env())
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(expected)) as z:
            assert document_xml(out / file) == z.read("word/document.xml")


def test_a_two_line_signer_title_prints_on_two_lines_as_docxtpl_would(tmp_path, rows, result_set):
    from xl_addin.documents.contexts import certificate_context

    contest = make_contest(make_info(signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"))
    out = tmp_path / "van_ban"
    outcome = write_documents(contest, rows, result_set, out)
    assert paragraphs(out / "SP01.docx")[-3:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Ánh Dương"]
    row = next(r for r in rows if r.code == "SP01")
    expected = render_docx(default_templates_dir() / CERTIFICATE,
                           certificate_context(contest, row, *outcome.certificates["SP01"]), sandbox_env())
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(expected)) as z:
        assert document_xml(out / "SP01.docx") == z.read("word/document.xml")


def test_date_with_leading_zeros(tmp_path, rows):
    contest = make_contest(make_info(decision_date=dt.date(2020, 1, 5)))
    outcome = write_documents(contest, rows, None, tmp_path)
    text = paragraphs(tmp_path / "SP01.docx")
    assert "Bắc Giang, ngày 05 tháng 01 năm 2020" in text
    assert "Giấy chứng nhận có giá trị đến hết ngày 31/12/2023." in text
    assert outcome.certificates["SP01"][1] == "31/12/2023"


def test_merged_file_has_a_page_per_certificate(made):
    out, _ = made
    merged = out / "giay_chung_nhan_tat_ca.docx"
    assert page_breaks(merged) == len(RECOGNISED) - 1
    expected = [line for file in FILES for line in paragraphs(out / file)]
    assert paragraphs(merged) == expected
    last = document_xml(merged).rsplit(b"<w:sectPr", 1)[0]
    assert not last.endswith(b'<w:br w:type="page"/></w:r></w:p>')  # no break after the last one


def test_annex_lists_recognised_products_by_group(made):
    out, _ = made
    annex = out / "danh_sach_kem_theo_quyet_dinh.docx"
    text = paragraphs(annex)
    assert "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/11/2019 của Ủy ban nhân dân tỉnh Bắc Giang)" in text
    rows = table_rows(annex, 1)
    # No group column: each group's heading row names it.
    assert rows[0] == ["STT", "Tên sản phẩm", "Tên cơ sở", "Địa chỉ", "Điểm", "Số giấy chứng nhận"]
    assert rows[1:] == [
        ["I", "Thủ công mỹ nghệ"],
        ["1", "Gốm Thổ Hà men rạn", "Hợp tác xã gốm Thổ Hà", "Thôn Thổ Hà, Xã Vân Hà, Huyện Việt Yên, tỉnh Bắc Giang",
         "92,50", "006/GCN-CNNT"],
        ["2", LONG_NAME, "Hộ kinh doanh Nguyễn Thị Hằng",
         "Thôn Tăng Tiến, Xã Tăng Tiến, Huyện Việt Yên, tỉnh Bắc Giang", "85,00", "007/GCN-CNNT"],
        ["Cộng nhóm I: 2 sản phẩm"],
        ["II", "Chế biến nông, lâm, thủy sản và thực phẩm"],
        ["3", 'Nước mắm "Cá Cơm" & muối ớt', ODD_ESTABLISHMENT,
         "Số 5, đường Lê Lợi, Phường Hoàng Văn Thụ, tỉnh Bắc Giang", "88,25", "008/GCN-CNNT"],
        ["Cộng nhóm II: 1 sản phẩm"],
        ["III", "Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí"],
        ["4", "Máy tuốt lúa liên hoàn MT-05", "Công ty cổ phần Cơ khí Đức Thắng",
         "Cụm công nghiệp Đồng Đình, Xã Tân Dĩnh, Huyện Lạng Giang, tỉnh Bắc Giang", "80,75", "005/GCN-CNNT"],
        ["Cộng nhóm III: 1 sản phẩm"],
        ["Tổng cộng: 4 sản phẩm"],
    ]
    assert "Số giấy chứng nhận theo thứ tự của danh sách: theo nhóm sản phẩm, trong mỗi nhóm theo hạng." in text


def test_score_summary_by_group(made):
    out, _ = made
    summary = out / "bang_tong_hop_diem.docx"
    rows = table_rows(summary, 1)
    assert rows[0] == ["STT", "Hạng", "Mã sản phẩm", "Tên sản phẩm, cơ sở", "GK1", "GK2", "GK3", "TC1", "TC2", "TC3",
                       "TC4", "Tổng điểm", "Độ lệch", "Đạt điểm sàn", "Hội đồng đề xuất", "Ghi chú"]
    assert rows[1] == ["I. Thủ công mỹ nghệ (2 sản phẩm)"]
    sp02 = next(r for r in rows if r[2:3] == ["SP02"])
    # GK1 gave total+1, GK2 total-1, GK3 had a conflict; means are 40/40/10/10 % of 88.25.
    assert sp02 == ["3", "2", "SP02", f'Nước mắm "Cá Cơm" & muối ớt\n{ODD_ESTABLISHMENT}', "89,25", "87,25", "–",
                    "35,30", "35,30", "8,83", "8,83", "88,25", "2,00", "Có", "Có", "Độ lệch lớn"]
    assert [r[2] for r in rows if len(r) > 1] == ["Mã sản phẩm", "SP01", "SP/03", "SP02", "SP05", "SP04", "SP06"]
    sp05 = next(r for r in rows if r[2:3] == ["SP05"])
    assert sp05[-3:-1] == ["Có", "Không"]  # passed, but the council said no in the Kết quả sheet
    text = paragraphs(summary)
    assert "Điểm sàn: 70 điểm. Số sản phẩm công nhận tối đa: không giới hạn." in text
    assert "Tổng số: 6 sản phẩm; đạt điểm sàn: 5; hội đồng đề xuất công nhận: 4." in text


def test_no_summary_without_results(tmp_path, contest, rows):
    outcome = write_documents(contest, rows, None, tmp_path)
    assert not (tmp_path / "bang_tong_hop_diem.docx").exists()
    assert msg.NO_RESULT_SET in outcome.messages
    assert (tmp_path / "danh_sach_kem_theo_quyet_dinh.docx").is_file()


def test_missing_facts_are_refused_in_vietnamese(tmp_path, rows):
    contest = make_contest(make_info(decision_no="", signer=" ", decision_date=None))
    with pytest.raises(BlockedError) as caught:
        write_documents(contest, rows, None, tmp_path / "out")
    message = caught.value.message
    for label in ("Số quyết định công nhận", "Ngày quyết định", "Người ký", "sheet “Thông tin”"):
        assert label in message
    assert "Chức vụ người ký" not in message
    assert not (tmp_path / "out").exists()


def test_bad_pattern_is_refused(tmp_path, rows):
    contest = make_contest(make_info(cert_pattern="{stt.__class__}/GCN"))
    with pytest.raises(BlockedError, match="Mẫu số giấy chứng nhận"):
        write_documents(contest, rows, None, tmp_path)


def test_product_missing_from_registrations_is_noted(tmp_path, contest, rows):
    contest = dataclasses.replace(contest, registrations=contest.registrations[1:])
    outcome = write_documents(contest, rows, None, tmp_path)
    assert outcome.messages[0] == msg.unknown_registration("SP01")
    assert "Gốm Thổ Hà men rạn" in paragraphs(tmp_path / "SP01.docx")


def test_nothing_recognised(tmp_path, contest, rows):
    rows = [dataclasses.replace(r, council=False) for r in rows]
    outcome = write_documents(contest, rows, None, tmp_path)
    assert outcome.certificates == {} and msg.NO_RECOGNISED in outcome.messages
    assert not (tmp_path / "giay_chung_nhan_tat_ca.docx").exists()
    assert table_rows(tmp_path / "danh_sach_kem_theo_quyet_dinh.docx", 1)[1:] == [["Tổng cộng: 0 sản phẩm"]]
