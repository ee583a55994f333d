"""The desktop add-in BinhChon.xlam: built from macros/ and xlwings' ribbon add-in template, installed to XLSTART.

Building needs Windows with Excel (the VBA module is imported by Excel itself, which requires
"Trust access to the VBA project object model"); the ribbon XML is swapped in the file afterwards.
"""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

from ..errors import BinhchonError, ExcelUnavailableError
from . import messages as msg
from ..resources import resource_dir
from ..safe_files import write_atomically

ADDIN_FILE = "BinhChon.xlam"
TEMPLATE = "quickstart_addin_ribbon.xlam"
TEMPLATE_MODULE = "RibbonMyAddin"  # the template's sample ribbon module, replaced by BinhChon.bas
CONF_SHEET = "_myaddin.conf"
UDF_MODULES = "xl_addin.excel.udfs"
MACROS_FILE = "BinhChon.bas"
RIBBON_FILE = "customUI.xml"
RIBBON_PART = "customUI/customUI.xml"


def default_source() -> Path:
    """The macros/ folder of the source tree this package runs from, else of the current folder."""
    beside = resource_dir("macros")
    return beside if (beside / MACROS_FILE).exists() else Path.cwd() / "macros"


def template_path() -> Path:
    """xlwings' ribbon add-in template, shipped inside the xlwings package."""
    import xlwings

    path = Path(xlwings.__file__).parent / TEMPLATE
    if not path.exists():
        raise BinhchonError(msg.ADDIN_TEMPLATE_MISSING.format(name=TEMPLATE))
    return path


def require_windows_excel(command: str) -> None:
    """Refuse with a Vietnamese message unless this is Windows with Excel installed."""
    if sys.platform != "win32":
        raise ExcelUnavailableError(msg.ADDIN_NEEDS_WINDOWS.format(command=command))


def replace_custom_ui(xlam: Path, ribbon_xml: bytes) -> None:
    """Put ribbon_xml as the add-in's customUI part, rewriting the zip beside it and replacing it."""
    with zipfile.ZipFile(xlam) as src:
        if RIBBON_PART not in src.namelist():
            raise BinhchonError(msg.ADDIN_TEMPLATE_MISSING.format(name=TEMPLATE))

        def rewrite(fh) -> None:
            with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    dst.writestr(info, ribbon_xml if info.filename == RIBBON_PART else src.read(info.filename))

        write_atomically(xlam, rewrite)


def macro_files(source: Path) -> tuple[Path, Path]:
    """The .bas and ribbon XML in the source folder, refusing clearly when one is missing."""
    bas, ribbon = source / MACROS_FILE, source / RIBBON_FILE
    for path in (bas, ribbon):
        if not path.exists():
            raise BinhchonError(msg.ADDIN_SOURCE_MISSING.format(path=path))
    return bas, ribbon


def build_addin(source: Path | None = None, out_dir: Path | None = None) -> Path:
    """Assemble BinhChon.xlam (Windows with Excel only); its path."""
    require_windows_excel("build")
    bas, ribbon = macro_files(Path(source) if source else default_source())
    target = Path(out_dir or Path.cwd()) / ADDIN_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template_path(), target)
    _import_macros(target, bas)
    replace_custom_ui(target, ribbon.read_bytes())
    return target


def _import_macros(target: Path, bas: Path) -> None:
    """Let Excel swap the template's sample module for BinhChon.bas and point UDFs at udfs.py."""
    import xlwings as xw

    app = xw.App(visible=False, add_book=False)
    try:
        book = app.books.open(str(target))
        components = book.api.VBProject.VBComponents
        components.Remove(components.Item(TEMPLATE_MODULE))
        components.Import(str(bas))
        _set_conf(book.sheets[CONF_SHEET], "UDF Modules", UDF_MODULES)
        book.save()
        book.close()
    except Exception as exc:  # COM errors: Excel missing, VBA access not trusted, …
        raise ExcelUnavailableError(msg.ADDIN_EXCEL_FAILED.format(detail=exc)) from exc
    finally:
        app.quit()


def _set_conf(sheet, key: str, value: str) -> None:
    """Set one key of the add-in's configuration sheet (keys in column A, values in B)."""
    keys = sheet.range("A1:A20").value
    row = keys.index(key) + 1 if key in keys else len([k for k in keys if k]) + 1
    sheet.range((row, 1)).value = [[key, value]]


def xlstart_folder() -> Path:
    """Excel's per-user start-up folder, whose add-ins open with Excel."""
    return Path(os.environ.get("APPDATA", Path.home())) / "Microsoft" / "Excel" / "XLSTART"


def install_addin(xlam: Path | None = None) -> Path:
    """Copy BinhChon.xlam to XLSTART (Windows only); the installed path."""
    require_windows_excel("install")
    source = Path(xlam) if xlam else Path.cwd() / ADDIN_FILE
    if not source.exists():
        raise BinhchonError(msg.ADDIN_NOT_BUILT.format(path=source))
    folder = xlstart_folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / ADDIN_FILE
    shutil.copyfile(source, target)
    return target
