"""The judges' files read ahead by threads (issue 11, session 5) give what reading them one by one gave.

`usecases.judge_reads.JudgeReads` reads the judges' workbooks two at a time while `results` reads
the contest workbook; these tests hold it to the plain loop on the sample contest with damaged
and garbage files among good ones: the same rows, the same errors in the same order, the same
findings from `binhchon results`, and no thread left behind by a step that stops early.
"""

from __future__ import annotations

import json
import os
import shutil
import threading

import pytest

from xl_addin.domain import schema
from xl_addin.errors import WorkbookError
from xl_addin.usecases import judge_reads
from xl_addin.usecases.judge_reads import JudgeReads, read_or_why
from xl_addin.usecases.results import judge_files

from .bad_files import patch_part, sheet_part

PHIEU = schema.JUDGES_DIR


def _spoil(folder) -> None:
    """A garbage file, a file damaged inside and a renamed copy among the judges' good files."""
    (folder / PHIEU / "GK06.xlsx").write_bytes(os.urandom(5000))
    path = folder / PHIEU / "GK04.xlsx"
    patch_part(path, sheet_part(path, schema.SHEET_SCORING), lambda xml: xml.replace(b"</row>", b"</rwo>", 1))
    shutil.copy(folder / PHIEU / "GK02.xlsx", folder / PHIEU / "GK02 - Copy.xlsx")


def _plain(outcome):
    """A read as something to compare: the rows, or the error's class and message."""
    return (type(outcome).__name__, outcome.message) if isinstance(outcome, WorkbookError) else outcome


def test_files_read_ahead_are_the_files_read_one_by_one(scored):
    _spoil(scored)
    files = judge_files(scored)
    one_by_one = [(path, _plain(read_or_why(path))) for path in files]
    with JudgeReads(files) as reads:
        ahead = [(path, _plain(raw)) for path, raw in reads]
    assert ahead == one_by_one
    errors = [(path.name, read[0]) for path, read in ahead if isinstance(read, tuple)]
    assert errors == [("GK04.xlsx", "WorkbookError"), ("GK06.xlsx", "WorkbookError")]
    assert sum(isinstance(read, dict) for _, read in ahead) == len(files) - 2 >= 5


@pytest.mark.parametrize("window", [1, 2, 100])
def test_the_results_step_finds_the_same_whatever_is_read_ahead(scored, cli, tmp_path, monkeypatch, window):
    _spoil(scored)
    serial = shutil.copytree(scored, tmp_path / "serial")
    run = cli("results", scored, "--json")
    with monkeypatch.context() as patch:
        patch.setattr(judge_reads, "READ_AHEAD", 1)
        patch.setattr(judge_reads, "WINDOW", window)
        again = cli("results", serial, "--json")
    assert run.code == again.code == 1
    found = json.loads(run.out)
    assert found == json.loads(again.out)
    assert [(f["code"], f["file"]) for f in found if f["code"] == "unreadable-file"] == [
        ("unreadable-file", f"{PHIEU}/GK04.xlsx"), ("unreadable-file", f"{PHIEU}/GK06.xlsx")]
    assert "duplicate-judge" in {f["code"] for f in found}


def test_a_step_stopped_early_leaves_no_reading_thread(scored):
    before = set(threading.enumerate())
    reads = JudgeReads(judge_files(scored))
    reads.close()  # the contest workbook had errors: the judges' files are not wanted
    assert set(threading.enumerate()) <= before
    with JudgeReads(judge_files(scored)) as reads:
        first = next(iter(reads))
    assert first[0].name == "GK01.xlsx" and isinstance(first[1], dict)
    assert set(threading.enumerate()) <= before


def test_an_unexpected_error_is_raised_where_the_file_is_taken(scored, monkeypatch):
    files = judge_files(scored)
    real = judge_reads.read_judge_workbook

    def failing(path, **kwargs):
        if path.name == "GK03.xlsx":
            raise RuntimeError("đĩa hỏng")
        return real(path, **kwargs)

    monkeypatch.setattr(judge_reads, "read_judge_workbook", failing)
    before = set(threading.enumerate())
    taken = []
    with pytest.raises(RuntimeError, match="đĩa hỏng"), JudgeReads(files) as reads:
        for path, read in reads:
            taken.append(path.name)
    assert taken == ["GK01.xlsx", "GK02.xlsx"]
    assert set(threading.enumerate()) <= before
