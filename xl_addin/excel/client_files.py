"""The files the browser loads: the add-in's own (static/ beside this module) and, from the installed
xlwings-server package, the Office.js client of xlwings 0.37 and Microsoft's office.js.

Nothing comes from a CDN: an office is often offline or behind a proxy. Microsoft permits a local
office.js for add-ins that are sideloaded inside an organisation (only AppSource requires the CDN).
The stock office.js opens a hidden telemetry frame to a Microsoft host three seconds after load;
the copy served here points that frame at about:blank, so no request leaves the machine.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path, PurePosixPath

from ..errors import BinhchonError
from . import messages as msg

CLIENT_PACKAGE = "xlwings_server"
CLIENT_PREFIX = "/xlwings-static"  # the xlwings-server package's static/ folder
OWN_PREFIX = "/binhchon-static"  # xl_addin/excel/static/
OWN_STATIC = Path(__file__).with_name("static")
CLIENT_SCRIPT = "js/custom-scripts/index.js"
DIALOG_SCRIPT = "js/alerts/dialog.js"
OFFICE_JS_DIR = "vendor/office-js"
TELEMETRY_FRAME = b"https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html"
NO_FRAME = b"about:blank"
MEDIA_TYPES = {  # fixed here: Windows' registry may map .js to text/plain, which browsers refuse for modules
    ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".html": "text/html",
    ".png": "image/png", ".json": "application/json", ".map": "application/json", ".md": "text/plain",
}


class ClientFilesError(BinhchonError):
    """The xlwings-server package (the browser client and office.js) is not installed or incomplete."""


def client_static_dir() -> Path:
    """The static/ folder of the installed xlwings-server package (found without importing it)."""
    spec = importlib.util.find_spec(CLIENT_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        static = Path(location) / "static"
        if (static / CLIENT_SCRIPT).is_file():
            return static
    raise ClientFilesError(msg.CLIENT_MISSING)


def office_js(static: Path) -> str:
    """The path of office.js inside the client's static folder, e.g. vendor/office-js/16.0…/dist/office.js."""
    found = sorted(static.glob(f"{OFFICE_JS_DIR}/*/dist/office.js"))
    if not found:
        raise ClientFilesError(msg.CLIENT_MISSING)
    return found[-1].relative_to(static).as_posix()


def resolve(root: Path, path: str) -> Path | None:
    """The file `path` names under `root`, or None when it is missing or points outside root."""
    relative = PurePosixPath(path)
    if relative.is_absolute() or not relative.parts or any(p == ".." or ":" in p or "\\" in p for p in relative.parts):
        return None
    target = root.joinpath(*relative.parts).resolve()
    return target if target.is_relative_to(root.resolve()) and target.is_file() else None


def media_type(path: Path) -> str:
    """The Content-Type a browser accepts for the file."""
    return MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")


def client_file_bytes(path: Path) -> bytes:
    """The file's content as served: office.js' scripts with the telemetry frame pointed at about:blank."""
    data = path.read_bytes()
    if path.suffix == ".js" and OFFICE_JS_DIR in path.as_posix():
        data = data.replace(TELEMETRY_FRAME, NO_FRAME)
    return data
