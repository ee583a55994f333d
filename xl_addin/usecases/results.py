"""Read the judges' workbooks, check them, compute results and write the Kết quả sheet."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import schema
from ..domain import score_messages as score_msg
from ..domain.findings import Finding, count, error, has_errors
from ..domain.models import Contest, ScoreSheet, product_fingerprint
from ..domain.results import ResultSet
from ..domain.sheets.results import HEADER_ROW as RESULTS_HEADER_ROW  # noqa: F401 (callers read it here)
from ..domain.sheets.results import proposed_count, results_layout, results_title, rows_from_results
from ..domain.sheets.scoresheet import check_sheet_set, score_sheet_from_rows
from ..domain.sheets.scoresheet_identity import IssuedProducts, named_judge
from ..domain.scoring import result_set_from_sheets
from ..errors import BlockedError, WorkbookError
from ..progress import NO_PROGRESS, Progress, tracked
from .collector import collector_paused
from .findings_sheet import show_findings
from .judge_reads import JudgeReads
from .actions import journal_name
from .journal import log_action, refusals_logged
from ..ports import ContestBook
from .validate import ValidateOutcome, read_and_check, source_files

READING_SHEETS = "Đọc phiếu chấm"

@dataclass(frozen=True)
class ResultsOutcome:
    """The computed results (None when the judges' sheets have errors) and this step's findings."""

    result_set: ResultSet | None
    findings: list[Finding] = field(default_factory=list)  # the judges' sheets' and the computation's
    judge_files: list[Path] = field(default_factory=list)
    earlier: list[Finding] = field(default_factory=list)  # validate's warnings, kept in Kiểm tra, not recounted
    proposed: int | None = None  # Hội đồng đề xuất = Có in Kết quả as written (a person's edits kept)

    @property
    def exit_code(self) -> int:
        """0 results written, 1 blocked by errors."""
        return 1 if self.result_set is None else 0

    @property
    def files(self) -> list[Path]:
        """No file besides the contest workbook: the judges' workbooks are only read."""
        return []

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        errors, warnings = count(self.findings)
        if self.result_set is None:
            text = f"Chưa tính kết quả: {errors} lỗi, {warnings} cảnh báo (xem sheet {schema.SHEET_FINDINGS})."
            if all(f.code == "missing-score" for f in self.findings if f.is_error):
                text += (" Khi còn chờ phiếu chấm, có thể tính tạm: binhchon results … --provisional "
                         "(nút “Tính tạm” trong Excel).")
            return text
        rs = self.result_set
        passed = sum(1 for r in rs.results if r.passed)
        proposed = self.proposed if self.proposed is not None else sum(1 for r in rs.results if r.council_proposal)
        mark = f" ({schema.RES_PROVISIONAL_MARK})" if rs.provisional else ""
        return (f"Đã tính kết quả{mark}: {len(rs.results)} sản phẩm, {passed} đạt điểm sàn, "
                f"{proposed} được đề xuất công nhận; {warnings} cảnh báo.")


def judge_files(folder: Path) -> list[Path]:
    """The judges' workbooks in phieu_cham/, without Excel's ~$ lock files."""
    d = folder / schema.JUDGES_DIR
    if not d.is_dir():
        return []
    return sorted(p for p in d.glob("*.xlsx") if not p.name.startswith(("~$", ".")))


def read_score_sheets(contest: Contest, files: list[Path], provisional: bool,
                      progress: Progress = NO_PROGRESS, reads: JudgeReads | None = None,
                      ) -> tuple[list[ScoreSheet], list[Finding]]:
    """Every judge's sheet parsed and checked, each file opened read-only (`reads`: the files being read)."""
    with JudgeReads(files) if reads is None else nullcontext(reads) as files_read:
        return _score_sheets(contest, files_read, provisional, progress)


def _score_sheets(contest: Contest, reads: JudgeReads, provisional: bool,
                  progress: Progress) -> tuple[list[ScoreSheet], list[Finding]]:
    fingerprint = product_fingerprint(contest.registrations)
    products = IssuedProducts(contest.registrations)
    sheets: list[ScoreSheet] = []
    findings: list[Finding] = []
    seen: set[Finding] = set()
    by_judge: dict[str, list[str]] = {}
    for path, raw in tracked(progress, READING_SHEETS, reads):
        label = f"{schema.JUDGES_DIR}/{path.name}"
        if isinstance(raw, WorkbookError):
            unreadable = error("unreadable-file", schema.SHEET_SCORING, "", raw.message, label)
            seen.add(unreadable)
            findings.append(unreadable)
            continue
        sheet, found = score_sheet_from_rows(label, raw, contest, fingerprint, provisional=provisional,
                                             products=products)
        for f in found:  # a renamed product: once, not per judge (a set: thousands of missing scores stay linear)
            if f not in seen:
                seen.add(f)
                findings.append(f)
        if sheet is not None:
            sheets.append(sheet)
        # An unusable sheet (stale, another version) is still the judge's: not also "no sheet from GKxx".
        judge = sheet.judge_code if sheet is not None else named_judge(raw)
        if judge:
            by_judge.setdefault(judge, []).append(label)
    findings.extend(check_sheet_set(contest, sheets, by_judge, provisional=provisional))
    return sheets, findings


def compute(book: ContestBook, *, provisional: bool = False, progress: Progress = NO_PROGRESS) -> ResultsOutcome:
    """Check the registrations and the judges' sheets, then compute and write Kết quả."""
    with collector_paused():
        return _compute(book, provisional, progress)


def _compute(book: ContestBook, provisional: bool, progress: Progress) -> ResultsOutcome:
    files = judge_files(book.folder)
    with JudgeReads(files) as reads:  # the judges' files read while the contest workbook is
        checked = read_and_check(book)
        return _computed(book, checked, files, reads, provisional, progress)


def _computed(book: ContestBook, checked: ValidateOutcome, files: list[Path], reads: JudgeReads, provisional: bool,
              progress: Progress) -> ResultsOutcome:
    if not checked.ok or checked.contest is None:
        show_findings(book, checked.findings)
        with refusals_logged(book, journal_name("compute_provisional" if provisional else "compute_results"),
                             source_files(book)):
            raise BlockedError(
                f"Chưa tính kết quả: sổ {book.label} còn {checked.summary()} "
                f"Hãy sửa các lỗi trong sheet {schema.SHEET_FINDINGS} rồi chạy lại."
            )
    contest = checked.contest
    sheets, findings = read_score_sheets(contest, files, provisional, progress, reads)
    if provisional and not has_errors(findings) and not any(sheet.scores for sheet in sheets):
        show_findings(book, checked.findings + findings)
        with refusals_logged(book, journal_name("compute_provisional"), source_files(book) + files):
            raise BlockedError(score_msg.NOTHING_SCORED.format(folder=schema.JUDGES_DIR))
    if has_errors(findings):
        outcome = ResultsOutcome(None, findings, files, checked.findings)
    else:
        rs = result_set_from_sheets(contest, sheets, provisional=provisional)
        findings += list(rs.findings)
        rows = write_results(book, contest, rs)
        proposed = proposed_count(rows)
        outcome = ResultsOutcome(rs, findings, files, checked.findings, proposed)
    show_findings(book, checked.findings + findings)
    log_action(book, journal_name("compute_provisional" if provisional else "compute_results"), source_files(book) + files,
               outcome.summary())
    return outcome


def write_results(book: ContestBook, contest: Contest, rs: ResultSet) -> list:
    """Write Kết quả, keeping what a person typed in the pre-filled columns; the rows written."""
    previous = book.read([schema.SHEET_RESULTS]).get(schema.SHEET_RESULTS)
    title = results_title(contest.info.year)
    codes = [j.code for j in contest.judges]
    rows = rows_from_results(rs, contest.rules, previous, title=title, judge_codes=codes)
    book.write_sheet(schema.SHEET_RESULTS, rows, results_layout(contest.rules, codes))
    return rows
