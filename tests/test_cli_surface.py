"""What a person meets around the numbers: init's checks, file modes, labels, and where warnings point."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import openpyxl
import pytest

from xl_addin.cli import main
from xl_addin.domain import schema
from xl_addin.domain.sheets.info import MAX_YEAR, MIN_YEAR
from xl_addin.usecases.demo import fill_inputs, play_judges

from test_cli import run, table


def init(capsys, folder: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "init", str(folder), *extra)


@pytest.mark.parametrize(("args", "option", "says"), [
    (["--year", "1890", "--province", "Bắc Ninh"], "--year", f"phải từ {MIN_YEAR} đến {MAX_YEAR}"),
    (["--year", "2025", "--province", ""], "--province", "chưa nhập tỉnh"),
    (["--year", "2025", "--province", "   "], "--province", "chưa nhập tỉnh"),
    (["--year", "2025", "--province", "Bắc Ninh", "--level", "khu-vuc"], "--region", "cần ghi khu vực"),
    (["--year", "2025", "--province", "Bắc Ninh", "--level", "khu-vuc", "--region", "Mặt trăng"], "--region",
     "không có trong danh sách"),
])
def test_init_refuses_what_validate_would_reject(tmp_path, capsys, args, option, says):
    folder = tmp_path / "c"
    code, out, err = init(capsys, folder, *args)
    assert code == 2 and "Traceback" not in err
    assert f"Tham số {option}:" in err and says.lower() in err.lower()
    assert not folder.exists()  # nothing half made


def test_init_and_validate_say_the_same_about_a_year(tmp_path, capsys):
    """The message init gives is validate's own, once the year is typed into Thông tin instead."""
    code, _, err = init(capsys, tmp_path / "a", "--year", "1890", "--province", "Bắc Ninh")
    assert code == 2
    folder = tmp_path / "b"
    assert init(capsys, folder, "--year", "2025", "--province", "Bắc Ninh")[0] == 0
    path = folder / schema.CONTEST_FILE
    wb = openpyxl.load_workbook(path)
    ws = wb[schema.SHEET_INFO]
    row = next(r for r in ws.iter_rows() if r[0].value == schema.INFO_YEAR)
    row[1].value = 1890
    wb.save(path)
    code, out, _ = run(capsys, "validate", str(folder), "--json")
    [found] = [f for f in json.loads(out) if f["code"] == "invalid-number"]
    assert found["message"].split(": ", 1)[1] in err


def test_a_missing_workbook_under_json_is_a_documented_code(tmp_path, capsys):
    code, out, err = run(capsys, "validate", str(tmp_path / "none"), "--json")
    [finding] = json.loads(out)
    assert code == 2 and finding["code"] == "unreadable-file" and "Không tìm thấy sổ bình chọn" in finding["message"]


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o640
    os.umask(old)


def test_files_written_get_the_umasks_permissions(tmp_path, capsys, umask_027):
    folder = tmp_path / "c"
    assert init(capsys, folder, "--year", "2019", "--province", "Bắc Giang")[0] == 0
    fill_inputs(folder / schema.CONTEST_FILE)
    assert run(capsys, "judges", str(folder))[0] == 0
    play_judges(folder)
    assert run(capsys, "results", str(folder))[0] == 0
    written = [folder / schema.CONTEST_FILE, *(folder / schema.JUDGES_DIR).glob("*.xlsx"),
               *(folder / schema.BACKUP_DIR).glob("*.xlsx")]
    assert len(written) > 6
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in written}
    assert set(modes.values()) == {umask_027}, modes


def test_a_replaced_workbook_keeps_the_mode_its_owner_gave_it(tmp_path, capsys):
    folder = tmp_path / "c"
    assert init(capsys, folder, "--year", "2019", "--province", "Bắc Giang")[0] == 0
    path = folder / schema.CONTEST_FILE
    path.chmod(0o664)  # shared with the office's group
    assert run(capsys, "validate", str(folder))[0] == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


@pytest.fixture
def scored(tmp_path, capsys) -> Path:
    folder = tmp_path / "bg"
    assert init(capsys, folder, "--year", "2019", "--province", "Bắc Giang")[0] == 0
    fill_inputs(folder / schema.CONTEST_FILE)
    assert run(capsys, "judges", str(folder))[0] == 0
    play_judges(folder)
    return folder


def test_results_warnings_point_at_their_kết_quả_row_and_are_counted_alone(scored, capsys):
    code, out, _ = run(capsys, "validate", str(scored), "--json")
    dossier = [f for f in json.loads(out) if f["code"] == "incomplete-dossier"]
    assert code == 0 and dossier
    code, out, _ = run(capsys, "results", str(scored), "--json")
    own = json.loads(out)
    assert code == 0 and own and not [f for f in own if f["code"] == "incomplete-dossier"]
    path = scored / schema.CONTEST_FILE
    rows = openpyxl.load_workbook(path, data_only=True)[schema.SHEET_RESULTS]
    by_row = {r[0].row: r for r in rows.iter_rows()}
    header = next(r for r in rows.iter_rows() if r[0].value == schema.RES_RANK)
    code_col = next(c.column for c in header if c.value == schema.COL_CODE)
    flags_col = next(c.column for c in header if c.value == schema.RES_FLAGS)
    product_warnings = [f for f in own if f["sheet"] == schema.SHEET_RESULTS]
    assert product_warnings
    for f in product_warnings:
        cell = rows[f["cell"]]
        assert cell.column == flags_col and cell.value  # the row's Cảnh báo cell, which holds the flag
        product = by_row[cell.row][code_col - 1].value
        assert product in f["message"] and f["row"] == cell.row
    # the count of the step is what the step found; Kiểm tra still lists validate's warnings too
    code, text, _ = run(capsys, "results", str(scored))
    assert f"{len(own)} cảnh báo" in text
    listed = table(path, schema.SHEET_FINDINGS, schema.FINDINGS_CODE)
    assert len(listed) == len(own) + len(dossier)


def test_kiem_tra_shows_the_label_beside_the_code(scored, capsys):
    run(capsys, "validate", str(scored))
    rows = table(scored / schema.CONTEST_FILE, schema.SHEET_FINDINGS, schema.FINDINGS_CODE)
    head = list(rows[0])
    assert head.index(schema.FINDINGS_LABEL) == head.index(schema.FINDINGS_CODE) + 1
    assert {(r[schema.FINDINGS_CODE], r[schema.FINDINGS_LABEL]) for r in rows} == {("incomplete-dossier", "Hồ sơ chưa đủ")}
    _, out, _ = run(capsys, "validate", str(scored))
    assert "Hồ sơ chưa đủ" in out and "incomplete-dossier" in out


def test_the_results_highlights_survive_the_documents_step(scored, capsys):
    code, out, _ = run(capsys, "results", str(scored), "--json")
    pointed = {f["cell"]: f["code"] for f in json.loads(out) if f["sheet"] == schema.SHEET_RESULTS}
    assert code == 0 and pointed
    assert run(capsys, "documents", str(scored))[0] == 0
    ws = openpyxl.load_workbook(scored / schema.CONTEST_FILE)[schema.SHEET_RESULTS]
    for cell, finding_code in pointed.items():
        assert ws[cell].fill.fill_type == "solid", cell
        assert ws[cell].comment is not None and ws[cell].comment.text.startswith(f"[{finding_code}] "), cell
