"""The results step's computing alone (no workbook read or saved): scores to a ResultSet and Kết quả's rows.

Run: .venv/bin/python bench/scoring.py [--scale province|nation] [--other DIR] [--rounds 3]
The contest is bench/pipeline.py's synthetic one, built in memory (scores in halves, every judge
scoring every product), plus a variant with conflicts, a quota, forwarding and a person's edits
in the previous Kết quả. Prints the best CPU seconds of each part over the rounds. With --other DIR
(another checkout, e.g. `git archive 97536eb | tar -x -C /tmp/before`) it times that tree too, in
its own process, and says whether the two trees give the same results and rows, bit for bit.
Give the load average (`uptime`) with the figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("result set", "rows", "rows, previous kept", "proposed read back")


def contests(scale: str):
    """The plain contest and the variant, with their judges' sheets and previous Kết quả rows."""
    sys.path.insert(0, str(ROOT / "bench"))
    import pipeline
    from xl_addin.domain import rules, schema
    from xl_addin.domain.models import Contest, ContestInfo, ScoreSheet

    regs, judges, scores = pipeline.synthetic(*pipeline.SCALES[scale])
    sheets = [ScoreSheet(j.code, f"{j.code}.xlsx", scores[j.code]) for j in judges]
    plain = Contest(ContestInfo(2025, "tinh", "Bắc Giang"), rules.preset(), tuple(regs), tuple(judges))
    rnd = random.Random(7)
    codes = [r.code for r in regs]
    variant = dataclasses.replace(
        plain, rules=plain.rules.with_changes(quota=len(regs) // 2, forward_count=len(regs) // 10),
        judges=tuple(dataclasses.replace(j, conflicts=frozenset(rnd.sample(codes, len(codes) // 75))) for j in judges))
    return [(plain, sheets, lambda rows: None), (variant, sheets, lambda rows: _edited(rows, rnd, schema))]


def _edited(rows, rnd, schema):
    """Kết quả's rows as a person left them: some proposals changed, a certificate typed, a column added."""
    rows = [list(r) for r in rows]
    head = rows[3]
    council, forward, cert = (head.index(h) for h in (schema.RES_COUNCIL, schema.RES_FORWARD, schema.RES_CERT_NO))
    head.append("Ghi chú của hội đồng")
    for row in rows[4:]:
        k = rnd.random()
        if k < 0.1:
            row[council] = schema.NO if k < 0.05 else "co"
        elif k < 0.14:
            row[forward if k < 0.12 else cert] = schema.YES if k < 0.12 else "123/GCN"
        row.append("ghi chú" if k < 0.3 else None)
    return rows


def measure(scale: str, rounds: int, out: str | None) -> dict[str, list[float]]:
    """Best CPU seconds per part for each contest; the outputs pickled to `out`."""
    from xl_addin.domain.scoring import result_set_from_sheets
    from xl_addin.domain.sheets import results as sheet

    best: dict[str, list[float]] = {}
    outputs = []
    for n, (contest, sheets, previous_of) in enumerate(contests(scale)):
        codes = [j.code for j in contest.judges]
        for _ in range(rounds):
            t = [time.process_time()]
            rs = result_set_from_sheets(contest, sheets)
            t.append(time.process_time())
            rows = sheet.rows_from_results(rs, contest.rules, None, title="x", judge_codes=codes)
            t.append(time.process_time())
            previous = previous_of(rows) or rows
            again = sheet.rows_from_results(rs, contest.rules, previous, title="x", judge_codes=codes)
            t.append(time.process_time())
            proposed = sum(1 for r in sheet.result_rows_from_rows(again) if r.council)
            t.append(time.process_time())
            for part, a, b in zip(PARTS, t, t[1:]):
                key = f"{('plain', 'variant')[n]}: {part}"
                best[key] = [min(best.get(key, [b - a])[0], b - a)]
        outputs.append((rs, rows, again, proposed))
    if out:
        Path(out).write_bytes(pickle.dumps(outputs))
    return best


def _difference(a, b, where: str = "") -> str:
    """Where two outputs differ (types, Decimal digits and exponents, float reprs), or ''."""
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} / {type(b).__name__}"
    if isinstance(a, Decimal):
        return "" if a.as_tuple() == b.as_tuple() else f"{where}: {a!r} / {b!r}"
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{where}: {len(a)} / {len(b)} items"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := _difference(x, y, f"{where}[{i}]"))), "")
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{where}: keys differ"
        return next((d for k in a if (d := _difference(a[k], b[k], f"{where}[{k!r}]"))), "")
    if dataclasses.is_dataclass(a):
        return next((d for f in dataclasses.fields(a)
                     if (d := _difference(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}"))), "")
    return "" if repr(a) == repr(b) else f"{where}: {a!r} / {b!r}"


def main() -> None:
    """Time this tree (and another one) and print the parts side by side."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        code, scale, rounds, out = sys.argv[2:6]
        sys.path.insert(0, code)
        print(json.dumps(measure(scale, int(rounds), out)))
        return
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--scale", choices=["province", "nation"], default="nation")
    p.add_argument("--other", help="another checkout to time alongside this one")
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    trees = [("this tree", str(ROOT))] + ([("other", args.other)] if args.other else [])
    got, files = {}, []
    for label, code in trees:
        out = tempfile.NamedTemporaryFile(suffix=".pickle", delete=False).name
        run = subprocess.run([sys.executable, __file__, "--child", code, args.scale, str(args.rounds), out],
                             capture_output=True, text=True, check=True)
        got[label] = json.loads(run.stdout.strip().splitlines()[-1])
        files.append(Path(out))
    print(f"{args.scale}: best CPU seconds of {args.rounds} rounds")
    print(f"{'':<36}" + "".join(f"{label:>12}" for label, _ in trees))
    for key in got["this tree"]:
        print(f"{key:<36}" + "".join(f"{got[label][key][0]:>12.3f}" for label, _ in trees))
    if args.other:
        sys.path.insert(0, str(ROOT))
        mine, theirs = (pickle.loads(f.read_bytes()) for f in files)
        print("same results and rows, bit for bit:", _difference(mine, theirs) or "yes")
    for f in files:
        f.unlink()


if __name__ == "__main__":
    main()
