"""The sample programme's ten-year history: earlier provincial contests, upper rounds, activities, reference counts.

Built from the 2019 sample (the same establishments and tax numbers), so establishments register
again over the years; one cooperative registers in 2013 under a differently spelled name with the
same tax number. Everything is fixed by seeds and plain data (no I/O).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from ..models import ContestInfo, Judge, Registration
from . import names
from .programme import FIRST_ROW, sample_programme
from .scores import _fit_sum, _half, _judge_cells

YEARS = (2011, 2013, 2015, 2017)  # the earlier provincial contests (2019 is the sample itself)
SIZES = {2011: 18, 2013: 22, 2015: 26, 2017: 30}  # products registered in each
FORWARD = 5  # the top products each earlier contest proposes to the regional round
REGIONAL_RECOGNISED, NATIONAL_RECOGNISED = 3, 2  # of those forwarded, per round
ALWAYS = "Rượu mơ làng Vân"  # registers every time, so it is recognised again
RESPELLED = ("Hợp tác xã Sản xuất và Kinh doanh rượu làng Vân", "HTX SX & KD Rượu Làng Vân")  # in 2013
# Activities of the decade, per kind: the totals of the 2019 Bắc Giang ten-year summary.
ACTIVITY_TOTALS = (
    ("Đề án khuyến công", 19, "Hỗ trợ ứng dụng máy móc, thiết bị"),
    ("Hội chợ, triển lãm", 9, "Hội chợ hàng CNNT tiêu biểu"),
    ("Lượt cơ sở tham gia hội chợ", 356, ""),
    ("Bản tin khuyến công", 1800, "Bản tin Khuyến công Bắc Giang"),
    ("Catalog giới thiệu sản phẩm", 3000, "Catalog sản phẩm CNNT tiêu biểu"),
    ("Chương trình truyền hình, tin bài", 812, "Phóng sự, tin bài trên Đài PT-TH tỉnh"),
    ("Nhà trưng bày sản phẩm", 4, "Hỗ trợ phòng trưng bày, giới thiệu sản phẩm"),
)
REFERENCE_YEAR = 2019
# Communes of the reference list counted one by one (the rest are counted per district only).
COMMUNE_COUNTS = (("Sơn Động", "An Lập", 64), ("Sơn Động", "Thanh Luận", 41), ("Lục Ngạn", "Biển Động", 118),
                  ("Lục Ngạn", "Phượng Sơn", 236))


@dataclass(frozen=True)
class PastContest:
    """One earlier contest as the demo types it: facts, registrations, judges and their scores."""

    info: ContestInfo
    registrations: tuple[Registration, ...]
    judges: tuple[Judge, ...]
    scores: dict[str, dict[str, dict[str, Decimal]]]


def past_contests() -> tuple[PastContest, ...]:
    """The earlier provincial contests, oldest first."""
    sample = sample_programme()
    judges = tuple(dataclasses.replace(j, conflicts=frozenset()) for j in sample.judges)
    return tuple(_contest(year, sample.registrations, judges, sample.info) for year in YEARS)


def _contest(year: int, pool: tuple[Registration, ...], judges: tuple[Judge, ...], info: ContestInfo) -> PastContest:
    rng = random.Random(year)
    chosen = [r for r in pool if r.name == ALWAYS]
    chosen += rng.sample([r for r in pool if r.name != ALWAYS], SIZES[year] - 1)
    chosen.sort(key=lambda r: r.code)
    regs = tuple(_registration(r, year, i, rng) for i, r in enumerate(chosen))
    facts = dataclasses.replace(
        info, year=year, decision_no=f"{1200 + year - 2000}/QĐ-UBND", decision_date=dt.date(year, 11, 15),
        cert_pattern="{stt:03}/{nam}/GCN-SCT", contest_id=f"bac-giang-{year}-tinh")
    return PastContest(facts, regs, judges, _scores(regs, judges, rng))


def _registration(r: Registration, year: int, index: int, rng: random.Random) -> Registration:
    """The 2019 registration as it was in an earlier year: its own code, more dossier gaps."""
    changes: dict = {"code": f"BG{year % 100:02d}-{index + 1:03}", "row": FIRST_ROW + index, "note": ""}
    changes.update(has_form=True, has_business_reg=True, has_description=True, photos=max(r.photos or 3, 3))
    roll = rng.random()
    if roll < 0.12:
        changes.update(has_business_reg=False, note="Chưa có bản sao giấy đăng ký kinh doanh")
    elif roll < 0.20:
        changes.update(has_description=False, note="Thiếu bản thuyết minh sản phẩm")
    elif roll < 0.26:
        changes.update(photos=2, note="Mới nộp 2 ảnh màu")
    if year == 2013 and r.establishment == RESPELLED[0]:
        changes["establishment"] = RESPELLED[1]
    return dataclasses.replace(r, **changes)


def _scores(regs: tuple[Registration, ...], judges: tuple[Judge, ...], rng: random.Random):
    """Every judge's scores around a target per product spread over 58…93."""
    targets = [Decimal(58 + 35 * i / max(len(regs) - 1, 1)).quantize(Decimal("0.1")) for i in range(len(regs))]
    targets = [t + Decimal("0.3") if t == 70 else t for t in targets]
    rng.shuffle(targets)
    top = targets.index(max(targets))
    for i, reg in enumerate(regs):  # the product that always registers is always among the best
        if reg.name == ALWAYS:
            targets[i], targets[top] = targets[top], targets[i]
    scores: dict[str, dict[str, dict[str, Decimal]]] = {j.code: {} for j in judges}
    for reg, target in zip(regs, targets):
        cells = {j.code: _judge_cells(reg.name, j.code, target, rng) for j in judges}
        _fit_sum(cells, _half(target * len(judges)))
        for judge, judge_cells in cells.items():
            scores[judge][reg.code] = {c: _half(v) for c, v in judge_cells.items()}
    return scores


def upper_rows(forwarded: dict[int, list[tuple[str, Registration]]]) -> list[list[object]]:
    """Kết quả cấp trên rows: each contest's forwarded products in the next year's regional, then national round.

    forwarded maps a contest's year to its (code, registration) forwarded, best first.
    """
    rows = []
    for year, products in sorted(forwarded.items()):
        if year not in YEARS:
            continue
        round_year = year + 1
        for rank, (code, r) in enumerate(products):
            won = rank < REGIONAL_RECOGNISED
            rows.append(_upper(round_year, "Khu vực", code, r, won, f"{150 + rank}/QĐ-CTĐP", rank))
            if won:
                rows.append(_upper(round_year, "Quốc gia", code, r, rank < NATIONAL_RECOGNISED, f"{3300 + rank}/QĐ-BCT",
                                   rank))
    return rows


def _upper(year: int, level: str, code: str, r: Registration, won: bool, decision: str, rank: int) -> list[object]:
    cert = f"{rank + 1:02d}/{year}/GCN-{'KV' if level == 'Khu vực' else 'QG'}" if won else ""
    return [year, level, code, r.name, r.establishment, r.tax_code, "Có" if won else "Không",
            decision if won else "", dt.date(year, 10, 20) if won else None, cert]


def activity_rows() -> list[list[object]]:
    """Hoạt động rows: each kind's ten-year total spread over 2010…2019."""
    rows = []
    for kind, total, content in ACTIVITY_TOTALS:
        years = list(range(2010, 2020))
        share, extra = divmod(total, len(years))
        for i, year in enumerate(years):
            quantity = share + (1 if i < extra else 0)
            if quantity:
                rows.append([year, kind, quantity, content, ""])
    return rows


def reference_rows() -> list[list[object]]:
    """Cơ sở CNNT rows: every district's count, and a few communes counted one by one."""
    rows: list[list[object]] = [[REFERENCE_YEAR, d, "", n] for d, n in names.DISTRICT_ESTABLISHMENTS]
    return rows + [[REFERENCE_YEAR, d, c, n] for d, c, n in COMMUNE_COUNTS]
