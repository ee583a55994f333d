"""PDF through LibreOffice: one headless call for all files, then the merged PDF split per product."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Mapping

from ..domain import document_messages as msg
from ..progress import NO_PROGRESS, Progress, tracked

OFFICE_NAMES = ("soffice", "libreoffice")
BASE_TIMEOUT = 180  # seconds; LibreOffice's first start with a fresh profile takes a while
# Where LibreOffice's installers put soffice, under the folders these variables name (Windows)…
WINDOWS_ROOTS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
WINDOWS_PROGRAM = ("LibreOffice", "program", "soffice.exe")
# …and under / and the user's home (macOS).
MAC_PROGRAM = ("Applications", "LibreOffice.app", "Contents", "MacOS", "soffice")


def setting_candidates(env: Mapping[str, str]) -> list[Path]:
    """Where the BINHCHON_SOFFICE setting says soffice is (the program itself or its folder)."""
    setting = env.get(msg.OFFICE_SETTING, "").strip().strip('"')
    if not setting:
        return []
    given = Path(setting).expanduser()
    if not given.is_dir():
        return [given]
    return [given / sub / name for sub in (".", "program") for name in ("soffice.exe", "soffice")]


def installed_candidates(env: Mapping[str, str], home: Path | None = None) -> list[Path]:
    """Where LibreOffice's Windows and macOS installers put soffice."""
    places = [Path(env[var], *WINDOWS_PROGRAM) for var in WINDOWS_ROOTS if env.get(var)]
    if env.get("LOCALAPPDATA"):  # an install "for me only"
        places.append(Path(env["LOCALAPPDATA"], "Programs", *WINDOWS_PROGRAM))
    return places + [Path("/", *MAC_PROGRAM), (home or Path.home()) / Path(*MAC_PROGRAM)]


def find_office(env: Mapping[str, str] | None = None, home: Path | None = None) -> str | None:
    """The LibreOffice command: the BINHCHON_SOFFICE setting, then PATH, then the installers' folders; or None."""
    env = os.environ if env is None else env
    hit = next((p for p in setting_candidates(env) if _runnable(p)), None)
    if hit is None:
        on_path = (shutil.which(name, path=env.get("PATH")) for name in OFFICE_NAMES)
        hit = next((Path(p) for p in on_path if p), None)
    if hit is None:
        hit = next((p for p in installed_candidates(env, home) if _runnable(p)), None)
    return str(hit) if hit is not None else None


def _runnable(path: Path) -> bool:
    return path.is_file() and (os.name == "nt" or os.access(path, os.X_OK))


def timeout_for(pages: int) -> int:
    """A generous time limit for converting about this many pages."""
    return BASE_TIMEOUT + pages // 2


def _run(cmd: list[str], timeout: int) -> tuple[int | None, str]:
    """Run a command in its own process group; (exit code or None on timeout, its stderr's tail)."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):  # the whole group: soffice starts helper processes (POSIX)
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.communicate()
        return None, ""
    return proc.returncode, err.decode("utf-8", "replace").strip()[-300:]


def convert(files: list[Path], out_dir: Path, timeout: int) -> tuple[list[Path], str | None]:
    """Convert the .docx files to PDF beside out_dir in one LibreOffice call: (PDF files, problem)."""
    office = find_office()
    if office is None:
        return [], msg.libreoffice_missing(sys.platform)
    with tempfile.TemporaryDirectory(prefix="binhchon-pdf-") as tmp:
        profile, produced_dir = Path(tmp, "profile"), Path(tmp, "pdf")
        cmd = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
               "--nolockcheck", "--nodefault", "--convert-to", "pdf:writer_pdf_Export",
               "--outdir", str(produced_dir), *(str(f) for f in files)]
        try:
            code, err = _run(cmd, timeout)
        except OSError as exc:
            return [], msg.pdf_failed(str(exc))
        if code is None:
            return [], msg.pdf_timeout(timeout)
        produced = [produced_dir / f"{f.stem}.pdf" for f in files]
        missing = [p.name for p in produced if not p.is_file()]
        if code != 0 or missing:
            return [], msg.pdf_failed(err or f"thiếu {', '.join(missing)}")
        targets = [out_dir / p.name for p in produced]
        for source, target in zip(produced, targets):
            shutil.move(source, target)
    return targets, None


def split_pages(pdf: Path, targets: list[Path], progress: Progress = NO_PROGRESS) -> str | None:
    """Write page i of the PDF to targets[i]; a problem message when the page count differs."""
    from pypdf import PdfReader, PdfWriter  # a fifth of the documents command's start, for a PDF few ask for

    reader = PdfReader(pdf)
    if len(reader.pages) != len(targets):
        return msg.pdf_pages_mismatch(len(reader.pages), len(targets))
    for page, target in tracked(progress, msg.PDF_SPLIT_STEP, list(zip(reader.pages, targets))):
        writer = PdfWriter()
        writer.add_page(page)
        with open(target, "wb") as out:
            writer.write(out)
    return None


def page_count(pdf: Path) -> int:
    """The number of pages of a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)
