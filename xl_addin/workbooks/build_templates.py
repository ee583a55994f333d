"""Regenerate the workbook templates in workbook_templates/: python -m xl_addin.workbooks.build_templates."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from .contest_template import build_contest_template
from .judge_workbook import build_scoring_template
from .paths import CONTEST_TEMPLATE, REPO_TEMPLATES_DIR, SCORING_TEMPLATE

BUILDERS: dict[str, Callable[[Path], None]] = {
    CONTEST_TEMPLATE: build_contest_template,
    SCORING_TEMPLATE: build_scoring_template,
}


def build_templates(folder: Path = REPO_TEMPLATES_DIR) -> list[Path]:
    """Write every workbook template into folder; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        build(folder / name)
        written.append(folder / name)
    return written


def main(argv: list[str] | None = None) -> int:
    """Build the templates into the folder given as the only argument (default workbook_templates/)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else REPO_TEMPLATES_DIR
    for path in build_templates(folder):
        print(f"Đã tạo {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
