"""Asking the register: show, expiring (and the letters), export, Nghi trùng."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess

import docx
import openpyxl
import pytest

from register_builders import run
from xl_addin.cli import main
from xl_addin.domain import register_schema as rs


@pytest.fixture
def filled(capsys, register_location, history):
    """The register of the 2017 and 2019 contests."""
    code, out, err = run(capsys, "register", "add", *history, "--register", register_location)
    assert code == 0, out + err
    return register_location


def test_a_certificate_of_15_11_2019_expires_in_2022(capsys, filled, tmp_path):
    code, out, _ = run(capsys, "register", "expiring", "--year", 2022, "--register", filled)
    assert code == 0
    listed = [line for line in out.splitlines() if "31/12/2022" in line]
    assert len(listed) == 3 and all("Tỉnh 2019" in line for line in listed)
    assert "Gốm Thổ Hà" not in out  # a 2017 certificate ends in 2020
    assert "3 giấy chứng nhận hết hiệu lực trong năm 2022; 3 sản phẩm của 3 cơ sở" in out


def test_letters_one_per_establishment_and_one_print_file(capsys, filled, tmp_path):
    out_dir = tmp_path / "thu"
    code, out, _ = run(capsys, "register", "expiring", "--year", 2022, "--letters", "--out", out_dir,
                       "--register", filled)
    assert code == 0
    letters = sorted(p.name for p in out_dir.glob("thu_moi_*.docx") if p.name != rs.LETTERS_MERGED)
    assert len(letters) == 3 and any(name.startswith("thu_moi_2400000011_") for name in letters)
    merged = docx.Document(out_dir / rs.LETTERS_MERGED)
    text = "\n".join(p.text for p in merged.paragraphs)
    assert text.count("Kính gửi:") == 3 and "hết hiệu lực trong năm 2022" in text
    one = docx.Document(out_dir / next(n for n in letters if n.startswith("thu_moi_2400000011_")))
    cells = [c.text for t in one.tables for row in t.rows for c in row.cells]
    assert "Rượu Làng Vân" in cells and "31/12/2022" in cells and "Tỉnh 2019" in cells
    assert "Kính gửi: HTX rượu làng Vân" in "\n".join(p.text for p in one.paragraphs)
    assert "Sở Công Thương tỉnh Bắc Giang".upper() in "\n".join(c.upper() for c in cells)


def test_letters_with_pdf_give_a_pdf_per_letter_and_for_the_print_file(capsys, filled, tmp_path, soffice):
    out_dir = tmp_path / "thu"
    code, out, _ = run(capsys, "register", "expiring", "--year", 2022, "--letters", "--pdf", "--out", out_dir,
                       "--register", filled)
    assert code == 0 and "(4 tệp PDF)" in out
    letters = sorted(p.stem for p in out_dir.glob("thu_moi_*.docx"))
    assert sorted(p.stem for p in out_dir.glob("*.pdf")) == letters and len(letters) == 3 + 1

    def text(stem):
        return " ".join(subprocess.run(["pdftotext", str(out_dir / f"{stem}.pdf"), "-"], capture_output=True,
                                       text=True).stdout.split())
    assert text(rs.LETTERS_MERGED.removesuffix(".docx")).count("Kính gửi:") == 3
    one = text(next(s for s in letters if s.startswith("thu_moi_2400000011_")))
    assert one.count("Kính gửi:") == 1 and "Kính gửi: HTX rượu làng Vân" in one and "31/12/2022" in one


def test_a_product_recognised_again_is_not_invited(capsys, filled, tmp_path):
    code, out, _ = run(capsys, "register", "expiring", "--year", 2020, "--register", filled, "--letters",
                       "--out", tmp_path / "thu")
    assert code == 0
    rượu = next(line for line in out.splitlines() if "Rượu làng Vân" in line)
    assert rs.STATUS_RENEWED in rượu  # the 2017 certificate: the product was recognised again in 2019
    assert "3 giấy chứng nhận hết hiệu lực trong năm 2020; 2 sản phẩm của 2 cơ sở" in out
    assert len(list((tmp_path / "thu").glob("*.docx"))) == 2 + 1


def test_a_year_without_certificates_says_which_years_the_register_holds(capsys, filled):
    code, out, _ = run(capsys, "register", "expiring", "--year", 2030, "--register", filled)
    assert code == 0 and "từ năm 2020 đến 2022" in out
    with pytest.raises(SystemExit) as exited:
        main(["register", "expiring", "--year", "1800", "--register", filled])
    assert exited.value.code == 2 and "ngoài khoảng 1990–2100" in capsys.readouterr().err


def test_show_an_establishment_by_tax_number_and_by_name(capsys, filled):
    code, out, _ = run(capsys, "register", "show", "2400000011", "--register", filled)
    assert code == 0
    assert "Tên đã đăng ký: Hợp tác xã Rượu làng Vân; HTX rượu làng Vân" in out
    assert "T17-01" in out and "T19-01" in out and "85,00" in out and "88,00" in out
    assert rs.STATUS_RENEWED in out
    code, out, _ = run(capsys, "register", "show", "nguyen van ke", "--register", filled)
    assert code == 0 and out.count("Đăng ký:") == 2  # two establishments of that name (two tax numbers)
    assert "Bản thuyết minh sản phẩm" in out  # the 2019 Miến dong dossier lacked it
    code, _, err = run(capsys, "register", "show", "không có ai", "--register", filled)
    assert code == 2 and "không có cơ sở nào" in err


def test_export_one_table_per_view_with_real_dates(capsys, filled, tmp_path):
    path = tmp_path / "xuat.xlsx"
    code, out, _ = run(capsys, "register", "export", path, "--register", filled)
    assert code == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [rs.VIEW_ESTABLISHMENTS, rs.VIEW_PRODUCTS, rs.VIEW_REGISTRATIONS, rs.VIEW_RECOGNITIONS,
                             rs.VIEW_ACTIVITIES, rs.VIEW_DUPLICATES]
    sizes = {}
    for ws in wb.worksheets:
        assert len(ws.tables) == 1 and ws.freeze_panes == "A2"
        sizes[ws.title] = sum(1 for row in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in row))
    assert sizes == {"Cơ sở": 5, "Sản phẩm": 6, "Đăng ký": 8, "Công nhận": 6, "Hoạt động": 0, "Nghi trùng": 1}
    head = [c.value for c in wb["Công nhận"][1]]
    rows = [dict(zip(head, r)) for r in wb["Công nhận"].iter_rows(min_row=2, values_only=True)]
    t19 = next(r for r in rows if r["Mã sản phẩm"] == "T19-01")
    assert t19["Hiệu lực đến"] == dt.datetime(2022, 12, 31) and t19["Ngày cấp"] == dt.datetime(2019, 11, 15)
    pair = next(wb["Nghi trùng"].iter_rows(min_row=2, values_only=True))
    assert pair[1] == pair[4] == "Hộ kinh doanh Nguyễn Văn Kế" and {pair[2], pair[5]} == {"8100000022", "8100000099"}


def test_nghi_trung_lists_and_never_merges(capsys, filled):
    code, out, _ = run(capsys, "register", "nghi-trung", "--register", filled)
    assert code == 0 and "1 cặp cơ sở nghi trùng" in out and "Dĩnh Kế" in out
    code, out, _ = run(capsys, "register", "show", "nguyen van ke", "--register", filled)
    assert out.count("Đăng ký:") == 2  # still two establishments


def test_a_locked_sqlite_register_is_a_message(capsys, history, tmp_path, monkeypatch):
    from xl_addin.register import location

    path = tmp_path / "so.sqlite"
    assert run(capsys, "register", "add", history[0], "--register", path)[0] == 0
    monkeypatch.setattr(location, "SQLITE_TIMEOUT", 0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run(capsys, "register", "add", history[0], "--register", path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 2 and "đang bị một chương trình khác khóa" in err and "Traceback" not in err


def test_a_postgresql_server_that_does_not_answer_is_a_message(capsys, tmp_path):
    code, _, err = run(capsys, "register", "show", "x", "--register", "postgresql://ai:matkhau@127.0.0.1:9/so")
    assert code == 2 and "Không kết nối được máy chủ PostgreSQL" in err and "matkhau" not in err


def test_a_register_on_a_network_share_is_warned_about(capsys, tmp_path):
    from xl_addin.register import location

    assert location.network_path(location.Path(r"\\may-chu\chung\so_theo_doi.sqlite"))
    mounts = tmp_path / "mounts"
    share = tmp_path / "share"
    share.mkdir()
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/x {share} nfs4 rw 0 0\n", encoding="utf-8")
    assert location._mount_type(share / "so.sqlite", str(mounts)) == "nfs4"
    assert location._mount_type(tmp_path / "so.sqlite", str(mounts)) == "ext4"


def test_the_network_warning_reaches_the_user(capsys, history, tmp_path, monkeypatch):
    from xl_addin.register import location

    monkeypatch.setattr(location, "network_path", lambda path: True)  # as on a mapped \\server\share drive
    code, _, err = run(capsys, "register", "add", history[0], "--register", tmp_path / "so.sqlite")
    assert code == 0 and "nằm trên ổ mạng" in err and "PostgreSQL" in err


def test_a_reversed_period_is_refused(register):
    from xl_addin.register import RegisterError

    with pytest.raises(RegisterError) as caught:
        register.report_data(2020, 2019)
    assert "Năm đầu phải nhỏ hơn" in caught.value.message


def test_the_register_defaults_to_the_folder_holding_the_contests(capsys, history, tmp_path, monkeypatch):
    import shutil

    monkeypatch.delenv(rs.REGISTER_ENV, raising=False)
    shutil.copytree(history[0], tmp_path / "bg2017")
    code, out, _ = run(capsys, "register", "add", tmp_path / "bg2017" / "binhchon.xlsx")
    assert code == 0 and (tmp_path / rs.REGISTER_FILE).is_file() and str(tmp_path / rs.REGISTER_FILE) in out
    monkeypatch.chdir(tmp_path)  # commands without DIR use the register of the current folder
    code, out, _ = run(capsys, "register", "show", "2400000011")
    assert code == 0 and "T17-01" in out
    monkeypatch.setenv(rs.REGISTER_ENV, str(tmp_path / "khac.sqlite"))  # unless the environment names another
    code, _, err = run(capsys, "register", "show", "2400000011")
    assert code == 2 and "khac.sqlite" in err and (tmp_path / "khac.sqlite").is_file()
