"""The README's excerpt of `make demo` is the demo's real output (lines marked … are left out)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARKER = "`make demo` writes everything"


def readme_excerpt() -> list[str]:
    """The lines of the code block after the README's sentence about `make demo`."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("```\n", text.index(MARKER)) + 4
    return text[start:text.index("```\n", start)].splitlines()


def test_the_readme_excerpt_is_the_demos_output(tmp_path, soffice):
    exe = Path(sys.executable).with_name("binhchon")
    env = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run([str(exe), "demo", "demo_output"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, encoding="utf-8")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    output = done.stdout.splitlines()
    position = 0
    for line in readme_excerpt():
        if line == "…":
            continue
        assert line in output[position:], f"README line not in the demo's output (in this order): {line!r}"
        position = output.index(line, position) + 1
    assert readme_excerpt()[0] == output[0] and readme_excerpt()[-1] == output[-1]
