"""The `results` step at nation scale, its save apart: this tree against another one, alternately.

Run: .venv/bin/python bench/results_save.py [--other DIR] [--rounds 2]
DIR is another checkout of the project (e.g. `git archive f3a7b94 | tar -x -C /tmp/before`, the
openpyxl save before issue 11). The contest (3,000 products, 9 judges, scores filled) is made once
with bench/pipeline.py's steps; each timing runs in a fresh process on a copy of it. Prints wall and
CPU seconds of compute + save, of the save alone, and peak RSS; give the load average with them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(code: str, folder: str) -> dict:
    """compute + save on a copy of the contest folder, with the project at `code`."""
    sys.path.insert(0, code)
    from xl_addin.usecases.results import compute
    from xl_addin.workbooks.contest_book import FileContestBook

    work = tempfile.mkdtemp(prefix="results-save-")
    try:
        dst = Path(work) / "c"
        shutil.copytree(folder, dst)
        t0, c0 = time.perf_counter(), time.process_time()
        book = FileContestBook(dst / "binhchon.xlsx")
        assert compute(book).result_set is not None
        t1, c1 = time.perf_counter(), time.process_time()
        book.save()
        t2, c2 = time.perf_counter(), time.process_time()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"wall": t2 - t0, "cpu": c2 - c0, "save_wall": t2 - t1, "save_cpu": c2 - c1,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def prepare(folder: Path) -> None:
    """The nation-scale contest through init, validate and judges, the judges' scores filled."""
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    import pipeline

    folder.mkdir(parents=True)
    for step in ("init", "validate", "judges"):
        pipeline.run_step(step, folder, "nation")


def main() -> None:
    """Prepare once, then time each tree alternately in fresh processes."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(timed(sys.argv[2], sys.argv[3])))
        return
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--other", help="another checkout to time against this one")
    p.add_argument("--rounds", type=int, default=2)
    args = p.parse_args()
    base = Path(tempfile.mkdtemp(prefix="results-save-contest-"))
    try:
        prepare(base / "c")
        trees = [str(ROOT)] + ([str(Path(args.other).resolve())] if args.other else [])
        print(f"{'tree':<40}{'wall s':>8}{'cpu s':>8}{'save s':>8}{'save cpu':>9}{'peak MB':>9}  load")
        for _ in range(args.rounds):
            for tree in trees:
                out = subprocess.run([sys.executable, __file__, "--child", tree, str(base / "c")],
                                     capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
                got = json.loads(out.stdout.strip().splitlines()[-1])
                load = " ".join(f"{x:.2f}" for x in os.getloadavg())
                print(f"{tree[-40:]:<40}{got['wall']:>8.2f}{got['cpu']:>8.2f}{got['save_wall']:>8.2f}"
                      f"{got['save_cpu']:>9.2f}{got['peak_mb']:>9.0f}  {load}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
