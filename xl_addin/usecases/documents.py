"""Make the certificates, the decision annex and the score summary; write certificate numbers back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..documents import DocumentsOutcome, write_documents
from ..domain import schema
from ..domain import score_messages as score_msg
from ..domain.document_messages import PDF_NOT_ASKED
from ..domain.checks.council import COUNCIL_CODES, check_council
from ..domain.findings import Finding
from ..domain.sheets.results_readback import result_set_from_rows
from ..domain.sheets.results import result_rows_from_rows, results_sheet_layout, with_certificates
from ..domain.tables import find_table
from ..errors import BlockedError
from ..progress import NO_PROGRESS, Progress
from .findings_sheet import listed_findings, listed_marks, show_findings
from .actions import journal_name
from .journal import log_action, refusals_logged
from ..ports import ContestBook
from .validate import read_and_check, source_files


@dataclass(frozen=True)
class DocumentsSummary:
    """What the documents step made, for the CLI and the Excel message box."""

    outcome: DocumentsOutcome
    folder: Path
    pdf_asked: bool = True
    findings: list[Finding] = field(default_factory=list)  # the council columns' warnings (errors refuse)

    @property
    def exit_code(self) -> int:
        """Always 0: a refusal is raised, never returned."""
        return 0

    @property
    def files(self) -> list[Path]:
        """The .docx and .pdf files written in this run."""
        return [*self.outcome.files, *self.outcome.pdf_files]

    def summary(self) -> str:
        """A short Vietnamese summary naming the output folder."""
        o = self.outcome
        text = (f"Đã in {len(o.certificates)} giấy chứng nhận và {len(o.files)} tệp Word"
                f"{f', {len(o.pdf_files)} tệp PDF' if o.pdf_files else ''} vào {self.folder}.")
        if o.skipped:
            text += f" Bỏ qua {len(o.skipped)} giấy chứng nhận đã có, không đổi."
        if o.pdf_message:
            text += " " + o.pdf_message
        elif not self.pdf_asked:
            text += " " + PDF_NOT_ASKED
        return " ".join([text, *o.messages])


def make_documents_for(book: ContestBook, *, pdf: bool = False, only_new: bool = False,
                       out_dir: Path | None = None, progress: Progress = NO_PROGRESS) -> DocumentsSummary:
    """The documents use case: render them from the Kết quả sheet as it stands (a person's edits included)."""
    with refusals_logged(book, journal_name("make_documents"), source_files(book)):
        return _make_documents(book, pdf, only_new, out_dir, progress)


def _make_documents(book: ContestBook, pdf: bool, only_new: bool, out_dir: Path | None,
                    progress: Progress) -> DocumentsSummary:
    """The documents step; BlockedError when the workbook is not ready for it."""
    checked = read_and_check(book)
    if not checked.ok or checked.contest is None:
        raise BlockedError(f"Chưa in văn bản: sổ {book.label} còn {checked.summary()} Hãy chạy kiểm tra và sửa lỗi trước.")
    contest = checked.contest
    raw = book.read([schema.SHEET_RESULTS]).get(schema.SHEET_RESULTS, [])
    rows = result_rows_from_rows(raw)
    if not rows:
        raise BlockedError(f"Sheet {schema.SHEET_RESULTS} chưa có kết quả. Hãy chạy “binhchon results” (nút Tính kết quả) trước.")
    if raw and schema.RES_PROVISIONAL_MARK in str(raw[0][0] if raw[0] else ""):
        raise BlockedError(f"Kết quả hiện là {schema.RES_PROVISIONAL_MARK}; chỉ in giấy chứng nhận từ kết quả chính thức. "
                           "Hãy thu đủ phiếu chấm và tính lại kết quả.")
    warnings = _check_council(book, raw, contest, checked.findings)
    result_set = result_set_from_rows(raw, contest)
    folder = out_dir or book.folder / schema.DOCUMENTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    outcome = write_documents(contest, rows, result_set, folder, pdf=pdf, only_new=only_new, progress=progress)
    outcome.messages.extend(f"Cảnh báo ({f.code}, ô {f.cell}): {f.message}" for f in warnings)
    if result_set is None:
        outcome.messages.append(score_msg.NO_JUDGE_TOTALS.format(sheet=schema.SHEET_RESULTS))
    if outcome.certificates:
        written = with_certificates(raw, outcome.certificates)
        book.write_sheet(schema.SHEET_RESULTS, written, results_sheet_layout(_header(written), contest.rules))
        book.mark(listed_marks(book, schema.SHEET_RESULTS))  # the results' warnings stay highlighted
    summary = DocumentsSummary(outcome, folder, pdf_asked=pdf, findings=warnings)
    log_action(book, journal_name("make_documents"), source_files(book), summary.summary())
    return summary


def _check_council(book: ContestBook, raw, contest, earlier: list[Finding]) -> list[Finding]:
    """Show the findings on the council's columns; BlockedError when any is an error, else the warnings."""
    found = check_council(raw, contest)
    listed = listed_findings(book) or list(earlier)
    others = [f for f in listed if not _is_council(f)]
    if not found and len(others) == len(listed):
        return []  # nothing to show, and no earlier council finding to clear
    show_findings(book, others + found)  # the last check's other findings (validate's, results') stay listed
    errors = [f for f in found if f.is_error]
    if errors:
        raise BlockedError(score_msg.COUNCIL_BLOCKED.format(
            sheet=schema.SHEET_RESULTS, errors=len(errors), cells=", ".join(f.cell for f in errors),
            findings=schema.SHEET_FINDINGS))
    return found


def _is_council(f: Finding) -> bool:
    """True for a finding of the council check (on Kết quả's council columns)."""
    return f.sheet == schema.SHEET_RESULTS and f.code in COUNCIL_CODES


def _header(rows) -> list:
    """The header row of a Kết quả sheet's rows."""
    table = find_table(schema.SHEET_RESULTS, rows, schema.COL_CODE)
    return list(table.rows[table.header_row]) if table is not None else []
