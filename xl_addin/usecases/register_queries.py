"""Asking the register: an establishment's history, certificates ending in a year (and letters), the export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..documents.letters import LettersOutcome, Sender, default_sender, write_letters
from ..domain import register_schema as rs
from ..domain.register_views import CertificateLine, EstablishmentHistory, Lookalike, with_status
from ..domain.values import yes_no_text
from ..errors import BinhchonError
from ..register import Register
from ..register import export_views, views
from ..workbooks.register_export import write_export


def show_establishments(register: Register, query: str, today: dt.date | None = None) -> list[EstablishmentHistory]:
    """The history of every establishment the query (tax number or name) means; BinhchonError when none."""
    today = today or dt.date.today()
    with register.reading() as conn:
        ids = views.find_establishments(conn, query)
        found = [views.history(conn, est_id) for est_id in ids]
    if not found:
        raise BinhchonError(
            f"Sổ theo dõi {register.where} không có cơ sở nào có mã số hoặc tên “{query}”. Hãy thử một phần "
            "của tên (không cần dấu) hoặc mã số ĐKKD/MST.")
    return [_dated(h, today) for h in found]


def _dated(history: EstablishmentHistory, today: dt.date) -> EstablishmentHistory:
    return replace(history, certificates=tuple(with_status(history.certificates, today)))


@dataclass
class ExpiringOutcome:
    """The certificates ending in a year and, with --letters, the letters written."""

    year: int
    lines: list[CertificateLine]
    letters: LettersOutcome | None = None
    years_held: tuple[int, int] | None = None  # the first and last validity years the register holds

    @property
    def invited(self) -> list[CertificateLine]:
        """The certificates whose products were not recognised again since (those the letters are about)."""
        return [line for line in self.lines if not line.renewed]

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        if not self.lines:
            span = (f" (sổ có giấy chứng nhận hết hiệu lực từ năm {self.years_held[0]} đến {self.years_held[1]})"
                    if self.years_held else " (sổ chưa có giấy chứng nhận nào)")
            return f"Không có giấy chứng nhận nào hết hiệu lực trong năm {self.year}{span}."
        establishments = len({line.establishment_id for line in self.invited})
        text = (f"{len(self.lines)} giấy chứng nhận hết hiệu lực trong năm {self.year}; "
                f"{len(self.invited)} sản phẩm của {establishments} cơ sở chưa được công nhận lại.")
        if self.letters is not None:
            text += f" Đã viết {len(self.letters.files)} thư mời và tệp in chung {self.letters.merged}."
            if self.letters.pdf_files:
                text += f" Đã xuất PDF của từng thư và của tệp in chung ({len(self.letters.pdf_files)} tệp PDF)."
        return text


def expiring(register: Register, year: int, *, letters_dir: Path | None = None, sender: Sender | None = None,
             pdf: bool = False, today: dt.date | None = None) -> ExpiringOutcome:
    """The certificates whose validity ends in year; with letters_dir, the invitations to register again."""
    today = today or dt.date.today()
    with register.reading() as conn:
        lines = with_status(views.certificate_lines(conn, ending_in=year), today)
        held = views.validity_years(conn)
    outcome = ExpiringOutcome(year, lines, years_held=held)
    if letters_dir is not None and outcome.invited:
        province = next((line.province for line in outcome.invited if line.province), "")
        outcome.letters = write_letters(outcome.invited, year, sender or default_sender(province, today),
                                        letters_dir, pdf=pdf)
    return outcome


@dataclass
class ExportOutcome:
    """The export written, and how many rows each view has."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        parts = ", ".join(f"{name}: {n}" for name, n in self.counts.items())
        return f"Đã xuất sổ theo dõi ra {self.path} ({parts} dòng)."


def export_register(register: Register, path: Path, today: dt.date | None = None) -> ExportOutcome:
    """Write every view of the register into one workbook, one Excel table per sheet."""
    if path.suffix.lower() != ".xlsx":
        raise BinhchonError(f"Tệp xuất {path} phải có đuôi .xlsx (ví dụ so_theo_doi.xlsx).")
    with register.reading() as conn:
        tables = export_views.all_views(conn, today or dt.date.today())
    write_export(path, tables, {rs.VIEW_DUPLICATES: {rs.COL_SAME: (yes_no_text(True), yes_no_text(False))}})
    return ExportOutcome(path, {name: len(rows) - 1 for name, rows in tables.items()})


def duplicates(register: Register) -> list[Lookalike]:
    """Establishments of one commune whose names look alike, less the pairs a person rejected."""
    with register.reading() as conn:
        return views.lookalike_pairs(conn)
