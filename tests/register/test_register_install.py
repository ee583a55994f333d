"""A non-editable install carries the register's migrations: a wheel built from the tree opens a register."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import sys
sys.path.insert(0, sys.argv[1])
import xl_addin
assert xl_addin.__file__.startswith(sys.argv[1]), xl_addin.__file__
from pathlib import Path
from xl_addin.register import open_register
from xl_addin.register.migrate import head_revision
with open_register(sys.argv[2], Path(sys.argv[2]).parent) as reg:
    with reg.engine.connect() as conn:
        print(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar(), head_revision())
"""


def test_a_wheel_of_the_tree_creates_a_register_at_the_newest_revision(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                           capture_output=True, text=True)
    if built.returncode != 0:
        pytest.fail("pip wheel failed:\n" + built.stderr[-2000:])
    [wheel] = tmp_path.glob("binhchon-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "xl_addin/register/migrations/versions/0001_initial.py" in names
        assert "xl_addin/register/migrations/versions/0003_duplicate_decisions.py" in names
        zf.extractall(tmp_path / "site")
    out = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path / "site"), str(tmp_path / "so.sqlite")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    current, head = out.stdout.split()
    assert current == head == "0003"
