"""Progress bars on a terminal (a real pseudo-terminal), none through a pipe or with --json."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from xl_addin.domain import rules, schema
from xl_addin.domain.sheets.judges import rows_from_judges
from xl_addin.domain.sheets.registrations import rows_from_registrations
from xl_addin.domain.models import Judge, Registration
from xl_addin.progress import tracked
from xl_addin.usecases.init import init_contest
from xl_addin.usecases.judges import make_judge_sheets
from xl_addin.usecases.results import compute
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.judge_workbook import fill_scores

PRODUCTS, JUDGES = 150, 3
EXE = str(Path(sys.executable).with_name("binhchon"))
ESCAPE = "\x1b["


def _registrations() -> list[Registration]:
    return [Registration(
        code=f"SP-{i:04d}", name=f"Sản phẩm thủ công mỹ nghệ truyền thống số {i}", group=rules.GROUPS[i % 4],
        establishment=f"Hợp tác xã sản xuất số {i}", establishment_type=rules.ESTABLISHMENT_TYPES[i % 4],
        representative="Nguyễn Văn An", address=f"Thôn {i % 17}", commune="Đông Phú", district="Lục Nam",
        province="Bắc Giang", tax_code=f"{2400000000 + i}", phone="0912345678", email="", has_form=True,
        has_business_reg=True, has_description=True, photos=4, has_quality_cert=True, has_food_safety=True,
        row=i + 1) for i in range(1, PRODUCTS + 1)]


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """A contest of 150 products, every one recognised, results computed: documents has 150 certificates."""
    folder = tmp_path_factory.mktemp("progress") / "lon"
    path = init_contest(folder, year=2025, level="tinh", province="Bắc Giang").path
    book = FileContestBook(path)
    regs = _registrations()
    judges = [Judge(code=f"GK{j}", name=f"Giám khảo số {j}", row=j + 1) for j in range(1, JUDGES + 1)]
    book.append_rows(schema.SHEET_REGISTRATIONS, rows_from_registrations(regs, header=False))
    book.append_rows(schema.SHEET_JUDGES, rows_from_judges(judges, header=False))
    book.write_sheet(schema.SHEET_INFO, _with_facts(book.read([schema.SHEET_INFO])[schema.SHEET_INFO]))
    book.save()
    made = make_judge_sheets(FileContestBook(path))
    assert len(made.written) == JUDGES
    for j, judge in enumerate(judges):
        scores = {r.code: {"TC1": Decimal(36), "TC2": Decimal(35 + j), "TC3": Decimal(8), "TC4": Decimal(8)} for r in regs}
        fill_scores(folder / schema.JUDGES_DIR / f"{judge.code}.xlsx", scores)
    book = FileContestBook(path)
    outcome = compute(book)
    book.save()
    assert outcome.result_set is not None and all(r.council_proposal for r in outcome.result_set.results)
    return folder


def _with_facts(rows: list[list[object]]) -> list[list[object]]:
    """Thông tin with the facts a certificate prints filled in."""
    facts = {schema.INFO_DECISION_NO: "123/QĐ-UBND", schema.INFO_DECISION_DATE: "15/11/2025",
             schema.INFO_SIGNER: "Nguyễn Văn Bình", schema.INFO_SIGNER_TITLE: "Chủ tịch"}
    return [[r[0], facts.get(r[0], r[1] if len(r) > 1 else None)] for r in rows]


def in_terminal(*argv: str) -> tuple[int, str]:
    """Run binhchon with stdout and stderr on a pseudo-terminal; exit code and everything it drew."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    proc = subprocess.Popen([EXE, *argv], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(), b"".join(chunks).decode("utf-8", "replace")


def through_pipe(*argv: str) -> subprocess.CompletedProcess:
    """Run binhchon with its output captured through pipes."""
    return subprocess.run([EXE, *argv], capture_output=True, text=True, encoding="utf-8")


def counts(text: str, total: int) -> set[int]:
    """The done counts of `n/total` the progress bar drew."""
    return {int(n) for n in re.findall(rf"(\d+)/{total}\b", text)}


def test_documents_on_a_terminal_show_the_certificates_step_advancing(large):
    code, drawn = in_terminal("documents", str(large))
    assert code == 0, drawn
    assert "In giấy chứng nhận" in drawn and "còn lại" in drawn
    seen = counts(drawn, PRODUCTS)
    assert len(seen) >= 2 and min(seen) < PRODUCTS, seen  # it moved while the step ran
    assert ESCAPE in drawn  # drawn in place, then cleared
    assert f"Đã in {PRODUCTS} giấy chứng nhận" in drawn


def test_documents_through_a_pipe_show_no_progress(large):
    done = through_pipe("documents", str(large))
    assert done.returncode == 0, done.stderr
    assert "In giấy chứng nhận" not in done.stdout + done.stderr
    assert ESCAPE not in done.stdout + done.stderr and not counts(done.stdout, PRODUCTS)
    assert f"Đã in {PRODUCTS} giấy chứng nhận" in done.stdout


def test_results_show_the_reading_of_judges_sheets_unless_json(large):
    code, drawn = in_terminal("results", str(large))
    assert code == 0 and "Đọc phiếu chấm" in drawn and counts(drawn, JUDGES)
    code, drawn = in_terminal("results", str(large), "--json")
    assert code == 0 and "Đọc phiếu chấm" not in drawn and ESCAPE not in drawn
    assert drawn.lstrip().startswith("[")


class Recorder:
    """A Progress that remembers what it was told."""

    def __init__(self) -> None:
        self.events: list[tuple] = []

    def start(self, step, total):
        self.events.append(("start", step, total))

    def advance(self, count=1):
        self.events.append(("advance", count))

    def finish(self):
        self.events.append(("finish",))


def test_tracked_reports_each_item_after_it_is_done():
    progress, seen = Recorder(), []
    for item in tracked(progress, "Bước", ["a", "b"]):
        seen.append((item, len(progress.events)))
    assert seen == [("a", 1), ("b", 2)]
    assert progress.events == [("start", "Bước", 2), ("advance", 1), ("advance", 1), ("finish",)]
