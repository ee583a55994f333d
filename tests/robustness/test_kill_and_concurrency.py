"""`results` killed (SIGKILL) at many random moments leaves the old workbook or the new one, never a
mix; two `results` started together both finish, one after the other, and both log rows stay.

More kill moments: BINHCHON_KILL_RUNS=200 .venv/bin/python -m pytest tests/robustness -k kill
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from xl_addin.domain import schema

KILL_RUNS = int(os.environ.get("BINHCHON_KILL_RUNS", "8"))


def start(folder: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "xl_addin.cli", "results", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def values(path: Path) -> dict[str, list[tuple]]:
    """Every sheet's values, the log's time column left out (it is the only thing a rerun changes)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
        out[ws.title] = [r[1:] for r in rows] if ws.title == schema.SHEET_LOG else rows
    return out


@pytest.fixture(scope="module")
def reference(_scored_master, tmp_path_factory):
    """The scored contest before `results`, and the workbook one uninterrupted run makes of it."""
    folder = Path(shutil.copytree(_scored_master, tmp_path_factory.mktemp("ref") / "bg2019"))
    old = (folder / schema.CONTEST_FILE).read_bytes()
    t0 = time.monotonic()
    proc = start(folder)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, out + err
    return old, values(folder / schema.CONTEST_FILE), time.monotonic() - t0


def test_a_killed_results_leaves_the_old_or_the_new_workbook(_scored_master, reference, tmp_path):
    old, new, duration = reference
    rng = random.Random(20191115)
    outcomes = {"old": 0, "new": 0}
    for i in range(KILL_RUNS):
        folder = Path(shutil.copytree(_scored_master, tmp_path / f"run{i}"))
        proc = start(folder)
        time.sleep(rng.uniform(0.2, 1.05) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        path = folder / schema.CONTEST_FILE
        if path.read_bytes() == old:
            outcomes["old"] += 1
        else:
            assert values(path) == new, f"run {i}: the workbook is neither the old nor the new version"
            outcomes["new"] += 1
        judges = {p.name: p.read_bytes() for p in (folder / schema.JUDGES_DIR).iterdir()}
        assert judges == {p.name: p.read_bytes() for p in (_scored_master / schema.JUDGES_DIR).iterdir()}
        shutil.rmtree(folder)
    print("kill outcomes", outcomes)
    assert sum(outcomes.values()) == KILL_RUNS


def test_two_results_at_once_both_finish_and_both_log_rows_stay(scored, reference):
    _, new, _ = reference
    log_before = len(values(scored / schema.CONTEST_FILE)[schema.SHEET_LOG])
    first, second = start(scored), start(scored)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outs
    after = values(scored / schema.CONTEST_FILE)
    log = after[schema.SHEET_LOG]
    assert len(log) == log_before + 2
    assert [r[0] for r in log[-2:]] == ["Tính kết quả", "Tính kết quả"]
    assert after[schema.SHEET_RESULTS] == new[schema.SHEET_RESULTS]  # one complete run, not a mix
