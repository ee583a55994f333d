"""`register template` and `register import`: the workbook staff fill, read back into the register."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl

from register_builders import run, table_count
from xl_addin.domain import register_schema as rs

UPPER = [
    [2018, "Khu vực", "T17-01", "Rượu làng Vân", "HTX rượu làng Vân", "2400000011", "Có", "55/QĐ-CCN",
     dt.datetime(2018, 10, 10), "12/GCN-KV"],
    [2018, "Khu vực", "T17-04", "Gốm Thổ Hà", "Công ty TNHH Gốm Thổ Hà", "", "Không", None, None, None],
    [2020, "quoc gia", "T19-01", "Rượu làng Vân", "", "", "Có", "7/QĐ-BCT", "20/11/2020", "03/GCN-QG"],
    # no code: found by the tax number and the folded product name
    [2020, "Khu vực", None, "BÁNH ĐA KẾ", "Hộ Nguyễn Văn Kế", "8100000022", "Có", "9/QĐ-CCN", "01/10/2020", "5/KV"],
]
ACTIVITIES = [
    [2018, "Hội chợ, triển lãm", 3, "Hội chợ hàng CNNT tiêu biểu", None],
    [2019, "Hội chợ, triển lãm", 2, "Hội chợ vùng", None],
    [2019, "Bản tin khuyến công", 12, "", "Phát hành hằng tháng"],
]
REFERENCE = [
    [2017, "Việt Yên", "Vân Hà", 40],
    [2019, "huyện Việt Yên", "xã Vân Hà", 45],  # the same area, a later count
    [2019, "Việt Yên", "Tăng Tiến", 30],
]


def filled_template(capsys, folder, upper=UPPER, activities=ACTIVITIES, reference=REFERENCE):
    code, out, _ = run(capsys, "register", "template", folder)
    assert code == 0, out
    path = folder / rs.TEMPLATE_FILE
    wb = openpyxl.load_workbook(path)
    for name, rows in ((rs.SHEET_UPPER, upper), (rs.SHEET_ACTIVITIES, activities), (rs.SHEET_REFERENCE, reference)):
        for row in rows:
            wb[name].append(row)
    wb.save(path)
    return path


def test_the_template_has_the_three_sheets_headers_and_dropdowns(capsys, tmp_path):
    code, out, _ = run(capsys, "register", "template", tmp_path)
    assert code == 0 and rs.TEMPLATE_FILE in out
    wb = openpyxl.load_workbook(tmp_path / rs.TEMPLATE_FILE)
    assert wb.sheetnames[:3] == [rs.SHEET_UPPER, rs.SHEET_ACTIVITIES, rs.SHEET_REFERENCE]
    assert [c.value for c in wb["Kết quả cấp trên"][1]] == [
        "Năm", "Cấp", "Mã sản phẩm", "Tên sản phẩm", "Tên cơ sở", "Mã số ĐKKD/MST", "Kết quả", "Số quyết định",
        "Ngày quyết định", "Số giấy chứng nhận"]
    assert [c.value for c in wb["Hoạt động"][1]] == ["Năm", "Loại hoạt động", "Số lượng", "Nội dung", "Ghi chú"]
    assert [c.value for c in wb["Cơ sở CNNT"][1]] == ["Năm", "Huyện/thị xã/thành phố", "Xã/phường", "Số cơ sở CNNT"]
    lists = {str(dv.sqref) for dv in wb["Kết quả cấp trên"].data_validations.dataValidation if dv.type == "list"}
    assert lists == {"B2:B2000", "G2:G2000"}
    kinds = wb.defined_names[[dv.formula1 for dv in wb["Hoạt động"].data_validations.dataValidation
                              if dv.type == "list"][0]]
    sheet, ref = next(kinds.destinations)
    values = [c.value for (c,) in wb[sheet][ref.replace("$", "")]]
    assert values == list(rs.ACTIVITY_KINDS) and len(values) == 8
    assert wb[rs.SHEET_LISTS].sheet_state == "hidden"
    # A second run never replaces a file staff may have filled.
    code, _, err = run(capsys, "register", "template", tmp_path)
    assert code == 2 and "không ghi đè" in err


def test_outcomes_activities_and_counts_imported_twice_are_kept_once(capsys, tmp_path, register_location, history):
    assert run(capsys, "register", "add", *history, "--register", register_location)[0] == 0
    path = filled_template(capsys, tmp_path / "mau")
    for _ in range(2):
        code, out, err = run(capsys, "register", "import", path, "--register", register_location)
        assert code == 0, out + err
    assert "4 kết quả cấp trên (3 được công nhận), 3 dòng hoạt động, 3 dòng số cơ sở CNNT" in out
    assert table_count(register_location, tmp_path, "rounds") == 4
    assert table_count(register_location, tmp_path, "recognitions") == 6 + 3
    assert table_count(register_location, tmp_path, "activities") == 3
    assert table_count(register_location, tmp_path, "reference_counts") == 3
    from xl_addin.register import open_register

    with open_register(register_location, tmp_path) as reg:
        data = reg.report_data(2017, 2020)
    by_code = {r.product_code: r.product_id for r in data.registrations}
    rounds = sorted((r.year, r.level, r.product_id, r.recognised) for r in data.rounds)
    assert rounds == sorted([(2018, "khu-vuc", by_code["T17-01"], True), (2018, "khu-vuc", by_code["T17-04"], False),
                             (2020, "quoc-gia", by_code["T19-01"], True), (2020, "khu-vuc", by_code["T17-03"], True)])
    national = [r for r in data.recognitions if r.level == "quoc-gia"]
    assert [(r.cert_no, r.issued, r.valid_until) for r in national] == [
        ("03/GCN-QG", dt.date(2020, 11, 20), dt.date(2023, 12, 31))]
    held = [(c.level, c.year, c.held_here) for c in data.contests]
    assert ("khu-vuc", 2018, False) in held and ("quoc-gia", 2020, False) in held
    assert sum(a.quantity for a in data.activities if a.kind == "Hội chợ, triển lãm") == 5
    assert sorted((c.commune, c.establishments) for c in data.reference_counts) == [("Tăng Tiến", 30), ("xã Vân Hà", 45)]


def test_rows_that_cannot_be_placed_are_findings_and_nothing_is_written(capsys, tmp_path, register_location, history):
    assert run(capsys, "register", "add", history[0], "--register", register_location)[0] == 0
    upper = UPPER[:2] + [[2018, "Khu vực", "X-99", "Không có", "", "", "Có", None, None, None]]
    activities = ACTIVITIES + [["20x9", "Hội chợ, triển lãm", 1, "", None], [2019, "Đi chơi", 1, "", None]]
    path = filled_template(capsys, tmp_path / "mau", upper=upper, activities=activities)
    code, out, err = run(capsys, "register", "import", path, "--register", register_location, "--json")
    assert code == 1
    import json

    found = {(f["code"], f["sheet"], f["cell"]) for f in json.loads(out)}
    assert found == {("unknown-product", "Kết quả cấp trên", "C4"), ("invalid-number", "Hoạt động", "A5"),
                     ("invalid-choice", "Hoạt động", "B6")}
    assert table_count(register_location, tmp_path, "rounds") == 0
    assert table_count(register_location, tmp_path, "activities") == 0


def test_a_file_with_none_of_the_sheets_is_refused(capsys, tmp_path, register_location, history):
    other = tmp_path / "khac.xlsx"
    shutil.copy(history[0] / "binhchon.xlsx", other)
    code, out, _ = run(capsys, "register", "import", other, "--register", register_location)
    assert code == 2 and "Kết quả cấp trên" in out and "register template" in out
