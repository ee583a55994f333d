"""safe_files: whole-or-nothing writes, SHA-256 of a file, timestamped copies, on real files."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import zipfile

import pytest

from xl_addin import safe_files

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def test_bytes_are_written_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "a.bin"
    safe_files.write_atomically(target, b"first")
    safe_files.write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_a_writer_callback_writes_into_the_file(tmp_path):
    target = tmp_path / "a.zip"
    safe_files.write_atomically(target, lambda fh: _zip_into(fh, "x.txt", b"hello"))
    with zipfile.ZipFile(target) as z:
        assert z.read("x.txt") == b"hello"


def _zip_into(fh, name: str, data: bytes) -> None:
    with zipfile.ZipFile(fh, "w") as z:
        z.writestr(name, data)


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")

    def half(fh):
        fh.write(b"half of the new")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        safe_files.write_atomically(target, half)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_a_failing_replace_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "in use", str(dst))

    monkeypatch.setattr(safe_files.os, "replace", locked)
    with pytest.raises(PermissionError):
        safe_files.write_atomically(target, b"new", prefix=".x-", suffix=".xlsx")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


@POSIX
def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    kept = tmp_path / "shared.bin"
    kept.write_bytes(b"old")
    os.chmod(kept, 0o664)
    old_umask = os.umask(0o027)
    try:
        safe_files.write_atomically(kept, b"new")
        fresh = tmp_path / "fresh.bin"
        safe_files.write_atomically(fresh, b"new")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o664
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640  # 0666 without the umask's 027


def test_sha256_of_a_file(tmp_path):
    path = tmp_path / "abc.txt"
    path.write_bytes(b"abc")
    # The FIPS 180-2 test vector for "abc".
    assert safe_files.sha256_of(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    big = tmp_path / "big.bin"
    big.write_bytes(b"a" * 1_000_000)
    # The FIPS 180-2 test vector for one million 'a' (read across block boundaries here).
    assert safe_files.sha256_of(big) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"


def test_stamped_name_puts_the_time_before_the_suffix(tmp_path):
    when = dt.datetime(2025, 1, 2, 3, 4, 5, 6)
    assert safe_files.stamped_name(tmp_path / "binhchon.xlsx", when) == "binhchon-20250102-030405-000006.xlsx"


def test_backup_copy_copies_into_a_new_folder_and_move_moves(tmp_path):
    book = tmp_path / "binhchon.xlsx"
    book.write_bytes(b"book")
    copy = safe_files.backup_copy(book, tmp_path / "sao_luu")
    assert copy.parent == tmp_path / "sao_luu" and copy.read_bytes() == b"book" and book.exists()
    assert copy.name.startswith("binhchon-") and copy.suffix == ".xlsx"
    judge = tmp_path / "GK01.xlsx"
    judge.write_bytes(b"judge")
    moved = safe_files.backup_copy(judge, tmp_path / "sao_luu", move=True)
    assert moved.read_bytes() == b"judge" and not judge.exists()
    assert sorted(p.name for p in (tmp_path / "sao_luu").iterdir()) == sorted([copy.name, moved.name])


def test_only_a_durable_write_is_fsynced(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(safe_files.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    safe_files.write_atomically(tmp_path / "book.xlsx", b"the contest workbook")
    assert len(synced) == 1
    safe_files.write_atomically(tmp_path / "cert.docx", b"made again from the workbook", durable=False)
    assert len(synced) == 1
    assert (tmp_path / "cert.docx").read_bytes() == b"made again from the workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx", "cert.docx"]


def test_a_temporary_file_already_there_is_neither_reused_nor_removed(tmp_path, monkeypatch):
    import itertools

    monkeypatch.setattr(safe_files, "_COUNTER", itertools.count(7))
    other = tmp_path / f".binhchon-{safe_files._TOKEN}{os.getpid():x}-7.tmp"  # the name the next write would take
    other.write_bytes(b"another writer's")
    target = tmp_path / "a.bin"
    safe_files.write_atomically(target, bytearray(b"x" * 300_000), durable=False)
    safe_files.write_atomically(tmp_path / "b.bin", memoryview(b"abc"))
    assert target.read_bytes() == b"x" * 300_000 and (tmp_path / "b.bin").read_bytes() == b"abc"
    assert other.read_bytes() == b"another writer's"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([other.name, "a.bin", "b.bin"])
