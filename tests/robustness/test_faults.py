"""Faults of the computer, not of the data: a read-only folder or file, a full disk, a vanished
folder, another run holding the contest. Each a Vietnamese message naming the file, never a
traceback, the previous workbook intact; backups in sao_luu/ kept up to a limit."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from xl_addin.domain import schema
from xl_addin.errors import WorkbookError
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.contest_lock import ContestLock
from xl_addin.workbooks.xlsx_io import MAX_BACKUPS

from .conftest import hashes


def binhchon(*argv, preexec=None, env=None, prefix=()) -> subprocess.CompletedProcess:
    """The command in a process of its own (faults that need their own process: limits, privileges)."""
    cmd = [*prefix, sys.executable, "-m", "xl_addin.cli", *map(str, argv)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, preexec_fn=preexec,
                          env={**os.environ, **(env or {})})


def no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr + proc.stdout and "Lỗi không mong đợi" not in proc.stderr, proc


def unprivileged() -> tuple[str, ...]:
    """A prefix that makes root obey permission bits (file permissions mean nothing to root)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: permission bits cannot be tested")
    return (setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--")


def test_a_read_only_contest_folder(contest):
    before = hashes(contest)
    for p in [contest, *contest.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o666 if p.name == schema.CONTEST_FILE else 0o444)
    try:
        proc = binhchon("validate", contest, prefix=unprivileged())
    finally:
        for p in [contest, *contest.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
    no_traceback(proc)
    assert proc.returncode == 2, proc
    assert "Không ghi được binhchon.xlsx" in proc.stderr and "không có quyền ghi" in proc.stderr, proc
    assert hashes(contest) == before
    openpyxl.load_workbook(contest / schema.CONTEST_FILE)


def test_a_read_only_contest_workbook(contest):
    path = contest / schema.CONTEST_FILE
    before = hashes(contest)
    path.chmod(0o444)
    try:
        proc = binhchon("validate", contest, prefix=unprivileged())
    finally:
        path.chmod(0o644)
    no_traceback(proc)
    assert proc.returncode == 2 and "binhchon.xlsx đang ở chế độ chỉ đọc" in proc.stderr, proc
    assert hashes(contest) == before


def _small_disk(tmp_path: Path, contest: Path) -> Path | None:
    """The contest copied onto a real 3 MB tmpfs (root only); None where it cannot be mounted."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return None
    mnt = tmp_path / "usb"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True).returncode:
        return None
    shutil.copytree(contest, mnt / "bg2019")
    return mnt


def _fill_up(mnt: Path) -> None:
    """Fill the disk so that the workbook's backup and save cannot fit."""
    fd = os.open(mnt / "filler.bin", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:  # ENOSPC: the disk is full
        pass
    finally:
        os.close(fd)


def test_a_full_disk_while_saving(scored, tmp_path):
    mnt = _small_disk(tmp_path, scored)
    folder = mnt / "bg2019" if mnt else scored
    try:
        before = hashes(folder)
        if mnt:
            _fill_up(mnt)
            preexec = None
        else:  # no tmpfs: a file-size limit makes the disk "full" for this process alone
            limit = (folder / schema.CONTEST_FILE).stat().st_size // 2

            def preexec():
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        proc = binhchon("results", folder, preexec=preexec)
        no_traceback(proc)
        assert proc.returncode == 2, proc
        assert "Không ghi được binhchon.xlsx" in proc.stderr and "đã đầy" in proc.stderr, proc
        assert hashes(folder) == before  # the workbook, its backups, the judges' files: all as they were
        assert not list(folder.glob(".binhchon-*")) and not list((folder / schema.BACKUP_DIR).glob("*.tmp"))
        openpyxl.load_workbook(folder / schema.CONTEST_FILE)
    finally:
        if mnt:
            subprocess.run(["umount", str(mnt)], check=True)


def test_a_read_only_disk(contest, tmp_path):
    mnt = _small_disk(tmp_path, contest)
    if mnt is None:
        pytest.skip("needs root and tmpfs to mount a read-only disk")
    folder = mnt / "bg2019"
    try:
        before = hashes(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        proc = binhchon("validate", folder)
        no_traceback(proc)
        assert proc.returncode == 2 and "chỉ cho đọc" in proc.stderr and "binhchon.xlsx" in proc.stderr, proc
        assert hashes(folder) == before
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_a_folder_that_vanishes_before_the_save(contest):
    book = FileContestBook(contest / schema.CONTEST_FILE)
    book.read([schema.SHEET_INFO])
    book.append_rows(schema.SHEET_LOG, [["x", "y", "", ""]])
    moved = contest.with_name("rut-usb")
    contest.rename(moved)  # the USB stick pulled out
    with pytest.raises(WorkbookError) as caught:
        book.save()
    assert "binhchon.xlsx" in caught.value.message and "Không tìm thấy" in caught.value.message
    assert not contest.exists()


def test_backups_are_kept_up_to_a_limit_and_judges_files_there_never_pruned(contest, cli):
    backups = contest / schema.BACKUP_DIR
    backups.mkdir(exist_ok=True)
    for day in range(1, 41):
        (backups / f"binhchon-201901{day % 28 + 1:02d}-0{day % 10}0000-{day:06d}.xlsx").write_bytes(b"old")
    judge_copy = backups / "GK01-20190101-000000-000001.xlsx"
    judge_copy.write_bytes(b"judge")
    run = cli("validate", contest)
    assert run.code == 0
    kept = sorted(p.name for p in backups.glob("binhchon-*.xlsx"))
    assert len(kept) == MAX_BACKUPS
    newest = max(kept)
    assert newest.startswith("binhchon-20") and newest > "binhchon-2019"  # this run's copy is kept
    assert judge_copy.read_bytes() == b"judge"


def test_a_second_run_waits_then_names_the_action_and_computer_holding_the_contest(contest, cli, monkeypatch):
    before = hashes(contest)
    holder = ContestLock(contest / schema.CONTEST_FILE, action="binhchon results")
    holder.acquire()
    monkeypatch.setenv("BINHCHON_LOCK_WAIT", "0.5")
    try:
        run = cli("validate", contest)
    finally:
        holder.release()
    assert run.code == 2
    assert "“binhchon results”" in run.err and socket.gethostname() in run.err and "0,5 giây" in run.err, run
    assert hashes(contest) == before
    assert cli("validate", contest).code == 0  # released: the next run goes ahead


def test_the_contest_workbook_open_in_excel(contest, cli):
    (contest / "~$binhchon.xlsx").write_bytes(b"\x0bNguyen Van A")
    before = hashes(contest)
    run = cli("validate", contest)
    assert run.code == 2 and "đang mở trong Excel" in run.err and "~$binhchon.xlsx" in run.err, run
    assert hashes(contest) == before
