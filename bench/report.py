"""Time and peak memory of the period summary report for 30 contests of 3,000 products.

Run: .venv/bin/python bench/report.py [--register PATH_OR_URL --from Y --to Y]
Without --register it builds the register's answer (ReportData) for 30 contests directly, as the
register would return it, and times the figures and the Word report from it. With --register
(e.g. the register bench/register.py fills) it times the whole `make_report`, query included.
The report never opens a contest workbook: the script checks that openpyxl was not even imported.
Target (issue 8): under 3 s and 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
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

    start = time.perf_counter()
    with open_register(location, Path.cwd()) as register:
        outcome = make_report(register, year_from, year_to, out)
    print(outcome.summary())
    print(f"make_report from the register: {time.perf_counter() - start:.2f} s; peak memory {peak_mb():.0f} MB")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--register")
    p.add_argument("--from", dest="year_from", type=int, default=1900)
    p.add_argument("--to", dest="year_to", type=int, default=2200)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="binhchon-bench-report-") as tmp:
        if args.register:
            from_register(args.register, args.year_from, args.year_to, Path(tmp))
        else:
            from_records(Path(tmp))
    print("openpyxl imported (a workbook opened):", "openpyxl" in sys.modules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
