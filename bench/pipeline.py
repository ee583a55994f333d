"""Time and peak memory of each pipeline step at province and nation scale, next to openpyxl's floor.

Run: .venv/bin/python bench/pipeline.py [--scale province|nation|both]
Each step runs in a fresh process so its peak RSS is its own. The floor of a step is the time
openpyxl alone needs to read and write the same cells (same files, no checks, no styling).
Target (issue 2): each step within 2x its floor; the nation-scale pipeline under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCALES = {"province": (200, 7), "nation": (3000, 9)}
STEPS = ("init", "validate", "judges", "results")


def synthetic(n_products: int, n_judges: int):
    """Registrations, judges and scores at a given scale (deterministic)."""
    from xl_addin.domain import rules
    from xl_addin.domain.models import Judge, Registration

    rnd = random.Random(n_products)
    regs = []
    for i in range(1, n_products + 1):
        group = rules.GROUPS[i % 4]
        regs.append(Registration(
            code=f"SP-{i:05d}", name=f"Sản phẩm thử nghiệm số {i}", group=group,
            establishment=f"Hợp tác xã sản xuất số {i // 2}", establishment_type=rules.ESTABLISHMENT_TYPES[i % 4],
            representative="Nguyễn Văn An", address=f"Thôn {i % 17}, xã Đông Phú", commune="Đông Phú",
            district=f"Huyện {i % 12}", province="Bắc Giang", tax_code=f"{2400000000 + i}", phone="0912345678",
            email="", has_form=True, has_business_reg=True, has_description=True, photos=4,
            has_quality_cert=True, has_food_safety=True, row=i + 1))
    judges = [Judge(code=f"GK{j:02d}", name=f"Giám khảo {j}", title="Chuyên viên", unit="Sở Công Thương", row=j + 1)
              for j in range(1, n_judges + 1)]
    scores = {}
    for j in judges:
        scores[j.code] = {r.code: {"TC1": Decimal(rnd.randint(40, 80)) / 2, "TC2": Decimal(rnd.randint(40, 80)) / 2,
                                   "TC3": Decimal(rnd.randint(10, 20)) / 2, "TC4": Decimal(rnd.randint(10, 20)) / 2}
                          for r in regs}
    return regs, judges, scores


def run_step(step: str, folder: Path, scale: str) -> dict:
    """Run one step in this process; seconds and peak RSS (MB)."""
    from xl_addin.domain import schema
    from xl_addin.domain.sheets.judges import rows_from_judges
    from xl_addin.domain.sheets.registrations import rows_from_registrations
    from xl_addin.usecases.init import init_contest
    from xl_addin.workbooks.contest_book import FileContestBook

    n, k = SCALES[scale]
    regs, judges, scores = synthetic(n, k)
    path = folder / schema.CONTEST_FILE
    t0 = time.perf_counter()
    if step == "init":
        init_contest(folder, year=2025, level="tinh", province="Bắc Giang")
        book = FileContestBook(path)
        book.append_rows(schema.SHEET_REGISTRATIONS, rows_from_registrations(regs, header=False))
        book.append_rows(schema.SHEET_JUDGES, rows_from_judges(judges, header=False))
        book.save()
    elif step == "validate":
        from xl_addin.usecases.validate import validate
        book = FileContestBook(path)
        validate(book)
        book.save()
    elif step == "judges":
        from xl_addin.usecases.judges import make_judge_sheets
        book = FileContestBook(path)
        make_judge_sheets(book)
        book.save()
        elapsed = time.perf_counter() - t0
        from xl_addin.workbooks.judge_workbook import fill_scores
        for j in judges:  # the judges' own work: not timed
            fill_scores(folder / schema.JUDGES_DIR / f"{j.code}.xlsx", scores[j.code])
        return {"seconds": elapsed, "peak_mb": _peak_mb()}
    elif step == "results":
        from xl_addin.usecases.results import compute
        book = FileContestBook(path)
        outcome = compute(book)
        assert outcome.result_set is not None, outcome.summary()
        book.save()
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb()}


def run_floor(step: str, folder: Path, scale: str) -> dict:
    """openpyxl alone reading and writing the same cells as the step."""
    import openpyxl

    from xl_addin.domain import schema

    path = folder / schema.CONTEST_FILE
    judges = sorted((folder / schema.JUDGES_DIR).glob("*.xlsx"))
    t0 = time.perf_counter()
    if step in ("validate", "judges", "results"):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
        wb.close()
    if step == "judges":
        regs = rows[schema.SHEET_REGISTRATIONS]
        out = Path(tempfile.mkdtemp())
        for j in judges:
            wb = openpyxl.Workbook()
            ws = wb.active
            for i, r in enumerate(regs[1:], start=7):  # the same cells: number, code, name, group, total formula
                ws.append([i - 6, *r[:3], None, None, None, None, f'=IF(COUNT(E{i}:H{i})=0,"",SUM(E{i}:H{i}))', None])
            wb.save(out / j.name)
        shutil.rmtree(out)
    if step == "results":
        for j in judges:
            wb = openpyxl.load_workbook(j, read_only=True, data_only=True)
            [list(ws.iter_rows(values_only=True)) for ws in wb.worksheets]
            wb.close()
    if step in ("init", "validate", "judges", "results"):
        wb = openpyxl.load_workbook(path)
        tmp = path.with_name(".floor.xlsx")
        wb.save(tmp)
        tmp.unlink()
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb()}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, step: str, folder: Path, scale: str) -> dict:
    """Run a step (or its floor) in a fresh Python process."""
    out = subprocess.run([sys.executable, __file__, "--child", kind, step, str(folder), scale],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} {step} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_scale(scale: str) -> None:
    """Print one line per step: seconds, floor seconds, ratio, peak MB."""
    n, k = SCALES[scale]
    print(f"\n{scale}: {n} products, {k} judges")
    print(f"{'step':<10}{'seconds':>9}{'floor s':>9}{'ratio':>7}{'peak MB':>9}  target: ratio <= 2")
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{scale}-"))
    peak = 0.0
    try:
        for step in STEPS:
            got = child("step", step, folder, scale)
            floor = child("floor", step, folder, scale)
            ratio = got["seconds"] / floor["seconds"] if floor["seconds"] else float("nan")
            peak = max(peak, got["peak_mb"])
            print(f"{step:<10}{got['seconds']:>9.2f}{floor['seconds']:>9.2f}{ratio:>7.2f}{got['peak_mb']:>9.0f}")
        print(f"peak memory of the pipeline: {peak:.0f} MB (target for nation scale: < 500 MB)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    """Parse arguments and run the benchmark (or one child step)."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, step, folder, scale = sys.argv[2:6]
        fn = run_step if kind == "step" else run_floor
        print(json.dumps(fn(step, Path(folder), scale)))
        return
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--scale", choices=["province", "nation", "both"], default="both")
    args = p.parse_args()
    for scale in (SCALES if args.scale == "both" else [args.scale]):
        bench_scale(scale)


if __name__ == "__main__":
    main()
