"""Small finished contests made through the real use cases, with numbers known in advance."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from xl_addin.domain import rules, schema
from xl_addin.domain.sheets.info import info_from_rows, rows_from_info
from xl_addin.domain.sheets.judges import rows_from_judges
from xl_addin.domain.sheets.registrations import rows_from_registrations
from xl_addin.domain.models import Judge, Registration
from xl_addin.domain.sheets.rules import rows_from_rules
from xl_addin.usecases.init import init_contest
from xl_addin.usecases.judges import make_judge_sheets
from xl_addin.usecases.results import compute
from xl_addin.workbooks.contest_book import FileContestBook
from xl_addin.workbooks.judge_workbook import fill_scores

JUDGES = (Judge("GK01", "Nguyễn Văn An", "Phó Giám đốc", "Sở Công Thương"),
          Judge("GK02", "Trần Thị Bình", "Trưởng phòng", "Sở Công Thương"),
          Judge("GK03", "Lê Văn Cường", "Chuyên viên", "Trung tâm Khuyến công"))
CRAFT, FOOD = rules.GROUPS[0], rules.GROUPS[1]


@dataclass(frozen=True)
class Item:
    """A product to register, with the total every judge gives it (split over TC1–TC4)."""

    code: str
    name: str
    establishment: str
    commune: str
    tax_code: str = ""
    group: str = CRAFT
    total: int = 80
    photos: int = 4
    description: bool = True
    district: str = "Việt Yên"


def split(total: int) -> dict[str, Decimal]:
    """Points per criterion adding up to total: TC1 and TC2 out of 40, TC3 and TC4 out of 10."""
    tc3 = tc4 = Decimal(min(10, total // 10))
    rest = Decimal(total) - tc3 - tc4
    tc1 = (rest / 2).quantize(Decimal("0.5"))
    return {"TC1": tc1, "TC2": rest - tc1, "TC3": tc3, "TC4": tc4}


def registration(item: Item, row: int, province: str) -> Registration:
    """The Đăng ký row of an item."""
    return Registration(
        code=item.code, name=item.name, group=item.group, establishment=item.establishment,
        establishment_type=rules.ESTABLISHMENT_TYPES[1], representative="Nguyễn Văn Dũng",
        address=f"Thôn Đông, xã {item.commune}, huyện {item.district}", commune=item.commune, district=item.district,
        province=province, tax_code=item.tax_code, phone="0912345678", has_form=True, has_business_reg=True,
        has_description=item.description, photos=item.photos, has_quality_cert=False,
        has_food_safety=item.group == FOOD, row=row,
    )


def make_contest(folder: Path, year: int, items: list[Item], *, decision: dt.date, province: str = "Bắc Giang",
                 quota: int | None = None, forward: int | None = None, provisional: bool = False) -> Path:
    """A provincial contest folder with results computed (official totals = each item's total)."""
    path = init_contest(folder, year=year, level="tinh", province=province).path
    book = FileContestBook(path)
    info, _ = info_from_rows(book.read([schema.SHEET_INFO])[schema.SHEET_INFO])
    info = dataclasses.replace(info, decision_no=f"{100 + year % 100}/QĐ-UBND", decision_date=decision,
                               signer="Lê Ánh Dương", signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                               organiser=f"Ủy ban nhân dân tỉnh {province}")
    book.write_sheet(schema.SHEET_INFO, rows_from_info(info))
    book.write_sheet(schema.SHEET_RULES, rows_from_rules(rules.preset().with_changes(quota=quota, forward_count=forward)))
    regs = [registration(item, i + 2, province) for i, item in enumerate(items)]
    book.append_rows(schema.SHEET_REGISTRATIONS, rows_from_registrations(regs, header=False))
    book.append_rows(schema.SHEET_JUDGES, rows_from_judges(JUDGES, header=False))
    book.save()
    book = FileContestBook(path)
    make_judge_sheets(book)
    book.save()
    for judge in JUDGES:
        scored = items[:-1] if provisional and judge.code == "GK03" else items
        fill_scores(folder / schema.JUDGES_DIR / f"{judge.code}.xlsx", {i.code: split(i.total) for i in scored})
    book = FileContestBook(path)
    outcome = compute(book, provisional=provisional)
    book.save()
    assert outcome.result_set is not None, outcome.summary()
    return folder


def run(capsys, *argv) -> tuple[int, str, str]:
    """binhchon's main on these arguments: its exit code, what it printed and what it printed to stderr."""
    from xl_addin.cli import main

    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def table_count(location: str, folder: Path, table: str) -> int:
    """The rows of a table of the register at location (opened as the commands open it, from folder)."""
    import sqlalchemy as sa

    from xl_addin.register import open_register

    with open_register(location, folder) as reg, reg.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar()
