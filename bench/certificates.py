"""Benchmark: 1,000 certificates by a plain docxtpl loop, by the project's stamp, and as one merged file;
and the whole `binhchon documents` command, run as a user runs it, on a contest of N recognised products.

Run: .venv/bin/python bench/certificates.py [N]
The files are written under the system's temporary folder, or under BINHCHON_BENCH_DIR when set (on
some machines creating a file under /tmp costs thirty times what it costs elsewhere on the same disk,
which weighs on a thousand certificates more than on the slow loop: the folder used is printed).
Targets: separate files >= 10x the docxtpl loop's documents/second; merged file >= 50x (issue 6);
the whole `binhchon documents` command (reading the contest and the judges' workbooks, checking,
every document, writing the numbers back) >= 15x faster than the docxtpl loop (issue 11).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from docx import Document
from docxtpl import DocxTemplate

from xl_addin.documents import pdf as pdf_mod
from xl_addin.documents.certificate_files import certificate_jobs, merged_document, write_certificates
from xl_addin.documents.contexts import CERTIFICATE_FIELDS
from xl_addin.documents.render import TemplateRenderer
from xl_addin.documents.safety import sandbox_env
from xl_addin.documents.templates import CERTIFICATE, template_path
from xl_addin.domain import rules
from xl_addin.domain.certificates import assign_certificates
from xl_addin.domain.models import Contest, ContestInfo, Registration
from xl_addin.domain.results import ResultRow

NAMES = ("Gốm Thổ Hà men rạn", 'Nước mắm "Cá Cơm" & muối ớt', "Mây tre đan Tăng Tiến", "Máy tuốt lúa <MT-05>")
FIRMS = ("Hợp tác xã gốm Thổ Hà", "Công ty TNHH A & B <Việt Nam>", "Hộ kinh doanh Nguyễn Thị Hằng")


def sample(n: int) -> tuple[Contest, list[ResultRow]]:
    """A contest with n recognised products."""
    info = ContestInfo(year=2019, level="tinh", province="Bắc Giang", organiser="Ủy ban nhân dân tỉnh Bắc Giang",
                       decision_no="1234/QĐ-UBND", decision_date=dt.date(2019, 11, 15), signer="Lê Ánh Dương",
                       signer_title="Chủ tịch")
    regs, rows = [], []
    for i in range(n):
        code, group = f"SP{i + 1:04d}", rules.GROUPS[i % 4]
        name, firm = f"{NAMES[i % 4]} số {i + 1}", FIRMS[i % 3]
        regs.append(Registration(code, name, group, firm, rules.ESTABLISHMENT_TYPES[i % 4],
                                 address=f"Thôn {i % 37 + 1}", commune="Xã Vân Hà", district="Huyện Việt Yên",
                                 province="Bắc Giang"))
        rows.append(ResultRow(code, name, group, firm, i + 1, Decimal("90") - Decimal(i) / 100, True, None))
    return Contest(info, rules.preset(), tuple(regs), ()), rows


def recognised_contest(folder: Path, n: int, n_judges: int = 5) -> Path:
    """A contest folder whose results recognise all n products (every judge scores each one high)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pipeline

    from xl_addin.domain import schema
    from xl_addin.domain.sheets.judges import rows_from_judges
    from xl_addin.domain.sheets.registrations import rows_from_registrations
    from xl_addin.usecases.init import init_contest
    from xl_addin.usecases.judges import make_judge_sheets
    from xl_addin.usecases.results import compute
    from xl_addin.workbooks.contest_book import FileContestBook
    from xl_addin.workbooks.judge_workbook import fill_scores

    regs, judges, _ = pipeline.synthetic(n, n_judges)
    path = init_contest(folder, year=2025, level="tinh", province="Bắc Giang").path
    book = FileContestBook(path)
    book.append_rows(schema.SHEET_REGISTRATIONS, rows_from_registrations(regs, header=False))
    book.append_rows(schema.SHEET_JUDGES, rows_from_judges(judges, header=False))
    book.save()
    book = FileContestBook(path)
    make_judge_sheets(book)
    book.save()
    for k, judge in enumerate(judges):
        scores = {r.code: {"TC1": 34 + (i + k) % 6, "TC2": 35, "TC3": 8, "TC4": 9} for i, r in enumerate(regs)}
        fill_scores(folder / schema.JUDGES_DIR / f"{judge.code}.xlsx", scores)
    pipeline.fill_decision(path)
    book = FileContestBook(path)
    outcome = compute(book)
    book.save()
    assert outcome.result_set is not None and sum(r.council_proposal for r in outcome.result_set.results) == n, \
        outcome.summary()
    return folder


def whole_command(folder: Path) -> tuple[float, str]:
    """Seconds of `binhchon documents FOLDER` in its own process, and what it printed."""
    program = Path(sys.executable).with_name("binhchon")
    command = [str(program)] if program.exists() else [sys.executable, "-m", "xl_addin.cli"]
    env = compiled_env()
    start = time.perf_counter()
    done = subprocess.run([*command, "documents", str(folder)], capture_output=True, text=True, check=False, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"binhchon documents failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""


def bench_dir() -> str | None:
    """Where the bench writes its files: BINHCHON_BENCH_DIR, else the system's temporary folder."""
    import os

    return os.environ.get("BINHCHON_BENCH_DIR") or None


def compiled_env() -> dict[str, str]:
    """The environment of a user's run: binhchon's modules compiled, as pip leaves an installed package.

    With PYTHONDONTWRITEBYTECODE set (as in some sandboxes) every run would compile the project's
    hundred modules again; they are compiled once, beside them (__pycache__, as Python does unless told
    not to), and the command runs without that setting.
    """
    import importlib.util
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    package = importlib.util.find_spec("xl_addin").submodule_search_locations[0]
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], env=env, check=True)
    return env


def text_of(source) -> list[str]:
    """The non-empty paragraph texts of a .docx, body and table cells in order (python-docx)."""
    doc = Document(source)
    out = []
    for block in doc.iter_inner_content():
        if hasattr(block, "rows"):
            out += [p.text for row in block.rows for cell in row.cells for p in cell.paragraphs]
        else:
            out.append(block.text)
    return [t for t in out if t]


def timed(label: str, n: int, fn) -> float:
    """Run fn, print and return documents/second."""
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    rate = n / seconds
    print(f"{label:<34} {seconds:8.2f} s  {rate:9.1f} documents/s")
    return rate


def main(n: int = 1000) -> int:
    """Run the three ways, check they agree, print the figures; 1 when a target is missed."""
    contest, rows = sample(n)
    path = template_path(None, CERTIFICATE)
    numbers = assign_certificates(rows, contest.info, contest.rules)
    with tempfile.TemporaryDirectory(dir=bench_dir()) as tmp:
        loop_dir, fast_dir, merged = Path(tmp, "loop"), Path(tmp, "fast"), Path(tmp, "tat_ca.docx")
        loop_dir.mkdir(), fast_dir.mkdir()
        jobs = certificate_jobs(contest, rows, numbers, fast_dir)

        def docxtpl_loop():
            env = sandbox_env()
            for job in jobs:
                tpl = DocxTemplate(path)
                tpl.render(job.context, jinja_env=env, autoescape=True)
                tpl.save(loop_dir / job.path.name)

        def separate():
            write_certificates(TemplateRenderer(path, CERTIFICATE_FIELDS, sandbox_env(), fast=True), jobs, fast_dir)

        def merged_file():
            renderer = TemplateRenderer(path, CERTIFICATE_FIELDS, sandbox_env(), fast=True)
            merged.write_bytes(merged_document(renderer, [job.context for job in jobs]))

        print(f"{n} certificates from {path.name}, written under {Path(tmp).parent}")
        print(f"preparing a contest of {n} recognised products for the whole command...", flush=True)
        folder = recognised_contest(Path(tmp, "contest"), n)
        base = timed("docxtpl loop (render+save each)", n, docxtpl_loop)
        command_seconds, said = whole_command(folder)
        print(f"{'binhchon documents (whole command)':<34} {command_seconds:8.2f} s  {n / command_seconds:9.1f} "
              f"products/s   ({said})")
        fast = timed("project: separate files (+merged)", n, separate)
        whole = timed("project: one merged file", n, merged_file)
        print(f"ratio separate/docxtpl: {fast / base:6.1f}x (target >= 10)")
        print(f"ratio merged/docxtpl:   {whole / base:6.1f}x (target >= 50)")
        command = (n / command_seconds) / base
        print(f"ratio whole command/docxtpl: {command:6.1f}x (target >= 15)")
        shutil.rmtree(folder)
        same = check_same(jobs, loop_dir, merged)
        pdf_time(merged, Path(tmp), n)
    return 0 if same and fast / base >= 10 and whole / base >= 50 and command >= 15 else 1


def check_same(jobs, loop_dir: Path, merged: Path) -> bool:
    """True when all three ways give the same text (python-docx), and the same document.xml bytes."""
    import zipfile

    expected: list[str] = []
    same_text = same_xml = True
    for job in jobs:
        loop_text = text_of(loop_dir / job.path.name)
        same_text &= loop_text == text_of(job.path)
        expected += loop_text
        with zipfile.ZipFile(loop_dir / job.path.name) as a, zipfile.ZipFile(job.path) as b:
            same_xml &= a.read("word/document.xml") == b.read("word/document.xml")
    same_merged = text_of(merged) == expected
    print(f"same text, separate files vs docxtpl:  {same_text}")
    print(f"same document.xml bytes vs docxtpl:    {same_xml}")
    print(f"same text, merged file vs docxtpl:     {same_merged}")
    return same_text and same_xml and same_merged


def pdf_time(merged: Path, out: Path, n: int) -> None:
    """Convert the merged file to PDF in one LibreOffice call, when LibreOffice is there."""
    if pdf_mod.find_office() is None:
        print("PDF: LibreOffice not found, skipped")
        return
    start = time.perf_counter()
    pdfs, problem = pdf_mod.convert([merged], out, pdf_mod.timeout_for(n))
    seconds = time.perf_counter() - start
    if problem:
        print(f"PDF: failed: {problem}")
        return
    print(f"PDF of the merged file, one LibreOffice call: {seconds:.1f} s, {pdf_mod.page_count(pdfs[0])} pages")


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
