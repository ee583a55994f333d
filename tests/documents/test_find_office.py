"""LibreOffice is found where its installers put it (Windows, macOS), on PATH, or where a setting says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xl_addin.documents import pdf as pdf_mod
from xl_addin.domain import document_messages as msg

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the fake soffice is a POSIX shell script")


def fake_soffice(path: Path, log: Path) -> Path:
    """An executable that records its arguments (one per line) and makes nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "{log}"\n', encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """An environment whose PATH holds no LibreOffice."""
    empty = tmp_path / "bin"
    empty.mkdir()
    return {"PATH": str(empty)}


def test_a_windows_install_under_program_files_is_found_and_used(tmp_path, bare_env):
    program_files = tmp_path / "Program Files"
    log = tmp_path / "args.txt"
    soffice = fake_soffice(program_files / "LibreOffice" / "program" / "soffice.exe", log)
    env = {**bare_env, "ProgramFiles": str(program_files)}
    assert pdf_mod.find_office(env, home=tmp_path / "home") == str(soffice)
    # and the conversion calls it (the fake makes no PDF, which is then reported in Vietnamese)
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    old = os.environ.copy()
    try:
        os.environ.clear()
        os.environ.update(env)
        pdfs, problem = pdf_mod.convert([docx], tmp_path, timeout=30)
    finally:
        os.environ.clear()
        os.environ.update(old)
    assert pdfs == [] and problem is not None and "a.pdf" in problem
    args = log.read_text(encoding="utf-8").splitlines()
    assert "--convert-to" in args and str(docx) in args


def test_an_install_for_me_only_and_a_32_bit_install_are_found(tmp_path, bare_env):
    local = tmp_path / "AppData" / "Local"
    soffice = fake_soffice(local / "Programs" / "LibreOffice" / "program" / "soffice.exe", tmp_path / "l.txt")
    assert pdf_mod.find_office({**bare_env, "LOCALAPPDATA": str(local)}, home=tmp_path) == str(soffice)
    x86 = tmp_path / "Program Files (x86)"
    soffice = fake_soffice(x86 / "LibreOffice" / "program" / "soffice.exe", tmp_path / "x.txt")
    assert pdf_mod.find_office({**bare_env, "ProgramFiles(x86)": str(x86)}, home=tmp_path) == str(soffice)


def test_a_macos_install_in_the_users_applications_is_found(tmp_path, bare_env):
    home = tmp_path / "home"
    soffice = fake_soffice(home / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice", tmp_path / "m.txt")
    assert pdf_mod.find_office(bare_env, home=home) == str(soffice)


def test_the_setting_names_another_place_and_comes_first(tmp_path, bare_env):
    on_path = fake_soffice(Path(bare_env["PATH"]) / "soffice", tmp_path / "p.txt")
    elsewhere = fake_soffice(tmp_path / "D" / "LO" / "program" / "soffice", tmp_path / "s.txt")
    assert pdf_mod.find_office(bare_env, home=tmp_path) == str(on_path)
    env = {**bare_env, msg.OFFICE_SETTING: str(elsewhere)}
    assert pdf_mod.find_office(env, home=tmp_path) == str(elsewhere)
    env = {**bare_env, msg.OFFICE_SETTING: f'"{tmp_path / "D" / "LO"}"'}  # the folder, quoted as on Windows
    assert pdf_mod.find_office(env, home=tmp_path) == str(elsewhere)


def test_path_comes_before_the_install_folders(tmp_path, bare_env):
    on_path = fake_soffice(Path(bare_env["PATH"]) / "libreoffice", tmp_path / "p.txt")
    program_files = tmp_path / "PF"
    fake_soffice(program_files / "LibreOffice" / "program" / "soffice.exe", tmp_path / "w.txt")
    assert pdf_mod.find_office({**bare_env, "ProgramFiles": str(program_files)}, home=tmp_path) == str(on_path)


def test_nothing_found_and_a_file_that_cannot_run(tmp_path, bare_env):
    program_files = tmp_path / "PF"
    target = program_files / "LibreOffice" / "program" / "soffice.exe"
    target.parent.mkdir(parents=True)
    target.write_text("not a program")  # not executable
    assert pdf_mod.find_office({**bare_env, "ProgramFiles": str(program_files)}, home=tmp_path) is None


@pytest.mark.parametrize(("platform", "says", "never"), [
    ("win32", "libreoffice.org/download", "apt-get"),
    ("darwin", "Applications", "apt-get"),
    ("linux", "sudo apt-get install libreoffice-writer", "Applications"),
])
def test_the_missing_message_speaks_of_the_users_own_system(platform, says, never):
    text = msg.libreoffice_missing(platform)
    assert says in text and never not in text
    assert msg.OFFICE_SETTING in text and "các tệp Word .docx vẫn được tạo" in text
