"""Time and peak memory of `register add` (SQLite and PostgreSQL) and of the period's report data.

Run: .venv/bin/python bench/register.py [--contests 30] [--products 3000] [--judges 9] [--postgres URL]
     .venv/bin/python bench/register.py --quick      # 4 contests of 300 products and 5 judges
PostgreSQL is benched when --postgres or $BINHCHON_TEST_POSTGRES_URL gives a server (its public schema is
dropped and made again). One contest is made through the real use cases (init, validate, judges,
the judges' scoring, results) and `binhchon results` is timed on it; the others are copies with
another year and half of the tax numbers changed (new establishments), so each is its own contest.
Each step runs in a fresh process so its peak RSS is its own.
Targets (issue 8): adding a contest within 1.5x the time of `results` on it; report data of all
contests under 3 s and 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

FIRST_YEAR = 2000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_base(folder: Path, products: int, judges: int) -> None:
    """A finished contest of this size, made by the use cases (not timed)."""
    from pipeline import synthetic

    from xl_addin.domain import schema
    from xl_addin.domain.sheets.judges import rows_from_judges
    from xl_addin.domain.sheets.registrations import rows_from_registrations
    from xl_addin.usecases.init import init_contest
    from xl_addin.usecases.judges import make_judge_sheets
    from xl_addin.workbooks.contest_book import FileContestBook
    from xl_addin.workbooks.judge_workbook import fill_scores

    regs, panel, scores = synthetic(products, judges)
    init_contest(folder, year=FIRST_YEAR, level="tinh", province="Bắc Giang")
    book = FileContestBook(folder / schema.CONTEST_FILE)
    book.append_rows(schema.SHEET_REGISTRATIONS, rows_from_registrations(regs, header=False))
    book.append_rows(schema.SHEET_JUDGES, rows_from_judges(panel, header=False))
    book.save()
    book = FileContestBook(folder / schema.CONTEST_FILE)
    make_judge_sheets(book)
    book.save()
    for j in panel:
        fill_scores(folder / schema.JUDGES_DIR / f"{j.code}.xlsx", scores[j.code])


def time_results(folder: Path) -> dict:
    """`binhchon results` on the contest, in this process."""
    from xl_addin.domain import schema
    from xl_addin.usecases.results import compute
    from xl_addin.workbooks.contest_book import FileContestBook

    t0 = time.perf_counter()
    book = FileContestBook(folder / schema.CONTEST_FILE)
    outcome = compute(book)
    book.save()
    assert outcome.result_set is not None, outcome.summary()
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb()}


def _patch_judge_year(path: Path, year: int) -> None:
    """Set the year of a judge's very hidden Định danh sheet, rewriting only that sheet's XML."""
    import openpyxl

    from xl_addin.domain import schema

    wb = openpyxl.load_workbook(path, read_only=True)
    index = wb.sheetnames.index(schema.SHEET_SCORING_META)
    coord = next(row[1].coordinate for row in wb[schema.SHEET_SCORING_META].iter_rows(max_col=2)
                 if row[0].value == schema.META_YEAR)
    wb.close()
    member = f"xl/worksheets/sheet{index + 1}.xml"
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == member:
                data = re.sub(rf'(<c r="{coord}"[^>]*>)<v>\d+</v>'.encode(), rb"\g<1><v>%d</v>" % year, data)
            dst.writestr(info, data)
    tmp.replace(path)


def make_copy(base: Path, folder: Path, k: int) -> None:
    """Contest k: the base with year FIRST_YEAR + k and the tax numbers of half its establishments new."""
    from xl_addin.domain import schema
    from xl_addin.domain.tables import find_table
    from xl_addin.workbooks.contest_book import FileContestBook

    shutil.copytree(base, folder)
    year = FIRST_YEAR + k
    book = FileContestBook(folder / schema.CONTEST_FILE)
    rows = book.read([schema.SHEET_INFO, schema.SHEET_REGISTRATIONS])
    info = [list(r) for r in rows[schema.SHEET_INFO]]
    for r in info:
        if r and r[0] == schema.INFO_YEAR:
            r[1] = year
    regs = [list(r) for r in rows[schema.SHEET_REGISTRATIONS]]
    table = find_table(schema.SHEET_REGISTRATIONS, regs, schema.COL_CODE)
    col = table.column(schema.COL_TAX_CODE)
    for i, r in enumerate(regs[table.header_row + 1:]):
        if i % 2 and r[col]:
            r[col] = str(int(r[col]) + 1_000_000 * k)
    book.write_sheet(schema.SHEET_INFO, info)
    book.write_sheet(schema.SHEET_REGISTRATIONS, regs)
    book.save()
    for path in sorted((folder / schema.JUDGES_DIR).glob("*.xlsx")):
        _patch_judge_year(path, year)


def add_one(location: str, folder: Path) -> dict:
    """`register add` of one contest, in this process."""
    from xl_addin.register import open_register
    from xl_addin.usecases.register import add_contests

    t0 = time.perf_counter()
    with open_register(location, folder.parent) as register:
        outcome = add_contests(register, [folder])
    assert outcome.exit_code == 0, outcome.findings
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb()}


def report(location: str, years: int) -> dict:
    """Register.report_data of every contest, in this process."""
    from xl_addin.register import open_register

    t0 = time.perf_counter()
    with open_register(location, Path.cwd()) as register:
        data = register.report_data(FIRST_YEAR, FIRST_YEAR + years - 1)
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb(), "registrations": len(data.registrations),
            "recognitions": len(data.recognitions), "establishments": len({r.establishment_id for r in data.registrations})}


def child(*argv: str) -> dict:
    """Run one step in a fresh Python process; its JSON answer."""
    out = subprocess.run([sys.executable, __file__, "--child", *argv], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"step {argv[0]} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def reset_postgres(url: str) -> None:
    """Empty the PostgreSQL database's public schema."""
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def bench_backend(name: str, location: str, folders: list[Path], results_s: float) -> None:
    """Add every contest, then the report data; one line per step."""
    adds = []
    for folder in folders:
        got = child("add", location, str(folder))
        adds.append(got)
    secs = [a["seconds"] for a in adds]
    print(f"{name:<11}add first {secs[0]:6.2f}s  median {statistics.median(secs):6.2f}s  last {secs[-1]:6.2f}s  "
          f"max {max(secs):6.2f}s  ratio to results (median) {statistics.median(secs) / results_s:4.2f}  "
          f"peak {max(a['peak_mb'] for a in adds):5.0f} MB   target: ratio <= 1.5")
    got = child("report", location, str(len(folders)))
    print(f"{name:<11}report_data {FIRST_YEAR}-{FIRST_YEAR + len(folders) - 1}: {got['seconds']:6.2f}s  "
          f"peak {got['peak_mb']:5.0f} MB ({got['registrations']} registrations, {got['recognitions']} recognitions, "
          f"{got['establishments']} establishments)   target: < 3 s, < 300 MB")


def main() -> None:
    """Parse arguments and run the benchmark (or one child step)."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        step, *rest = sys.argv[2:]
        if step == "results":
            answer = time_results(Path(rest[0]))
        elif step == "add":
            answer = add_one(rest[0], Path(rest[1]))
        else:
            answer = report(rest[0], int(rest[1]))
        print(json.dumps(answer))
        return
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--contests", type=int, default=30)
    p.add_argument("--products", type=int, default=3000)
    p.add_argument("--judges", type=int, default=9)
    p.add_argument("--quick", action="store_true", help="4 contests of 300 products and 5 judges")
    p.add_argument("--postgres", default=os.environ.get("BINHCHON_TEST_POSTGRES_URL"))
    args = p.parse_args()
    if args.quick:
        args.contests, args.products, args.judges = 4, 300, 5
    root = Path(tempfile.mkdtemp(prefix="bench-register-"))
    try:
        base = root / "base"
        make_base(base, args.products, args.judges)
        res = child("results", str(base))
        print(f"{args.contests} contests of {args.products} products and {args.judges} judges")
        print(f"{'results':<11}{res['seconds']:6.2f}s  peak {res['peak_mb']:5.0f} MB  (binhchon results on one contest)")
        folders = [root / f"c{k:02d}" for k in range(args.contests)]
        for k, folder in enumerate(folders):
            make_copy(base, folder, k)
        bench_backend("sqlite", str(root / "so_theo_doi.sqlite"), folders, res["seconds"])
        if args.postgres:
            reset_postgres(args.postgres)
            bench_backend("postgresql", args.postgres, folders, res["seconds"])
        else:
            print("postgresql (skipped: give --postgres URL or set BINHCHON_TEST_POSTGRES_URL)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
