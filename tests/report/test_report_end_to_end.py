"""End to end: contests made through the use cases, added and imported twice, then `binhchon report`.

The history (counts worked out by hand):
- 2017 (forward 2): A Rượu làng Vân 85 (HTX, tax 2400000011, Việt Yên), B Mây tre đan 75 (no tax, 2 photos,
  Việt Yên), C Bánh đa Kế 65 (household, TP. Bắc Giang), D Gốm Thổ Hà 90 (Việt Yên) -> A, B, D recognised,
  certificates valid until 31/12/2020; D and A forwarded.
- 2019 (forward 1): A again as "Rượu Làng Vân" of "HTX rượu làng Vân" (same tax number) 88, E Máy tuốt lúa 72
  (Lục Nam, no product description), C again 60 -> A and E recognised.
- Upper rounds (2018): D recognised at regional and national level, A not at regional level.
- Establishments 5, products 5, registrations 7; recognised: provincial 4 (A, B, D, E), regional 1, national 1.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from report_reading import body_paragraphs, picture_count, tables_by_caption

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "register"))
from register_builders import CRAFT, FOOD, Item, make_contest  # noqa: E402

from xl_addin.cli import main  # noqa: E402
from xl_addin.domain import register_schema as rs  # noqa: E402
from xl_addin.domain import rules  # noqa: E402
from xl_addin.workbooks.register_fill import append_sheet_rows  # noqa: E402

MECH = rules.GROUPS[2]
Y2017 = [
    Item("A17", "Rượu làng Vân", "Hợp tác xã Rượu làng Vân", "Vân Hà", "2400000011", FOOD, 85),
    Item("B17", "Mây tre đan", "Cơ sở mây tre đan Tăng Tiến", "Tăng Tiến", "", CRAFT, 75, photos=2),
    Item("C17", "Bánh đa Kế", "Hộ kinh doanh Nguyễn Văn Kế", "Dĩnh Kế", "8100000022", FOOD, 65,
         district="TP. Bắc Giang"),
    Item("D17", "Gốm Thổ Hà", "Công ty TNHH Gốm Thổ Hà & Cộng sự", "Vân Hà", "2400000033", CRAFT, 90),
]
Y2019 = [
    Item("A19", "Rượu Làng Vân", "HTX rượu làng Vân", "xã Vân Hà", "2400000011", FOOD, 88),
    Item("E19", "Máy tuốt lúa", "Công ty TNHH Cơ khí Lục Nam", "Cẩm Lý", "2400000044", MECH, 72, description=False,
         district="Lục Nam"),
    Item("C19", "Bánh đa Kế", "HKD Nguyễn Văn Kế", "Dĩnh Kế", "8100000022", FOOD, 60, district="TP. Bắc Giang"),
]
UPPER = [
    [2018, "Khu vực", "D17", "Gốm Thổ Hà", None, "2400000033", "Có", "15/QĐ-CTĐP", dt.date(2018, 10, 20), "01/KV"],
    [2018, "Khu vực", "A17", "Rượu làng Vân", None, "2400000011", "Không", None, None, None],
    [2018, "Quốc gia", "D17", "Gốm Thổ Hà", None, "2400000033", "Có", "33/QĐ-BCT", dt.date(2018, 12, 1), "02/QG"],
]
ACTIVITIES = [
    [2015, "Đề án khuyến công", 3, "", None],  # before the period
    [2017, "Hội chợ, triển lãm", 2, "Hội chợ CNNT", None],
    [2018, "Hội chợ, triển lãm", 1, "Hội chợ vùng", None],
    [2018, "Lượt cơ sở tham gia hội chợ", 25, "", None],
    [2019, "Bản tin khuyến công", 1200, "", None],
]
REFERENCE = [[2019, "Việt Yên", None, 4720], [2019, "Lục Nam", None, 3120], [2019, "TP. Bắc Giang", None, 2140],
             [2019, "Sơn Động", None, 870]]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def contests(tmp_path_factory) -> list[Path]:
    from xl_addin.usecases.documents import make_documents_for
    from xl_addin.workbooks.contest_book import FileContestBook

    root = tmp_path_factory.mktemp("history")
    folders = [make_contest(root / "bg2017", 2017, Y2017, decision=dt.date(2017, 11, 20), forward=2),
               make_contest(root / "bg2019", 2019, Y2019, decision=dt.date(2019, 11, 15), forward=1)]
    for folder in folders:  # certificate numbers and validity into Kết quả
        book = FileContestBook(folder / "binhchon.xlsx")
        make_documents_for(book, pdf=False, only_new=False)
        book.save()
    return folders


@pytest.fixture(scope="module")
def report(contests, tmp_path_factory):
    """The register filled twice over, and the report of 2016–2019 written from it; (docx, stdout)."""
    capsys_free = tmp_path_factory.mktemp("register")
    register = capsys_free / "so_theo_doi.sqlite"
    for _ in range(2):
        assert main(["register", "add", *map(str, contests), "--register", str(register)]) == 0
    assert main(["register", "template", str(capsys_free)]) == 0
    template = capsys_free / rs.TEMPLATE_FILE
    append_sheet_rows(template, {rs.SHEET_UPPER: UPPER, rs.SHEET_ACTIVITIES: ACTIVITIES, rs.SHEET_REFERENCE: REFERENCE})
    for _ in range(2):
        assert main(["register", "import", str(template), "--register", str(register)]) == 0
    out = capsys_free / "out"
    assert main(["report", "--from", "2016", "--to", "2019", "--register", str(register), "--out", str(out)]) == 0
    return out / "bao_cao_tong_ket_2016_2019.docx", register


def test_the_sentences_hold_the_hand_counted_figures(report):
    texts = body_paragraphs(report[0])
    assert ("Giai đoạn 2016–2019, tổ chức 02 cuộc bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh (năm 2017 và 2019); "
            "tham gia 01 cuộc cấp khu vực và 01 cuộc cấp quốc gia.") in texts
    # the cooperative under two spellings with one tax number, and the household twice, count once
    assert ("Qua 02 cuộc bình chọn, có 05 cơ sở CNNT đăng ký tham gia với 05 sản phẩm, tôn vinh 04 sản phẩm CNNT "
            "tiêu biểu cấp tỉnh, 01 sản phẩm cấp khu vực và 01 sản phẩm cấp quốc gia.") in texts
    assert ("Cơ sở đăng ký đến từ 03/04 huyện, thị xã, thành phố và 04/04 xã, phường, thị trấn; số cơ sở đăng ký "
            "bằng 0,05% tổng số 10.850 cơ sở CNNT trên địa bàn.") in texts
    assert ("Cùng với công tác bình chọn, đã tổ chức và tham gia 03 hội chợ, triển lãm với 25 lượt cơ sở tham gia; "
            "phát hành 1.200 bản tin khuyến công.") in texts
    assert ("Còn 01 huyện, thị xã, thành phố (Sơn Động) chưa có cơ sở nào đăng ký tham gia bình chọn.") in texts
    assert ("Không có sản phẩm nào có giấy chứng nhận đã hết hiệu lực trước năm 2019 mà chưa được bình chọn lại; "
            "02 sản phẩm có giấy chứng nhận hết hiệu lực trong năm 2019 hoặc 2020, cần hướng dẫn cơ sở đăng ký "
            "bình chọn lại; 01 sản phẩm đã được công nhận lại.") in texts


def test_the_tables_hold_the_hand_counted_figures(report):
    tables = tables_by_caption(report[0])
    assert tables["Các cuộc bình chọn sản phẩm CNNT tiêu biểu đã tổ chức"][1:] == [
        ["1", "2017", "Cấp tỉnh", "Bắc Giang", "4", "4", "3"],
        ["2", "2019", "Cấp tỉnh", "Bắc Giang", "3", "3", "2"],
        ["Cộng (mỗi cơ sở, sản phẩm tính một lần)", "5", "5", "4"]]
    assert tables["Tham gia bình chọn cấp khu vực, cấp quốc gia"][1:] == [
        ["1", "Cấp khu vực", "2018", "2", "1"], ["2", "Cấp quốc gia", "2018", "1", "1"]]
    assert tables["Cơ sở và sản phẩm đăng ký theo năm"][1:] == [["2017", "4", "4"], ["2019", "3", "3"],
                                                                 ["Cả kỳ", "5", "5"]]
    districts = {r[1]: r[2:] for r in tables[
        "Cơ sở, sản phẩm đăng ký và được công nhận cấp tỉnh theo huyện, thị xã, thành phố"][1:-1]}
    assert districts == {"Lục Nam": ["3.120", "1", "0,03", "1", "1"], "Sơn Động": ["870", "0", "0", "0", "0"],
                         "TP. Bắc Giang": ["2.140", "1", "0,05", "1", "0"],
                         "Việt Yên": ["4.720", "3", "0,06", "3", "3"]}
    groups = {r[1]: r[2:] for r in tables["Sản phẩm đăng ký và được công nhận theo nhóm sản phẩm"][1:-1]}
    assert groups == {CRAFT: ["2", "2", "100,0", "1", "1"], FOOD: ["2", "1", "50,0", "0", "0"],
                      MECH: ["1", "1", "100,0", "0", "0"], rules.GROUPS[3]: ["0", "0", "–", "0", "0"]}
    assert tables["Hồ sơ đăng ký còn thiếu giấy tờ"][1:] == [
        ["1", rs.DOSSIER_DOCUMENTS["Số ảnh"], "1"], ["2", rs.DOSSIER_DOCUMENTS["Bản thuyết minh"], "1"]]
    expiring = tables["Sản phẩm có giấy chứng nhận hết hiệu lực trong năm 2019 hoặc 2020"][1:]
    assert sorted((r[1], r[3], r[5]) for r in expiring) == [("Gốm Thổ Hà", "Cấp tỉnh, 2017", "31/12/2020"),
                                                             ("Mây tre đan", "Cấp tỉnh, 2017", "31/12/2020")]
    assert tables["Các hoạt động hỗ trợ, quảng bá sản phẩm CNNT"][1:] == [
        ["1", "Hội chợ, triển lãm", "3"], ["2", "Lượt cơ sở tham gia hội chợ", "25"], ["3", "Bản tin khuyến công", "1.200"]]


def test_the_annex_lists_each_level_and_year_and_the_charts_are_images(report):
    texts = body_paragraphs(report[0])
    assert [t for t in texts if t[:2] in ("1.", "2.", "3.", "4.") and "Sản phẩm CNNT tiêu biểu cấp" in t] == [
        "1. Sản phẩm CNNT tiêu biểu cấp tỉnh năm 2017 (03 sản phẩm)",
        "2. Sản phẩm CNNT tiêu biểu cấp tỉnh năm 2019 (02 sản phẩm)",
        "3. Sản phẩm CNNT tiêu biểu cấp khu vực năm 2018 (01 sản phẩm)",
        "4. Sản phẩm CNNT tiêu biểu cấp quốc gia năm 2018 (01 sản phẩm)"]
    annex_2017 = Document(report[0]).tables[-4]
    names = [r.cells[1].text for r in annex_2017.rows[1:] if r.cells[0].text.isdigit()]
    assert sorted(names) == ["Gốm Thổ Hà", "Mây tre đan", "Rượu làng Vân"]
    assert "Công ty TNHH Gốm Thổ Hà & Cộng sự" in [r.cells[2].text for r in annex_2017.rows]
    assert picture_count(report[0]) == 3


def test_the_report_never_opens_a_contest_workbook(report, contests, monkeypatch, tmp_path):
    import openpyxl

    def refuse(*args, **kwargs):
        raise AssertionError("the report opened a workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)
    monkeypatch.setattr("xl_addin.workbooks.xlsx_io.open_workbook", refuse)
    assert main(["report", "--year", "2019", "--register", str(report[1]), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "bao_cao_tong_ket_2019.docx").is_file()


def test_a_year_outside_the_contests_is_a_message(report, capsys, tmp_path):
    code, out, err = run(capsys, "report", "--year", "2021", "--register", report[1], "--out", tmp_path)
    assert code == 1 and "Traceback" not in out + err
    assert "không có cuộc bình chọn nào trong năm 2021: sổ có các năm 2017, 2018, 2019" in out
    assert not list(tmp_path.iterdir())


def test_a_period_is_required(capsys, report):
    code, _, err = run(capsys, "report", "--register", report[1])
    assert code == 2 and "--year NĂM, hoặc --from NĂM --to NĂM" in err


def test_the_pdf_renders(report, soffice, tmp_path):
    assert main(["report", "--from", "2016", "--to", "2019", "--register", str(report[1]), "--out", str(tmp_path),
                 "--pdf"]) == 0
    pdf = tmp_path / "bao_cao_tong_ket_2016_2019.pdf"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "có 05 cơ sở CNNT đăng ký tham gia với 05 sản phẩm" in text and "PHỤ LỤC" in text
