"""Create a contest folder: the contest workbook filled from a rules preset, and its sub-folders."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..domain import rules as rules_mod
from ..domain import schema
from ..domain.sheets.info import info_from_rows, rows_from_info, with_info_notes
from ..domain.models import ContestInfo
from ..domain.sheets.rules import rows_from_rules
from ..errors import BinhchonError
from ..workbooks.contest_book import FileContestBook
from ..workbooks.contest_template import create_contest_workbook
from ..workbooks.xlsx_io import write_fault
from .journal import log_action


@dataclass(frozen=True)
class InitOutcome:
    """The contest workbook created."""

    path: Path

    def summary(self) -> str:
        """A one-line Vietnamese summary."""
        return f"Đã tạo sổ bình chọn {self.path}."


def init_contest(folder: Path, *, year: int, level: str, province: str, region: str = "",
                 organiser: str = "", preset: str = rules_mod.DEFAULT_PRESET) -> InitOutcome:
    """Create DIR/binhchon.xlsx (every sheet, rules from the preset), DIR/phieu_cham/ and DIR/van_ban/."""
    if level not in rules_mod.LEVELS:
        raise BinhchonError(f"Cấp “{level}” không hợp lệ. Chọn một trong: {', '.join(rules_mod.LEVELS)}.")
    if preset not in rules_mod.PRESETS:
        raise BinhchonError(f"Bộ quy định “{preset}” không có. Chọn một trong: {', '.join(rules_mod.PRESETS)}.")
    organiser = organiser or f"Sở Công Thương tỉnh {province}" if level == "tinh" else organiser
    info = ContestInfo(year=year, level=level, province=province.strip(), region=region.strip(),
                       organiser=organiser.strip(), contest_id=uuid.uuid4().hex[:12]).with_level_defaults()
    problems = argument_problems(info)
    if problems:
        raise BinhchonError(" ".join(problems) + " Chưa tạo sổ bình chọn.")
    folder = Path(folder)
    path = folder / schema.CONTEST_FILE
    if path.exists():
        raise BinhchonError(f"{path} đã có; công cụ không ghi đè sổ bình chọn. Hãy chọn thư mục khác.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / schema.JUDGES_DIR).mkdir(exist_ok=True)
        (folder / schema.DOCUMENTS_DIR).mkdir(exist_ok=True)
    except OSError as exc:  # a file where a folder should be, a read-only or full disk: say where
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise BinhchonError(f"Không tạo được thư mục {folder}: {blocker} là một tệp, không phải thư mục. "
                                "Hãy chọn thư mục khác cho cuộc bình chọn.") from exc
        raise write_fault(path, exc) from exc
    create_contest_workbook(path, with_info_notes(rows_from_info(info)), rows_from_rules(rules_mod.preset(preset)))
    book = FileContestBook(path)
    log_action(book, "Tạo cuộc bình chọn", [], f"Năm {year}, cấp {rules_mod.LEVELS[level]}, {province}, bộ quy định {preset}.")
    book.save()
    return InitOutcome(path)


# The Thông tin rows init fills from its arguments, and the option that gave each.
OPTIONS = {schema.INFO_YEAR: "--year", schema.INFO_LEVEL: "--level", schema.INFO_PROVINCE: "--province",
           schema.INFO_REGION: "--region", schema.INFO_ORGANISER: "--organiser"}
_CELL_PREFIX = re.compile(r"^Ô [A-Z]+[0-9]+: ")


def argument_problems(info: ContestInfo) -> list[str]:
    """What validate would say about the Thông tin sheet init is about to write, per option given."""
    rows = rows_from_info(info)
    _, findings = info_from_rows(rows)
    problems = []
    for f in findings:
        label = rows[f.row - 1][0] if f.row and f.row <= len(rows) else None
        if not f.is_error or label not in OPTIONS:
            continue
        if label == schema.INFO_ORGANISER and not info.organiser:
            continue  # left for the Thông tin sheet: only the provincial level has a default
        problems.append(f"Tham số {OPTIONS[label]}: {_CELL_PREFIX.sub('', f.message)}")
    return problems
