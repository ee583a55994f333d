"""A small period of the register, as ReportData, with every count worked out by hand in the tests."""

from __future__ import annotations

import datetime as dt

from xl_addin.domain.register_records import (
    ActivityRecord, ContestRecord, RecognitionRecord, ReferenceCount, RegistrationRecord, ReportData, RoundRecord,
)
from xl_addin.domain.rules import GROUPS

BUSINESS_REG, DESCRIPTION = "Giấy đăng ký kinh doanh", "Bản thuyết minh"
PRODUCTS = {  # product id -> (name, group, establishment id, establishment name)
    1: ("Rượu làng Vân", GROUPS[1], 1, "Hợp tác xã rượu làng Vân"),
    2: ("Rượu mơ", GROUPS[1], 1, "Hợp tác xã rượu làng Vân"),
    3: ("Bánh đa Kế", GROUPS[1], 2, "Cơ sở bánh đa Kế"),
    4: ("Máy tuốt lúa", GROUPS[2], 3, "Cơ khí Phượng Sơn"),
}
DISTRICT = {1: ("Việt Yên", "Vân Hà"), 2: ("Việt Yên", "Vân Hà"), 3: ("Yên Dũng", "xã Tư Mại"),
            4: ("huyện Lục Ngạn", "Phượng Sơn")}


def reg(contest_id: int, level: str, year: int, pid: int, *, name: str | None = None, missing=()) -> RegistrationRecord:
    """A registration of product pid in a contest."""
    product, group, est, est_name = PRODUCTS[pid]
    district, commune = DISTRICT[pid]
    return RegistrationRecord(contest_id, level, year, pid, f"P{pid}-{year}", product, group, est,
                              name or est_name, tax_code=f"24000000{est:02d}", commune=commune, district=district,
                              province="Bắc Giang", missing_documents=tuple(missing))


def rec(level: str, year: int, pid: int, valid_year: int, cert: str = "") -> RecognitionRecord:
    """A recognition of product pid, valid to 31/12 of valid_year."""
    product, group, est, est_name = PRODUCTS[pid]
    return RecognitionRecord(level, year, pid, f"P{pid}-{year}", product, group, est, est_name,
                             district=DISTRICT[pid][0], cert_no=cert or f"{pid:03d}/{year}",
                             issued=dt.date(year, 11, 15), valid_until=dt.date(valid_year, 12, 31))


def small_period(year_from: int = 2010, year_to: int = 2015) -> ReportData:
    """Two provincial contests (2011, 2013), a district one (2013), a regional and a national round."""
    return ReportData(
        year_from=year_from, year_to=year_to, province="Bắc Giang",
        contests=(
            ContestRecord(1, "tinh", 2011, "Bắc Giang", products=3),
            ContestRecord(2, "tinh", 2013, "Bắc Giang", products=2),
            ContestRecord(3, "khu-vuc", 2012, "Phía Bắc", held_here=False),
            ContestRecord(4, "huyen", 2013, "Lục Ngạn", products=1),
        ),
        registrations=(
            reg(1, "tinh", 2011, 1), reg(1, "tinh", 2011, 2, missing=[BUSINESS_REG]),
            reg(1, "tinh", 2011, 3, missing=[BUSINESS_REG, DESCRIPTION]),
            # the same cooperative (one tax number, one register id) under another spelling
            reg(2, "tinh", 2013, 1, name="HTX Rượu Làng Vân"), reg(2, "tinh", 2013, 4), reg(4, "huyen", 2013, 4),
        ),
        recognitions=(
            rec("tinh", 2011, 1, 2014), rec("tinh", 2011, 3, 2014), rec("tinh", 2013, 1, 2016),
            rec("tinh", 2013, 4, 2016), rec("khu-vuc", 2012, 1, 2015),
        ),
        rounds=(
            RoundRecord("khu-vuc", 2012, 1, PRODUCTS[1][0], GROUPS[1], 1, True),
            RoundRecord("khu-vuc", 2012, 3, PRODUCTS[3][0], GROUPS[1], 2, False),
            RoundRecord("quoc-gia", 2014, 1, PRODUCTS[1][0], GROUPS[1], 1, True),
        ),
        activities=(
            ActivityRecord(2012, "Hội chợ, triển lãm", 2), ActivityRecord(2014, "hoi cho, trien lam", 1),
            ActivityRecord(2013, "Lượt cơ sở tham gia hội chợ", 40), ActivityRecord(2016, "Đề án khuyến công", 5),
            ActivityRecord(2011, "Bản tin khuyến công", 1800),
        ),
        reference_counts=(
            ReferenceCount(2015, "Việt Yên", "", 100), ReferenceCount(2015, "Yên Dũng", "", 50),
            ReferenceCount(2015, "Sơn Động", "", 20), ReferenceCount(2015, "Lục Ngạn", "Phượng Sơn", 30),
            ReferenceCount(2015, "Lục Ngạn", "Biển Động", 10),
        ),
        today=dt.date(2016, 3, 1),
    )
