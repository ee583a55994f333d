"""Where the time of `binhchon documents` goes, part by part, on a contest of N recognised products.

Run: .venv/bin/python bench/documents_parts.py [N]   (default 1,000, as bench/certificates.py)
The command runs in a fresh process (`python -m xl_addin.cli documents FOLDER` as main(), in-process
so its parts can be timed; binhchon's modules compiled first, as an installed package has them):
Python's own start, the imports of the command and the libraries it loads, then the wall-clock seconds of each part, each counted once (a part called inside another is taken
out of the outer one). The shares show what making each part faster would buy; the load average is
printed with them, since the machine may be shared. BINHCHON_BENCH_DIR: where the contest is made,
as for bench/certificates.py.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (module, attribute, part): the functions timed, by the part of the command they belong to.
TIMED = (
    ("xl_addin.workbooks.contest_book", "FileContestBook.read", "reading the workbook (book.read)"),
    ("xl_addin.workbooks.contest_book", "FileContestBook.save", "saving the workbook (book.save)"),
    ("xl_addin.usecases.documents", "read_and_check", "input sheets: parse + checks"),
    ("xl_addin.usecases.documents", "result_rows_from_rows", "Kết quả: rows"),
    ("xl_addin.usecases.documents", "result_set_from_rows", "Kết quả: judges' totals read back"),
    ("xl_addin.usecases.documents", "_check_council", "Kết quả: council check"),
    ("xl_addin.usecases.documents", "with_certificates", "Kết quả: numbers written in"),
    ("xl_addin.documents.make", "annex_context", "annex"),
    ("xl_addin.documents.make", "summary_context", "score summary"),
    ("xl_addin.documents.make", "certificate_jobs", "certificates"),
    ("xl_addin.documents.make", "write_certificates", "certificates"),
    ("xl_addin.documents.render", "TemplateRenderer.__init__", "template checks"),
    ("xl_addin.documents.render", "make_stamp", "certificates"),
)
RENDERED = {"annex": "annex", "summary": "score summary"}  # template file name -> part
# The imports split by library (from `-X importtime`'s self times, scaled to the imports' seconds).
LIBRARIES = {"openpyxl": "openpyxl + numpy", "numpy": "openpyxl + numpy", "docxtpl": "docxtpl, python-docx, jinja2",
             "docx": "docxtpl, python-docx, jinja2", "jinja2": "docxtpl, python-docx, jinja2",
             "markupsafe": "docxtpl, python-docx, jinja2", "lxml": "docxtpl, python-docx, jinja2",
             "PIL": "docxtpl, python-docx, jinja2", "xl_addin": "binhchon's own modules"}


def main(n: int) -> int:
    """Make the contest, measure the command in a fresh process, print the parts."""
    sys.path.insert(0, str(ROOT / "bench"))
    from certificates import bench_dir, compiled_env, recognised_contest

    with tempfile.TemporaryDirectory(dir=bench_dir()) as tmp:
        print(f"preparing a contest of {n} recognised products under {Path(tmp).parent}...", flush=True)
        folder = recognised_contest(Path(tmp, "contest"), n)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        python_start = time.perf_counter() - start
        env = compiled_env()
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
        done = subprocess.run([sys.executable, __file__, "--measure", str(folder)], env=env,
                              text=True, capture_output=True, check=False)
        if done.returncode != 0:
            raise SystemExit(done.stdout + done.stderr)
        parts = [line.split("\t") for line in done.stdout.strip().splitlines()]
        shutil.rmtree(folder)
        # The imports once more under -X importtime (which slows them), only to split their seconds by library.
        imported = subprocess.run([sys.executable, "-X", "importtime", __file__, "--imports"], env=env, text=True,
                                  capture_output=True, check=True)
    rows = [("Python start", python_start)] + [(name, float(s)) for name, s in parts]
    rows[1:2] = [(f"imports: {lib}", s) for lib, s in _imports_by_library(imported.stderr, rows[1][1])]
    total = sum(s for _, s in rows)
    print(f"binhchon documents on {n} recognised products: {total:.2f} s  (load average "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())})")
    for name, seconds in rows:
        print(f"  {name:<42} {seconds:6.2f} s  {100 * seconds / total:5.1f} %")
    return 0


def _imports_by_library(importtime: str, seconds: float) -> list[tuple[str, float]]:
    """The imports' seconds split by library, in proportion to `-X importtime`'s self times."""
    spent: dict[str, int] = {}
    for line in importtime.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        root = fields[2].strip().split(".")[0]
        lib = LIBRARIES.get(root, "the standard library and others")
        spent[lib] = spent.get(lib, 0) + int(fields[0])
    whole = sum(spent.values()) or 1
    return sorted(((lib, seconds * us / whole) for lib, us in spent.items()), key=lambda kv: -kv[1])


def import_all() -> None:
    """Import what the command imports before it reads anything."""
    import importlib

    importlib.import_module("xl_addin.cli")
    for module in sorted({m for m, _, _ in TIMED}):
        importlib.import_module(module)


def measure(folder: str) -> None:
    """In the fresh process: import, run the command with its parts timed, print part<TAB>seconds."""
    start = time.perf_counter()
    import_all()
    imports = time.perf_counter() - start
    import importlib

    from xl_addin import cli
    clock = _Clock()
    for module, attr, part in TIMED:
        clock.wrap(importlib.import_module(module), attr, part)
    clock.wrap_render(importlib.import_module("xl_addin.documents.render").TemplateRenderer)
    clock.wrap_table(importlib.import_module("xl_addin.documents.make"))
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["documents", folder])
    whole = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"binhchon documents failed ({code})")
    print(f"imports (the command and its libraries)\t{imports}")
    for part, seconds in sorted(clock.totals.items(), key=lambda kv: -kv[1]):
        print(f"{part}\t{seconds}")
    print(f"everything else in the command\t{whole - sum(clock.totals.values())}")


class _Clock:
    """Wall-clock seconds per part, each second counted in the innermost part only."""

    def __init__(self):
        self.totals: dict[str, float] = {}
        self.stack: list[list] = []

    def timed(self, part: str, fn, *args, **kwargs):
        """fn(*args, **kwargs), its time added to part (less what inner parts took)."""
        self.stack.append([time.perf_counter(), 0.0])
        try:
            return fn(*args, **kwargs)
        finally:
            began, inner = self.stack.pop()
            spent = time.perf_counter() - began
            self.totals[part] = self.totals.get(part, 0.0) + spent - inner
            if self.stack:
                self.stack[-1][1] += spent

    def wrap(self, module, attr: str, part: str) -> None:
        """Time module.attr (or module.Class.method) as part."""
        owner, name = module, attr
        if "." in attr:
            cls, name = attr.split(".")
            owner = getattr(module, cls)
        fn = getattr(owner, name)
        setattr(owner, name, lambda *a, **k: self.timed(part, fn, *a, **k))

    def wrap_render(self, renderer) -> None:
        """Time TemplateRenderer.render by the template it renders (annex, summary)."""
        fn = renderer.render

        def render(tpl, *args, **kwargs):
            part = next((p for key, p in RENDERED.items() if key in tpl.path.stem), "other documents")
            return self.timed(part, fn, tpl, *args, **kwargs)

        renderer.render = render

    def wrap_table(self, make) -> None:
        """Time make.render_table (the annex's and the summary's table stamp) by its template, when there is one."""
        fn = getattr(make, "render_table", None)
        if fn is None:
            return

        def render_table(tpl, *args, **kwargs):
            part = next((p for key, p in RENDERED.items() if key in tpl.path.stem), "other documents")
            return self.timed(part, fn, tpl, *args, **kwargs)

        make.render_table = render_table


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        measure(sys.argv[2])
    elif sys.argv[1:] == ["--imports"]:
        import_all()
    else:
        sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
