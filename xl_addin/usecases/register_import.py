"""`register template` and `register import`: the workbook staff fill, and reading it into the register."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import register_schema as rs
from ..domain.findings import Finding, error, has_errors
from ..domain.register_decisions import decision_rows_from_rows
from ..domain.register_sheets import activity_rows_from_rows, reference_rows_from_rows, upper_rows_from_rows
from ..domain.tables import Rows
from ..errors import BinhchonError
from ..register import Register
from ..register.decisions import store_decisions
from ..register.outcomes import Stored, log_import, store_activities, store_references, store_upper_rows
from ..workbooks.register_template import write_register_workbook
from ..workbooks.xlsx_io import read_sheets
from ..safe_files import sha256_of


@dataclass
class ImportOutcome:
    """What `register import` wrote (nothing when a row could not be placed) and every finding."""

    where: str
    stored: Stored = field(default_factory=Stored)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 every row written, 1 some row refused (then nothing was written), 2 a file unusable."""
        if any(f.code in ("unreadable-file", "missing-sheet") for f in self.findings):
            return 2
        return 1 if has_errors(self.findings) else 0

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        s = self.stored
        errors = sum(1 for f in self.findings if f.is_error)
        if errors:
            return (f"Không ghi gì vào sổ theo dõi {self.where}: {errors} lỗi (xem danh sách). "
                    "Hãy sửa các ô được chỉ ra rồi nhập lại cả tệp.")
        return (f"Đã ghi vào sổ theo dõi {self.where}: {s.rounds} kết quả cấp trên ({s.recognitions} được công "
                f"nhận), {s.activities} dòng hoạt động, {s.references} dòng số cơ sở CNNT"
                + (f", {s.decisions} xác nhận nghi trùng." if s.decisions else "."))


def write_register_template(folder: Path) -> Path:
    """Write FOLDER/mau_so_theo_doi.xlsx (Kết quả cấp trên, Hoạt động, Cơ sở CNNT); its path."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(parents=True)
    return write_register_workbook(folder / rs.TEMPLATE_FILE)


def _sheets_of(path: Path, findings: list[Finding]) -> dict[str, Rows] | None:
    """The register sheets of a workbook (any of them), or None with a finding saying why not."""
    try:
        sheets = read_sheets(path)
    except BinhchonError as exc:
        findings.append(error("unreadable-file", "", "", exc.message, path.name))
        return None
    by_key = {name.strip().casefold(): rows for name, rows in sheets.items()}
    found = {name: by_key[name.casefold()] for name in rs.IMPORT_SHEETS if name.casefold() in by_key}
    if not found:
        names = ", ".join(f"“{n}”" for n in rs.IMPORT_SHEETS if n != rs.VIEW_DUPLICATES)
        findings.append(error("missing-sheet", "", "A1", (
            f"Tệp {path.name} không có sheet nào trong {names}. Hãy dùng mẫu tạo bằng "
            f"binhchon register template (tệp {rs.TEMPLATE_FILE}), hoặc tệp của binhchon register export "
            f"đã chọn Có/Không ở sheet “{rs.VIEW_DUPLICATES}”."), path.name))
        return None
    return found


def import_outcomes(register: Register, files: list[Path]) -> ImportOutcome:
    """Read the register workbooks into the register in one transaction; with any error nothing is written."""
    outcome = ImportOutcome(register.where, notes=list(register.notes))
    now = dt.datetime.now().replace(microsecond=0)
    with register.writing() as writer:
        for path in (Path(f) for f in files):
            sheets = _sheets_of(path, outcome.findings)
            if sheets is None:
                continue
            upper, f1 = upper_rows_from_rows(sheets[rs.SHEET_UPPER]) if rs.SHEET_UPPER in sheets else ([], [])
            acts, f2 = activity_rows_from_rows(sheets[rs.SHEET_ACTIVITIES]) if rs.SHEET_ACTIVITIES in sheets else ([], [])
            refs, f3 = reference_rows_from_rows(sheets[rs.SHEET_REFERENCE]) if rs.SHEET_REFERENCE in sheets else ([], [])
            decided, f4 = (decision_rows_from_rows(sheets[rs.VIEW_DUPLICATES])
                           if rs.VIEW_DUPLICATES in sheets else ([], []))
            outcome.findings += [_in_file(f, path.name) for f in f1 + f2 + f3 + f4]
            import_id = log_import(writer.conn, str(path.resolve()), sha256_of(path),
                                   len(upper) + len(acts) + len(refs) + len(decided), now)
            store_upper_rows(writer.conn, upper, import_id, path.name, outcome.stored)
            store_activities(writer.conn, acts, import_id, path.name, outcome.stored)
            store_references(writer.conn, refs, import_id, path.name, outcome.stored)
            outcome.stored.decisions += store_decisions(writer.conn, decided, import_id, path.name, now,
                                                        outcome.stored.findings)
        outcome.findings += outcome.stored.findings
        if has_errors(outcome.findings):
            writer.cancel()
    return outcome


def _in_file(finding: Finding, name: str) -> Finding:
    return Finding(finding.severity, finding.code, finding.sheet, finding.cell, finding.message, name)
