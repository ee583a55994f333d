"""Building and installing the desktop add-in, and the `binhchon addin|serve` sub-commands."""

from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from xl_addin.errors import BinhchonError, ExcelUnavailableError
from xl_addin.excel import addin
from xl_addin.excel.cli_hooks import register_cli

ROOT = Path(__file__).resolve().parents[2]
not_windows = pytest.mark.skipif(sys.platform == "win32", reason="checks the refusal outside Windows")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="binhchon")
    register_cli(p.add_subparsers(dest="command", required=True))
    return p


@not_windows
@pytest.mark.parametrize("step", ["build", "install"])
def test_addin_commands_refuse_outside_windows_with_a_vietnamese_message(step, tmp_path):
    args = parser().parse_args(["addin", step])
    with pytest.raises(ExcelUnavailableError) as caught:
        args.func(args)
    assert f"binhchon addin {step}" in caught.value.message and "Windows" in caught.value.message


def test_the_ribbon_is_swapped_into_the_template_and_the_rest_kept(tmp_path):
    target = tmp_path / addin.ADDIN_FILE
    shutil.copyfile(addin.template_path(), target)
    ribbon = (ROOT / "macros" / addin.RIBBON_FILE).read_bytes()
    addin.replace_custom_ui(target, ribbon)
    with zipfile.ZipFile(addin.template_path()) as before, zipfile.ZipFile(target) as after:
        assert after.read(addin.RIBBON_PART) == ribbon
        assert after.namelist() == before.namelist()
        assert after.read("xl/vbaProject.bin") == before.read("xl/vbaProject.bin")


def test_the_sources_are_found_or_refused_clearly(tmp_path):
    bas, ribbon = addin.macro_files(addin.default_source())
    assert bas.name == "BinhChon.bas" and ribbon.name == "customUI.xml"
    with pytest.raises(BinhchonError, match="BinhChon.bas"):
        addin.macro_files(tmp_path)


def test_serve_refuses_a_missing_folder(tmp_path):
    args = parser().parse_args(["serve", "--folder", str(tmp_path / "nowhere"), "--port", "8123"])
    assert (args.port, args.host) == (8123, "127.0.0.1")
    with pytest.raises(BinhchonError, match="nowhere"):
        args.func(args)


def test_serve_runs_uvicorn_on_the_app_for_the_folder_under_the_noncommercial_licence(tmp_path, monkeypatch, capsys):
    import os

    import uvicorn

    monkeypatch.delenv("XLWINGS_LICENSE_KEY")
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    args = parser().parse_args(["serve", "--folder", str(tmp_path), "--http"])  # plain HTTP now needs asking
    assert args.func(args) == 0
    assert seen["port"] == 8000 and seen["app"].title == "Bình chọn CNNT"
    out = capsys.readouterr().out
    assert str(tmp_path.resolve()) in out and "PolyForm Noncommercial" in out
    assert os.environ["XLWINGS_LICENSE_KEY"] == "noncommercial"


def test_the_cli_hooks_do_not_import_xlwings_until_a_command_runs():
    import subprocess

    code = "import sys, xl_addin.cli, xl_addin.excel.cli_hooks; sys.exit('xlwings' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
