"""Time and peak memory of each pipeline step at province and nation scale, next to two floors.

Run: .venv/bin/python bench/pipeline.py [--scale province|nation|both]
Each step (and each floor) runs in a fresh process so its peak RSS is its own. Two floors:
- openpyxl: openpyxl alone reading and writing the same cells (same files, no checks, no styling);
- calamine+zip: python-calamine reading the same sheets (and the judges' files for results), then
  writing the workbook's zip again: every entry the step left unchanged copied from the file as it
  was before the step (inflated and deflated again), the entries it changed written from their final
  bytes, given (the floor does not make the XML). The files the step made are written too, from
  their final bytes: the judges' workbooks (judges step: each a zip deflated from its given parts)
  and the documents' files in van_ban/ (documents step: each file written whole from its given
  bytes, the certificates' template parts not deflated again, as the step copies them compressed;
  one file is held at a time and only the writing is timed).
Targets: issue 2, each step within 2x the openpyxl floor, the nation-scale pipeline under 500 MB;
issue 11, each step within 2x the calamine+zip floor, nation-scale peak memory under 300 MB.
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
STEPS = ("init", "validate", "judges", "results", "documents")


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


def fill_decision(path: Path) -> None:
    """Type the recognition decision's number, date and signer into Thông tin, as the secretariat does."""
    import dataclasses
    import datetime as dt

    from xl_addin.domain import schema
    from xl_addin.domain.sheets.info import INFO_LAYOUT, info_from_rows, rows_from_info, with_info_notes
    from xl_addin.workbooks.contest_book import FileContestBook

    book = FileContestBook(path)
    info, _ = info_from_rows(book.read([schema.SHEET_INFO])[schema.SHEET_INFO])
    info = dataclasses.replace(info, decision_no="1234/QĐ-UBND", decision_date=dt.date(2025, 11, 15),
                               signer="Lê Ánh Dương", signer_title="Chủ tịch")
    book.write_sheet(schema.SHEET_INFO, with_info_notes(rows_from_info(info)), INFO_LAYOUT)
    book.save()


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
        fill_decision(path)  # the secretariat's, for the certificates: not timed
        return {"seconds": elapsed, "peak_mb": _peak_mb()}
    elif step == "results":
        from xl_addin.usecases.results import compute
        book = FileContestBook(path)
        outcome = compute(book)
        assert outcome.result_set is not None, outcome.summary()
        book.save()
    elif step == "documents":
        from xl_addin.usecases.documents import make_documents_for
        book = FileContestBook(path)
        made = make_documents_for(book, pdf=False)
        assert made.exit_code == 0, made.summary()
        book.save()
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb()}


def run_floor(step: str, folder: Path, scale: str) -> dict:
    """openpyxl alone reading and writing the same cells as the step."""
    import openpyxl

    from xl_addin.domain import schema

    path = folder / schema.CONTEST_FILE
    judges = sorted((folder / schema.JUDGES_DIR).glob("*.xlsx"))
    t0 = time.perf_counter()
    if step in ("validate", "judges", "results", "documents"):
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
    if step in STEPS:
        wb = openpyxl.load_workbook(path)
        tmp = path.with_name(".floor.xlsx")
        wb.save(tmp)
        tmp.unlink()
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb()}


def run_calamine_floor(step: str, folder: Path, scale: str) -> dict:
    """python-calamine reading the same sheets, then the zip written again (see the module docstring)."""
    import zipfile
    from contextlib import nullcontext

    from python_calamine import CalamineWorkbook

    from xl_addin.domain import schema

    path, before = folder / schema.CONTEST_FILE, _before(folder, step)
    judges = sorted((folder / schema.JUDGES_DIR).glob("*.xlsx"))
    changed = _changed_parts(before, path)  # given: the floor writes these bytes, it does not make them
    made = {j: _parts(j) for j in judges} if step == "judges" else {}
    out = Path(tempfile.mkdtemp())
    documents = _write_documents(folder, out) if step == "documents" else 0.0
    t0 = time.perf_counter()
    for source in ([before] if before.exists() else []) + (judges if step == "results" else []):
        wb = CalamineWorkbook.from_path(str(source))
        [wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names]
        wb.close()
    for judge, parts in made.items():
        _write_zip(out / judge.name, [(info, data) for info, data in parts])
    entries = []
    with zipfile.ZipFile(path) as final, (zipfile.ZipFile(before) if before.exists() else nullcontext()) as old:
        for info in final.infolist():
            data = changed[info.filename] if info.filename in changed else old.read(info.filename)
            entries.append((info, data))
        _write_zip(out / path.name, entries)
    seconds = time.perf_counter() - t0 + documents
    shutil.rmtree(out)
    return {"seconds": seconds, "peak_mb": _peak_mb()}


def _write_documents(folder: Path, out: Path) -> float:
    """Seconds spent writing the documents step's files again under out, each from its given final bytes."""
    from xl_addin.domain import schema

    made = folder / schema.DOCUMENTS_DIR
    seconds = 0.0
    for path in sorted(p for p in made.rglob("*") if p.is_file()):
        target = out / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        given = path.read_bytes()  # not timed: the bytes are given
        t0 = time.perf_counter()
        target.write_bytes(given)
        seconds += time.perf_counter() - t0
    return seconds


def _before(folder: Path, step: str) -> Path:
    return folder / f".before-{step}.xlsx"


def _parts(path: Path) -> list:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def _changed_parts(before: Path, after: Path) -> dict[str, bytes]:
    """The entries of `after` that `before` lacks or holds with other bytes."""
    import zipfile

    old = dict((info.filename, data) for info, data in _parts(before)) if before.exists() else {}
    with zipfile.ZipFile(after) as zf:
        return {n: data for n in zf.namelist() if old.get(n) != (data := zf.read(n))}


def _write_zip(path: Path, entries: list) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        for info, data in entries:
            zf.writestr(zipfile.ZipInfo(info.filename, info.date_time), data, compress_type=info.compress_type)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, step: str, folder: Path, scale: str) -> dict:
    """Run a step (or one of its floors) in a fresh Python process."""
    out = subprocess.run([sys.executable, __file__, "--child", kind, step, str(folder), scale],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} {step} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_scale(scale: str) -> None:
    """Print one line per step: seconds and peak MB of the step and of each floor, and the ratios."""
    from xl_addin.domain import schema

    n, k = SCALES[scale]
    print(f"\n{scale}: {n} products, {k} judges")
    print(f"{'':<10}{'step':>16}{'openpyxl floor':>22}{'calamine+zip floor':>22}   targets: ratio <= 2")
    print(f"{'step':<10}" + f"{'seconds':>9}{'peak MB':>8}" + f"{'seconds':>9}{'MB':>6}{'ratio':>7}" * 2)
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{scale}-"))
    peak = 0.0
    try:
        for step in STEPS:
            if (folder / schema.CONTEST_FILE).exists():
                shutil.copy2(folder / schema.CONTEST_FILE, _before(folder, step))
            got = child("step", step, folder, scale)
            line = f"{step:<10}{got['seconds']:>9.2f}{got['peak_mb']:>8.0f}"
            for kind in ("floor", "calamine"):
                floor = child(kind, step, folder, scale)
                ratio = got["seconds"] / floor["seconds"] if floor["seconds"] else float("nan")
                line += f"{floor['seconds']:>9.2f}{floor['peak_mb']:>6.0f}{ratio:>7.2f}"
            peak = max(peak, got["peak_mb"])
            print(line, flush=True)
        print(f"peak memory of the pipeline: {peak:.0f} MB (targets for nation scale: < 500 MB issue 2, "
              f"< 300 MB issue 11)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    """Parse arguments and run the benchmark (or one child step)."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, step, folder, scale = sys.argv[2:6]
        fn = {"step": run_step, "floor": run_floor, "calamine": run_calamine_floor}[kind]
        print(json.dumps(fn(step, Path(folder), scale)))
        return
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--scale", choices=["province", "nation", "both"], default="both")
    args = p.parse_args()
    for scale in (SCALES if args.scale == "both" else [args.scale]):
        bench_scale(scale)


if __name__ == "__main__":
    main()
