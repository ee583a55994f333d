"""Fixtures of the bad-input catalogue: sample contests copied per test, a CLI runner, file hashes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from xl_addin.cli import main
from xl_addin.domain import schema
from xl_addin.usecases.demo import fill_inputs, play_judges
from xl_addin.usecases.init import init_contest
from xl_addin.usecases.judges import make_judge_sheets
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.contest_lock import LOCK_NAME


class Run:
    """One CLI run: its exit code and what it printed."""

    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def text(self) -> str:
        """Everything printed, stdout then stderr."""
        return self.out + self.err

    def __repr__(self) -> str:
        return f"Run(code={self.code}, out={self.out[-2000:]!r}, err={self.err[-2000:]!r})"


@pytest.fixture
def cli(capsys):
    """Run `binhchon ARGS…` in-process; never a traceback, never the catch-all (exit 3)."""
    def run(*argv: object) -> Run:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        result = Run(code, captured.out, captured.err)
        assert "Traceback" not in result.text and "Lỗi không mong đợi" not in result.text, result
        assert code != 3, result
        return result
    return run


def _build(folder: Path, scored: bool) -> Path:
    init_contest(folder, year=2019, level="tinh", province="Bắc Giang")
    fill_inputs(folder / schema.CONTEST_FILE)
    if scored:
        book = FileContestBook(folder / schema.CONTEST_FILE)
        make_judge_sheets(book)
        book.save()
        play_judges(folder)
    return folder


@pytest.fixture(scope="session")
def _contest_master(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("master") / "bg2019", scored=False)


@pytest.fixture(scope="session")
def _scored_master(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("master-scored") / "bg2019", scored=True)


@pytest.fixture
def contest(_contest_master, tmp_path) -> Path:
    """A fresh copy of the sample contest, registrations and judges typed, no judges' sheets."""
    return Path(shutil.copytree(_contest_master, tmp_path / "bg2019"))


@pytest.fixture
def scored(_scored_master, tmp_path) -> Path:
    """A fresh copy of the sample contest with every judge's workbook made and filled."""
    return Path(shutil.copytree(_scored_master, tmp_path / "bg2019"))


def hashes(*paths: Path) -> dict[str, str]:
    """SHA-256 of every file under the given files and folders (the contest's lock file aside)."""
    out: dict[str, str] = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for f in files:
            if f.name == LOCK_NAME:
                continue
            out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out
