"""The sample contest of the documents tests, built inline from the models."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xl_addin.domain import rules
from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration
from xl_addin.domain.results import JudgeTotal, ProductResult, ResultRow, ResultSet

GROUPS = rules.GROUPS
LONG_NAME = (
    "Bộ sản phẩm mây tre đan cao cấp gồm khay, giỏ, lẵng hoa, đèn trang trí và bình hoa đan thủ công "
    "từ nguyên liệu mây, tre, giang tự nhiên của làng nghề truyền thống Tăng Tiến, huyện Việt Yên"
)
ODD_ESTABLISHMENT = "Công ty TNHH A & B <Việt Nam>"

# code, product, group index, establishment, address, commune, district, rank, total, council, cert_no
PRODUCTS = [
    ("SP01", "Gốm Thổ Hà men rạn", 0, "Hợp tác xã gốm Thổ Hà", "Thôn Thổ Hà", "Xã Vân Hà", "Huyện Việt Yên",
     1, "92.5", True, ""),
    ("SP02", 'Nước mắm "Cá Cơm" & muối ớt', 1, ODD_ESTABLISHMENT, "Số 5, đường Lê Lợi", "Phường Hoàng Văn Thụ",
     "", 2, "88.25", True, ""),
    ("SP/03", LONG_NAME, 0, "Hộ kinh doanh Nguyễn Thị Hằng", "Thôn Tăng Tiến", "Xã Tăng Tiến",
     "Huyện Việt Yên", 3, "85", True, ""),
    ("SP04", "Máy tuốt lúa liên hoàn MT-05", 2, "Công ty cổ phần Cơ khí Đức Thắng", "Cụm công nghiệp Đồng Đình",
     "Xã Tân Dĩnh", "Huyện Lạng Giang", 4, "80.75", True, "005/GCN-CNNT"),
    ("SP05", "Bánh đa Kế", 1, "Cơ sở bánh đa Kế", "Thôn Kế", "Xã Dĩnh Kế", "", 5, "72", False, ""),
    ("SP06", "Chổi chít Lục Ngạn", 3, "Tổ hợp tác chổi chít", "Thôn Hồ", "Xã Hồng Giang", "Huyện Lục Ngạn",
     6, "65.5", None, ""),
]
JUDGE_CODES = ("GK1", "GK2", "GK3")


def make_info(**changes) -> ContestInfo:
    """The contest facts of the sample (a provincial contest of 2019 in Bắc Giang)."""
    values = dict(
        year=2019, level="tinh", province="Bắc Giang", organiser="Sở Công Thương tỉnh Bắc Giang",
        decision_no="1234/QĐ-UBND", decision_date=dt.date(2019, 11, 15), signer="Lê Ánh Dương",
        signer_title="Chủ tịch", cert_pattern="{stt:03}/GCN-CNNT",
    )
    values.update(changes)
    return ContestInfo(**values)


def make_contest(info: ContestInfo | None = None) -> Contest:
    """The sample contest: six registrations, three judges."""
    regs = tuple(
        Registration(code=c, name=n, group=GROUPS[g], establishment=e, establishment_type=rules.ESTABLISHMENT_TYPES[0],
                     address=a, commune=co, district=d, province="Bắc Giang", row=i + 2)
        for i, (c, n, g, e, a, co, d, *_rest) in enumerate(PRODUCTS)
    )
    judges = (Judge("GK1", "Nguyễn Văn An", "PGS.TS"), Judge("GK2", "Trần Thị Bình"), Judge("GK3", "Lê Văn Cường"))
    return Contest(info or make_info(), rules.preset(), regs, judges)


def make_rows() -> list[ResultRow]:
    """The Kết quả sheet of the sample, as it stands."""
    return [
        ResultRow(code=c, name=n, group=GROUPS[g], establishment=e, rank=rank, total=Decimal(total),
                  council=council, forward=None, cert_no=cert, row=i + 2)
        for i, (c, n, g, e, _a, _co, _d, rank, total, council, cert) in enumerate(PRODUCTS)
    ]


def make_result_set() -> ResultSet:
    """Computed results matching the rows: judge totals around each product's total."""
    results = []
    for c, n, g, e, _a, _co, _d, rank, total, council, _cert in PRODUCTS:
        t = Decimal(total)
        judge_totals = (JudgeTotal("GK1", t + 1), JudgeTotal("GK2", t - 1), JudgeTotal("GK3", None, conflicted=True))
        means = {"TC1": t * Decimal("0.4"), "TC2": t * Decimal("0.4"), "TC3": t / 10, "TC4": t / 10}
        results.append(ProductResult(
            code=c, name=n, group=GROUPS[g], establishment=e, rank=rank, criterion_means=means, exact_total=t,
            total=t, judge_totals=judge_totals, judge_count=2, spread=Decimal(2), passed=t >= 70,
            council_proposal=t >= 70, forward_proposal=False, flags=("Độ lệch lớn",) if rank == 2 else (),
        ))
    return ResultSet(tuple(results), Decimal(70), None, None, ("TC1", "TC2", "TC3", "TC4"),
                     "Bằng tổng điểm: xếp theo điểm bình quân TC1, rồi TC2, TC3, TC4")
