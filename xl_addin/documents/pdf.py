"""PDF through LibreOffice: one headless call for all files, then the merged PDF split per product."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from ..domain import document_messages as msg

OFFICE_NAMES = ("soffice", "libreoffice")
BASE_TIMEOUT = 180  # seconds; LibreOffice's first start with a fresh profile takes a while


def find_office() -> str | None:
    """The LibreOffice command on PATH, or None."""
    return next((found for name in OFFICE_NAMES if (found := shutil.which(name))), None)


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
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None, ""
    return proc.returncode, err.decode("utf-8", "replace").strip()[-300:]


def convert(files: list[Path], out_dir: Path, timeout: int) -> tuple[list[Path], str | None]:
    """Convert the .docx files to PDF beside out_dir in one LibreOffice call: (PDF files, problem)."""
    office = find_office()
    if office is None:
        return [], msg.LIBREOFFICE_MISSING
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


def split_pages(pdf: Path, targets: list[Path]) -> str | None:
    """Write page i of the PDF to targets[i]; a problem message when the page count differs."""
    reader = PdfReader(pdf)
    if len(reader.pages) != len(targets):
        return msg.pdf_pages_mismatch(len(reader.pages), len(targets))
    for page, target in zip(reader.pages, targets):
        writer = PdfWriter()
        writer.add_page(page)
        with open(target, "wb") as out:
            writer.write(out)
    return None


def page_count(pdf: Path) -> int:
    """The number of pages of a PDF."""
    return len(PdfReader(pdf).pages)
