"""Time and peak memory of the period summary report for 30 contests of 3,000 products.

Run: .venv/bin/python bench/report.py                       # from ReportData built here
     .venv/bin/python bench/report.py --fill DIR             # first fill DIR/so_theo_doi.sqlite (slow)
     .venv/bin/python bench/report.py --register DIR/so_theo_doi.sqlite
Without --register it builds the register's answer (ReportData) for 30 contests directly, as the
register would return it, and times the figures and the Word report from it. --fill makes 30
contests of 3,000 products and 9 judges with bench/register.py's helpers and adds them to a
register kept in DIR; --register then times the whole `make_report` on it, query included, in a
fresh process.
The report never opens a contest workbook: the script checks that openpyxl was not even imported.
With --register it also runs `binhchon report --from … --to …` as a user does (a fresh process:
Python's start and imports included) and, for a SQLite register, the floor: a fresh Python
process fetching the same rows with the bare sqlite3 driver, no figures and no document.
Target (issue 8): under 3 s and 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONTESTS, PRODUCTS, ESTABLISHMENTS, DISTRICTS, COMMUNES = 30, 3000, 40_000, 60, 12


def synthetic(contests: int = CONTESTS, products: int = PRODUCTS):
    """ReportData of `contests` provincial contests (one a year from 1996) of `products` registrations each."""
    from xl_addin.domain import rules
    from xl_addin.domain.register_records import (
        ActivityRecord, ContestRecord, RecognitionRecord, ReferenceCount, RegistrationRecord, ReportData, RoundRecord)

    rnd = random.Random(8)
    first = 2025 - contests + 1
    cs, regs, recs, rounds = [], [], [], []
    for c in range(contests):
        year = first + c
        cs.append(ContestRecord(c + 1, "tinh", year, "Tỉnh thử", products=products))
        for i in range(products):
            pid = rnd.randrange(products * contests // 3)
            est = pid % ESTABLISHMENTS
            d = est % DISTRICTS
            group = rules.GROUPS[pid % 4]
            regs.append(RegistrationRecord(
                c + 1, "tinh", year, pid, f"SP-{year}-{i:05d}", f"Sản phẩm số {pid}", group, est,
                f"Hợp tác xã số {est}", tax_code=f"{2400000000 + est}", commune=f"Xã {d}-{est % COMMUNES}",
                district=f"Huyện {d}", province="Tỉnh thử", total=Decimal(rnd.randint(5000, 9500)) / 100,
                missing_documents=("Bản thuyết minh",) if i % 9 == 0 else ()))
            if i % 6 == 0:
                recs.append(RecognitionRecord("tinh", year, pid, f"SP-{year}-{i:05d}", f"Sản phẩm số {pid}", group, est,
                                              f"Hợp tác xã số {est}", district=f"Huyện {d}", cert_no=f"{i:04d}/{year}",
                                              issued=dt.date(year, 11, 15), valid_until=dt.date(year + 3, 12, 31)))
            if i % 100 == 0:
                rounds.append(RoundRecord("khu-vuc", year + 1, pid, f"Sản phẩm số {pid}", group, est, i % 200 == 0))
    refs = tuple(ReferenceCount(2025, f"Huyện {d}", "", 500 + d) for d in range(DISTRICTS))
    acts = tuple(ActivityRecord(first + y, "Hội chợ, triển lãm", 2) for y in range(contests))
    return ReportData(first, 2025, "Tỉnh thử", tuple(cs), tuple(regs), tuple(recs), tuple(rounds), acts, refs,
                      today=dt.date(2025, 12, 1))


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def from_records(out: Path) -> None:
    """Figures and report from ReportData built here."""
    from xl_addin.documents.report import write_report
    from xl_addin.domain.report_figures import report_figures

    start = time.perf_counter()
    data = synthetic()
    print(f"ReportData of {len(data.contests)} contests, {len(data.registrations):,} registrations, "
          f"{len(data.recognitions):,} recognitions: built in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    figures = report_figures(data)
    t_fig = time.perf_counter() - start
    start = time.perf_counter()
    files = write_report(figures, out)
    t_doc = time.perf_counter() - start
    print(f"figures {t_fig:.2f} s; Word report ({files.tables} tables, {files.charts} charts) {t_doc:.2f} s; "
          f"total {t_fig + t_doc:.2f} s; peak memory {peak_mb():.0f} MB")


def from_register(location: str, year_from: int, year_to: int, out: Path) -> None:
    """The whole make_report on a filled register, its query included."""
    from xl_addin.register import open_register
    from xl_addin.usecases.report import make_report

    start, cpu = time.perf_counter(), time.process_time()
    with open_register(location, Path.cwd()) as register:
        outcome = make_report(register, year_from, year_to, out)
    print(outcome.summary())
    print(f"make_report from the register: {time.perf_counter() - start:.2f} s (CPU {time.process_time() - cpu:.2f} s); "
          f"peak memory {peak_mb():.0f} MB")


# Run in the measured process: its own peak (VmHWM), which ru_maxrss from wait4 is not (on Linux a
# child's ru_maxrss starts at its parent's size when it was forked).
PEAK = """import atexit, resource, sys
def _peak():
    try:
        kb = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    except OSError:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write(f"\\npeak-kb {kb}\\n")
atexit.register(_peak)
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child(code: str, args: list[str], cwd: Path) -> tuple[str, float, int, str]:
    """'wall s (CPU s)', peak MB, exit code and output of python -c code args in a fresh process.

    The CPU seconds (the child's own, user + system) move less than wall time on a busy machine.
    """
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-c", PEAK + code, *args], cwd=cwd, capture_output=True, text=True)
    times = f"{time.perf_counter() - start:.2f} s (CPU {_children_cpu() - cpu:.2f} s)"
    peak = [line for line in done.stderr.splitlines() if line.startswith("peak-kb ")]
    return times, int(peak[-1].split()[1]) / 1024 if peak else float("nan"), done.returncode, done.stdout + done.stderr


def facts_sql(location: str, year_from: int, year_to: int) -> list[str]:
    """The SQL of the register's report_facts queries, with their values written in (for the bare driver)."""
    from xl_addin.register import open_register
    from xl_addin.register import queries

    statements = []
    with open_register(location, Path.cwd()) as register, register.reading() as conn:
        real = conn.execute
        conn.execute = lambda q, *a, **k: statements.append(q) or real(q, *a, **k)
        queries.report_facts(conn, year_from, year_to)
    with open_register(location, Path.cwd()) as register:
        dialect = register.engine.dialect
    return [str(q.compile(dialect=dialect, compile_kwargs={"literal_binds": True})) for q in statements]


FLOOR = """import sqlite3
conn = sqlite3.connect(sys.argv[1])
print(sum(len(conn.execute(q).fetchall()) for q in sys.argv[2:]), "rows")
"""
CLI = """from xl_addin.cli import main
sys.argv[0] = "binhchon"
sys.exit(main())
"""  # what the binhchon console script does


def contest_years(location: str, year_from: int | None, year_to: int | None) -> tuple[int, int]:
    """The period asked, or the register's first and last contest years."""
    import sqlalchemy as sa

    from xl_addin.register import open_register

    with open_register(location, Path.cwd()) as register, register.reading() as conn:
        first, last = conn.execute(sa.text("SELECT MIN(year), MAX(year) FROM contests")).one()
    return year_from or first, year_to or last


def from_cli(location: str, year_from: int, year_to: int, out: Path) -> None:
    """`binhchon report` in a fresh process, next to the floor (the bare fetch of the same rows)."""
    argv = ["report", "--from", str(year_from), "--to", str(year_to), "--register", location, "--out", str(out)]
    wall, peak, code, text = child(CLI, argv, out)
    print(f"binhchon report --from {year_from} --to {year_to} (fresh process): {wall}; peak memory {peak:.0f} MB;"
          f" exit {code}" + ("" if code == 0 else "\n" + text))
    if "://" in location and not location.startswith("sqlite"):
        print("floor: measured for a SQLite register only")
        return
    path = location.removeprefix("sqlite:///")
    wall, peak, code, text = child(FLOOR, [path, *facts_sql(location, year_from, year_to)], out)
    print(f"floor (fresh Python, bare sqlite3 fetch of the same rows: {text.split(chr(10))[0]}): {wall}; "
          f"peak memory {peak:.0f} MB")


def fill(folder: Path, contests: int, products: int, judges: int) -> None:
    """Contests made with bench/register.py's helpers, added to folder/so_theo_doi.sqlite."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_register", ROOT / "bench" / "register.py")
    helpers = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "bench"))
    spec.loader.exec_module(helpers)
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / "c00"
    if not base.exists():
        helpers.make_base(base, products, judges)
        helpers.time_results(base)
    location = str(folder / "so_theo_doi.sqlite")
    for k in range(contests):
        target = folder / f"c{k:02d}"
        if k and not target.exists():
            helpers.make_copy(base, target, k)
        start = time.perf_counter()
        helpers.add_one(location, target)
        print(f"added {target.name} in {time.perf_counter() - start:.1f} s", flush=True)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fill", metavar="DIR")
    p.add_argument("--contests", type=int, default=CONTESTS)
    p.add_argument("--products", type=int, default=PRODUCTS)
    p.add_argument("--judges", type=int, default=9)
    p.add_argument("--register")
    p.add_argument("--from", dest="year_from", type=int, help="default: the register's first contest year")
    p.add_argument("--to", dest="year_to", type=int, help="default: the register's last contest year")
    args = p.parse_args()
    if args.fill:
        fill(Path(args.fill), args.contests, args.products, args.judges)
        return 0
    with tempfile.TemporaryDirectory(prefix="binhchon-bench-report-") as tmp:
        if args.register:
            args.year_from, args.year_to = contest_years(args.register, args.year_from, args.year_to)
            from_register(args.register, args.year_from, args.year_to, Path(tmp))
            from_cli(args.register, args.year_from, args.year_to, Path(tmp))
        else:
            from_records(Path(tmp))
    print("openpyxl imported (a workbook opened):", "openpyxl" in sys.modules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
