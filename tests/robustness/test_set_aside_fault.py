"""`judges --ghi-de` where the old judges' files cannot be set aside: a message naming the file, nothing lost."""

from __future__ import annotations

import stat

from xl_addin.cli import main
from xl_addin.domain import schema
from xl_addin.usecases import demo
from xl_addin.usecases.init import init_contest


def test_a_read_only_backup_folder_is_said_by_name_and_the_judges_files_stay(tmp_path, capsys):
    folder = tmp_path / "bg2019"
    demo.fill_inputs(init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path)
    assert main(["judges", str(folder)]) == 0
    backups = folder / schema.BACKUP_DIR
    backups.mkdir(exist_ok=True)
    judge_file = sorted((folder / schema.JUDGES_DIR).glob("*.xlsx"))[0]
    before = judge_file.read_bytes()
    # sao_luu/ is a file here, so nothing can be moved into it, whoever runs the test (root included)
    for p in backups.iterdir():
        p.unlink()
    backups.rmdir()
    backups.write_text("not a folder")
    capsys.readouterr()
    code = main(["judges", str(folder), "--ghi-de"])
    err = capsys.readouterr().err
    assert code == 2
    assert judge_file.name in err and "Lỗi không mong đợi" not in err and "Traceback" not in err
    assert judge_file.read_bytes() == before
    assert stat.S_ISREG(backups.stat().st_mode)


def test_init_where_a_file_stands_in_the_folder_s_place_is_said_by_name(tmp_path, capsys):
    blocker = tmp_path / "bg2025"
    blocker.write_text("a file, not a folder")
    code = main(["init", str(blocker / "cuoc"), "--year", "2025", "--level", "tinh", "--province", "Bắc Ninh"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(blocker) in err and "không phải thư mục" in err
    assert "Lỗi không mong đợi" not in err and "Traceback" not in err
    assert blocker.read_text() == "a file, not a folder"
