"""Files sent by communes and districts that cannot be imported: refused by name, the contest
workbook and the sent file both untouched."""

from __future__ import annotations

import os
import shutil

import openpyxl
import pytest

from xl_addin.domain import schema

from .bad_files import patch_part, sheet_part
from .conftest import hashes


def _damaged(path):
    patch_part(path, sheet_part(path, schema.SHEET_REGISTRATIONS), lambda xml: xml[:-40])


CASES = [
    ("garbage", lambda p: p.write_bytes(os.urandom(3000)), ["luc_ngan.xlsx", "không phải là sổ Excel"]),
    ("folder", lambda p: p.mkdir(), ["luc_ngan.xlsx", "là một thư mục"]),
    ("missing", lambda p: None, ["luc_ngan.xlsx", "Không tìm thấy"]),
    ("damaged-inside", _damaged, ["luc_ngan.xlsx", "sheet “Đăng ký”", "không phải XML hợp lệ"]),
]


@pytest.mark.parametrize("make, fragments", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_unusable_file_to_import_is_refused_by_name(contest, cli, tmp_path, make, fragments):
    incoming = tmp_path / "luc_ngan.xlsx"
    if make is _damaged:
        shutil.copy(contest / schema.CONTEST_FILE, incoming)
    make(incoming)
    before = hashes(contest, incoming)
    run = cli("import", contest, incoming)
    assert run.code == 2, run
    for fragment in fragments:
        assert fragment in run.err, (fragment, run)
    assert hashes(contest, incoming) == before
    openpyxl.load_workbook(contest / schema.CONTEST_FILE)
