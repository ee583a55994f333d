"""Where the files shipped beside the code are: the source tree, or the installed share/binhchon/."""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[1]
INSTALLED_ROOT = Path(sys.prefix) / "share" / "binhchon"


def resource_dir(name: str) -> Path:
    """The folder `name` (document_templates, workbook_templates, macros) of the source tree or the install."""
    for root in (SOURCE_ROOT, INSTALLED_ROOT):
        if (root / name).is_dir():
            return root / name
    return SOURCE_ROOT / name
