"""Where the workbook templates are: the installed package data, the repository, or built on the fly."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import WorkbookError
from ..resources import resource_dir

CONTEST_TEMPLATE = "binhchon.xlsx"
SCORING_TEMPLATE = "phieu_cham.xlsx"
TEMPLATE_NAMES = (CONTEST_TEMPLATE, SCORING_TEMPLATE)

REPO_TEMPLATES_DIR = resource_dir("workbook_templates")

_built: dict[str, Path] = {}


def template_dirs() -> tuple[Path, ...]:
    """The folders searched for templates, in order."""
    return (REPO_TEMPLATES_DIR,)


def template_path(name: str) -> Path:
    """The path of a workbook template; built into a temporary folder when no copy is installed."""
    if name not in TEMPLATE_NAMES:
        raise WorkbookError(f"Không có mẫu sổ Excel tên {name!r}. Các mẫu có: {', '.join(TEMPLATE_NAMES)}.")
    for folder in template_dirs():
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return _build_on_the_fly(name)


def _build_on_the_fly(name: str) -> Path:
    # An installed package without its data files still works: the templates are code.
    cached = _built.get(name)
    if cached is not None and cached.is_file():
        return cached
    from .build_templates import BUILDERS  # late import: the builders use this module

    target = Path(tempfile.mkdtemp(prefix="binhchon-mau-")) / name
    BUILDERS[name](target)
    _built[name] = target
    return target
