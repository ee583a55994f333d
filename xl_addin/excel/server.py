"""xlwings Server for the Office.js add-in: scripts, custom functions, the task pane and the alert page."""

from __future__ import annotations

import os
import struct
import traceback
import zlib
from pathlib import Path

import xlwings as xw
import xlwings.server
from fastapi import Body, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response

from ..resources import resource_dir
from . import client_files, custom_functions, scripts
from . import messages as msg
from .functions_code import custom_functions_js
from .taskpane import render_alert, render_taskpane

MANIFEST = resource_dir("macros") / "manifest.xml"
MANIFEST_ORIGIN = b"https://127.0.0.1:8000"  # the address written in macros/manifest.xml
ICON_SIZES = (16, 32, 64, 80)  # the sizes the manifest asks for


def function_names() -> list[str]:
    """The Python names of the custom functions."""
    return sorted(n for n in dir(custom_functions) if hasattr(getattr(custom_functions, n), "__xlfunc__"))


def icon_png(size: int = 32, rgb: tuple[int, int, int] = (0x1F, 0x6F, 0x3F)) -> bytes:
    """A plain square PNG for the add-in's ribbon icon (no image file to ship)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b"")


def _error(status: int, message: str) -> JSONResponse:
    """A clean refusal: a status code and a Vietnamese message, never a traceback."""
    return JSONResponse({"detail": message}, status_code=status)


def create_app(folder: Path | str) -> FastAPI:
    """The FastAPI app serving the add-in for one contest folder."""
    folder = Path(folder).resolve()
    client = client_files.client_static_dir()
    app = FastAPI(title=msg.TITLE, docs_url=None, redoc_url=None, openapi_url=None)
    _add_static(app, client)
    _add_pages(app, folder, client_files.office_js(client))
    _add_scripts(app, folder)
    _add_functions(app)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> PlainTextResponse:
        if os.environ.get("BINHCHON_DEBUG"):
            traceback.print_exception(exc)
        return PlainTextResponse(msg.UNEXPECTED.format(kind=type(exc).__name__), status_code=500)

    return app


def _add_static(app: FastAPI, client: Path) -> None:
    def serve_file(root: Path, path: str) -> Response:
        target = client_files.resolve(root, path)
        if target is None:
            return _error(404, msg.STATIC_MISSING.format(path=path))
        return Response(client_files.client_file_bytes(target), media_type=client_files.media_type(target))

    @app.get(client_files.CLIENT_PREFIX + "/{path:path}")
    async def client_file(path: str) -> Response:
        return serve_file(client, path)

    @app.get(client_files.OWN_PREFIX + "/{path:path}")
    async def own_file(path: str) -> Response:
        return serve_file(client_files.OWN_STATIC, path)


def _add_pages(app: FastAPI, folder: Path, office_js: str) -> None:
    @app.get("/")
    async def root() -> RedirectResponse:
        return RedirectResponse("/taskpane.html")

    @app.get("/taskpane.html", response_class=HTMLResponse)
    async def taskpane() -> str:
        return render_taskpane(folder, scripts.script_names(), xw.__version__, office_js)

    @app.get("/icon.png")
    @app.get("/favicon.ico")  # asked for by browsers whatever a page says
    async def icon() -> Response:
        return Response(icon_png(), media_type="image/png")

    @app.get("/icon-{size}.png")
    async def sized_icon(size: int) -> Response:
        if size not in ICON_SIZES:
            return _error(404, msg.STATIC_MISSING.format(path=f"icon-{size}.png"))
        return Response(icon_png(size), media_type="image/png")

    @app.get("/manifest.xml")
    async def manifest(request: Request) -> Response:
        """macros/manifest.xml pointed at this server (its scheme, host and port)."""
        if not MANIFEST.exists():
            return _error(404, msg.ADDIN_SOURCE_MISSING.format(path=MANIFEST))
        origin = f"{request.url.scheme}://{request.url.netloc}"
        return Response(MANIFEST.read_bytes().replace(MANIFEST_ORIGIN, origin.encode()), media_type="application/xml")

    @app.get("/xlwings/alert", response_class=HTMLResponse)
    async def alert(prompt: str, title: str, buttons: str, mode: str, callback: str) -> str:
        """The dialog the client opens for book.app.alert()."""
        return render_alert(prompt, title, buttons, mode, callback, office_js)


def _add_scripts(app: FastAPI, folder: Path) -> None:
    @app.get("/xlwings/custom-scripts-meta")
    @app.get("/xlwings/custom-scripts-meta.json")  # the path the xlwings-server client asks for
    async def scripts_meta() -> list:
        return xlwings.server.custom_scripts_meta(scripts)

    @app.post("/xlwings/custom-scripts-call/{script_name}")
    async def scripts_call(script_name: str, data: dict = Body(...)) -> Response:
        names = scripts.script_names()
        if script_name not in names:
            return _error(404, msg.UNKNOWN_SCRIPT.format(name=script_name, names=", ".join(names)))
        try:
            book = xw.Book(json=data)
        except Exception as exc:  # a payload from another client or xlwings version
            return _error(400, msg.BAD_PAYLOAD.format(detail=type(exc).__name__))
        try:
            typehints = {xw.Book: book, scripts.ContestFolder: scripts.ContestFolder(folder)}
            await xlwings.server.custom_scripts_call(scripts, script_name, typehint_to_value=typehints)
            return JSONResponse(book.json())
        finally:
            book.close()


def _add_functions(app: FastAPI) -> None:
    @app.get("/xlwings/custom-functions-meta")
    @app.get("/xlwings/custom-functions-meta.json")
    async def functions_meta() -> dict:
        return xlwings.server.custom_functions_meta(custom_functions)

    @app.get("/xlwings/custom-functions-code")
    @app.get("/xlwings/custom-functions-code.js")
    async def functions_code() -> Response:
        return Response(custom_functions_js(function_names(), xw.__version__), media_type="text/javascript")

    @app.post("/xlwings/custom-functions-call")
    async def functions_call(data: dict = Body(...)) -> Response:
        name = str(data.get("func_name"))
        if name not in function_names():
            names = ", ".join(n.upper() for n in function_names())
            return _error(404, msg.UNKNOWN_FUNCTION.format(name=name, names=names))
        result = await xlwings.server.custom_functions_call(data, custom_functions)
        return JSONResponse({"result": result})


def serve(folder: Path | str, host: str = "127.0.0.1", port: int = 8000,
          certfile: str | None = None, keyfile: str | None = None) -> None:
    """Run the add-in server with uvicorn until Ctrl+C (HTTPS when a certificate is given)."""
    import uvicorn

    app = create_app(folder)
    uvicorn.run(app, host=host, port=port, ssl_certfile=certfile, ssl_keyfile=keyfile)
