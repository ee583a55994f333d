"""A contest of many products with real-length names (100+ characters), for the print tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xl_addin.domain import rules
from xl_addin.domain.models import Contest, ContestInfo, Judge, Registration
from xl_addin.domain.results import JudgeTotal, ProductResult, ResultRow, ResultSet

# Each name ends with a token of its own (SP07, CS07) so that a page's text tells whose row it holds.
PRODUCT = "Bộ sản phẩm mây tre đan cao cấp gồm khay, giỏ, lẵng hoa, đèn trang trí và bình hoa đan thủ công mẫu SP{i:02}"
FIRM = ("Công ty TNHH Sản xuất và Thương mại Thủ công mỹ nghệ Mây tre đan xuất khẩu Phú Vinh Chương Mỹ "
        "cơ sở CS{i:02}")
PASS_MARK = Decimal(70)


def code(i: int) -> str:
    """The product code of the i-th product (1-based)."""
    return f"QN-{i:03}"


def total(i: int) -> Decimal:
    """95.00 for the first product, 0.70 less for each next one: products 1-36 reach 70."""
    return Decimal("95") - Decimal(i - 1) * Decimal("0.7")


def long_contest(n: int = 40, judges: int = 5, **info_changes) -> tuple[Contest, list[ResultRow], ResultSet]:
    """n products in the four groups in turn, judges around each total, the council following the pass mark."""
    info = dict(year=2024, level="tinh", province="Quảng Nam", decision_no="1234/QĐ-UBND",
                decision_date=dt.date(2024, 11, 15), signer="Nguyễn Văn Khánh",
                signer_title="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", cert_pattern="QNa/{nam}/{stt:02}")
    info.update(info_changes)
    regs, rows, results = [], [], []
    for i in range(1, n + 1):
        group, name, firm, t = rules.GROUPS[(i - 1) % 4], PRODUCT.format(i=i), FIRM.format(i=i), total(i)
        regs.append(Registration(code(i), name, group, firm, rules.ESTABLISHMENT_TYPES[0],
                                 address=f"Thôn Phú Vinh {i}, xã Phú Nghĩa, huyện Chương Mỹ, TP. Hà Nội",
                                 commune="Phú Nghĩa", district="H. Chương Mỹ", province="Hà Nội"))
        rows.append(ResultRow(code(i), name, group, firm, i, t, t >= PASS_MARK, None))
        judge_totals = tuple(JudgeTotal(f"GK{j:02}", t + j - 3) for j in range(1, judges + 1))
        means = {c.code: t * c.max_points / 100 for c in rules.preset().top_criteria}
        results.append(ProductResult(code(i), name, group, firm, i, means, t, t, judge_totals, judges, Decimal(judges - 1),
                                     t >= PASS_MARK, t >= PASS_MARK, i <= 10))
    panel = tuple(Judge(f"GK{j:02}", f"Nguyễn Văn {j}", "TS.") for j in range(1, judges + 1))
    result_set = ResultSet(tuple(results), PASS_MARK, None, 10, ("TC1", "TC2", "TC3", "TC4"),
                           "Bằng tổng điểm: xếp theo điểm bình quân TC1, rồi TC2, TC3, TC4")
    return Contest(ContestInfo(**info), rules.preset(), tuple(regs), panel), rows, result_set
