"""The add-in's JavaScript under node (tests/js): the task pane's wiring and the custom functions' script.

Skipped with a reason where node or npm is missing; never on CI (CI set), where .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import xlwings as xw

from xl_addin.excel import messages as msg
from xl_addin.excel.functions_code import custom_functions_js
from xl_addin.excel.server import function_names

JS_DIR = Path(__file__).resolve().parents[1] / "js"


@pytest.fixture(scope="module")
def node() -> str:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        reason = "node and npm are not installed (Debian: apt-get install nodejs npm)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}. CI must run the JavaScript tests.")
        pytest.skip(reason)
    lock = JS_DIR / "package-lock.json"
    installed = JS_DIR / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=JS_DIR, check=True)
    return node


def test_the_javascript_passes_its_node_tests(node, tmp_path):
    code = tmp_path / "custom-functions-code.js"
    code.write_text(custom_functions_js(function_names(), xw.__version__), encoding="utf-8")
    fixtures = tmp_path / "fixtures.json"
    texts = {**msg.TASKPANE_TEXTS, "labels": msg.ACTION_LABELS, "title": msg.TITLE}
    fixtures.write_text(json.dumps({"texts": texts, "functions_code": str(code),
                                    "server_down": msg.FUNCTION_SERVER_DOWN}, ensure_ascii=False), encoding="utf-8")
    tests = sorted(str(p) for p in JS_DIR.glob("*.test.js"))
    assert len(tests) == 2
    run = subprocess.run([node, "--test", *tests], cwd=JS_DIR, capture_output=True, text=True,
                         env={**os.environ, "BINHCHON_JS_FIXTURES": str(fixtures)})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout and "# pass 14" in run.stdout, run.stdout
